"""The tenancy rules of the data model, checked over every concrete model of the project's apps.

- A model with a `community` field is a TenantModel whose community foreign key is required.
- Its unique constraints (UniqueConstraint, unique_together, unique fields) all include `community`.
- What Citus checks when it distributes the tables by `community_id` (communities.schema): every tenant
  table's primary key carries the community, every foreign key to another tenant model is declared on
  `(community_id, x_id)` (its single-column constraint off), and no global table points at a tenant table.
  tests/security/test_tenant_keys.py checks the same on the PostgreSQL catalogue.
- Its rows never point at another community's rows: `assert_same_community` checks every tenant row that
  the factories and services create, one builder per model (a new tenant model fails until it has one).
- The models without a community are exactly the listed global ones.
"""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models
from django.utils import timezone

from analytics.services import record
from communities import services
from communities.inbox import notification_mark_read, preference_set
from communities.models import Community, Rule, TenantModel
from communities.notifications import notify
from communities.schema import TenantForeignKey, TenantPrimaryKey
from communities.selectors import rule_list
from content.models import PollOption, Reply, Topic
from content.services import conversations as conversation_services
from content.services import critiques as critique_services
from content.services import discussion_moderation
from content.services import discussions as discussion_services
from content.services import polls as poll_services
from content.services import questions as question_services
from content.services import sessions as session_services
from events.services import attendance as attendance_services
from events.services import feedback as feedback_services
from events.services import notices as event_notices
from members import reportables
from members.models import RuleAcceptance
from members.services import applications as vetting
from members.services import membership_join, membership_leave, moderation, recruitment
from members.services import onboarding as onboarding_services
from members.services import profiles as profile_services
from members.services.policy import member_policy_update
from members.services.relationships import cadence_set, touchpoint_create
from members.services.reporting import report_create
from tests import factories
from tests.api.helpers import png_upload
from tests.content.helpers import discussion_ids, post_rows
from tests.events import attendance_helpers
from tests.project import project_models

# Global (non-tenant) models: the tenant itself and the platform-wide accounts.
GLOBAL_MODELS = {"accounts.User", "accounts.ApiToken", "communities.Community", "events.CalendarFeed"}


def has_community_field(model) -> bool:
    return any(field.name == "community" for field in model._meta.get_fields())


TENANT_MODELS = [model for model in project_models() if has_community_field(model)]


def _generic_relations(model):
    """(content type field, object id field) pairs: GenericForeignKeys and `<x>_type`/`<x>_id` columns."""
    pairs = {(f.ct_field, f.fk_field) for f in model._meta.private_fields if isinstance(f, GenericForeignKey)}
    names = {field.name for field in model._meta.concrete_fields}
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is ContentType and field.name.endswith("_type"):
            id_field = field.name.removesuffix("_type") + "_id"
            if id_field in names:
                pairs.add((field.name, id_field))
    return pairs


def assert_same_community(instance) -> None:
    """Each tenant row that `instance` points to (FK, many-to-many, generic target) is in its community."""
    label = f"{instance._meta.label} #{instance.pk}"
    community_id = instance.community_id
    for field in instance._meta.concrete_fields:
        if field.is_relation and field.name != "community" and issubclass(field.related_model, TenantModel):
            target = getattr(instance, field.name)
            assert target is None or target.community_id == community_id, (
                f"{label}.{field.name} crosses communities"
            )
    for field in instance._meta.many_to_many:
        if issubclass(field.related_model, TenantModel):
            foreign = getattr(instance, field.name).exclude(community_id=community_id)
            assert not foreign.exists(), f"{label}.{field.name} crosses communities"
    for type_field, id_field in _generic_relations(type(instance)):
        content_type, object_id = getattr(instance, type_field), getattr(instance, id_field)
        if content_type is None or not object_id:
            continue
        target = content_type.get_object_for_this_type(pk=object_id)
        target_community = (
            target.pk if isinstance(target, Community) else getattr(target, "community_id", None)
        )
        if isinstance(target, Community | TenantModel):
            assert target_community == community_id, f"{label}.{type_field} targets another community"


# --- Builders: create rows of each tenant model through its factories and services -------------------------


def _owner(community):
    return factories.member(community=community, role="owner").user


def _with_rules(community):
    owner = _owner(community)
    rules = [
        services.rule_create(actor=owner, community=community, category="conduct", title=title)
        for title in ("Be kind", "Credit others")
    ]
    return owner, rules


def build_rules(a, b):
    owner, rules = _with_rules(a)
    _with_rules(b)
    factories.RuleFactory(community=a)
    services.rule_update(actor=owner, rule=rules[0], title="Be kind, always")
    services.rules_reorder(
        actor=owner, community=a, rule_ids=[r.pk for r in reversed(rule_list(community=a))]
    )


def build_rules_versions(a, b):
    owner, rules = _with_rules(a)
    _with_rules(b)
    services.rule_delete(actor=owner, rule=rules[1])
    factories.RulesVersionFactory(community=a, number=99)


def build_memberships(a, b):
    _with_rules(b)
    user = factories.UserFactory()
    factories.member(community=b, user=user)
    membership_join(actor=user, community=a, accepted_rules_version=None)
    membership_leave(actor=user, community=a)
    factories.member(community=a, status="pending")


def build_rule_acceptances(a, b):
    _with_rules(a)
    _with_rules(b)
    user = factories.UserFactory()
    # Two rules each, so version 2 is current in both communities.
    membership_join(actor=user, community=b, accepted_rules_version=2)
    membership_join(actor=user, community=a, accepted_rules_version=2)
    factories.RuleAcceptanceFactory()


def build_activity_events(a, b):
    owner, rules = _with_rules(a)
    _with_rules(b)
    services.community_update(actor=owner, community=a, tagline="New")
    services.community_create(actor=owner, slug="fresh-community", name="Fresh", skill_domain="music")
    record(community=a, actor=owner, verb="rule.viewed", target=rules[0])


def _relationships_in(community):
    """A policy changed, a followed member with a cadence and a touchpoint, all through the services."""
    owner = _owner(community)
    member_policy_update(actor=owner, community=community, trust_lookback_days=30)
    followed = factories.member(community=community)
    cadence_set(actor=owner, community=community, membership=followed, every_days=7, caretaker=owner)
    touchpoint_create(actor=owner, community=community, membership=followed, kind="call")


def build_relationships(a, b):
    _relationships_in(a)
    _relationships_in(b)


def _vet_in(community):
    """Questions asked, two applications (one approved, one rejected), one withdrawn, through the services."""
    owner = _owner(community)
    question = vetting.question_create(actor=owner, community=community, label="Why?", kind="short_text")
    applied = [
        vetting.application_submit(
            actor=factories.UserFactory(),
            community=community,
            answers={str(question.pk): "Because"},
            accepted_rules_version=None,
        )
        for _ in range(3)
    ]
    vetting.application_decide(actor=owner, community=community, application=applied[0], decision="approve")
    vetting.applications_decide_bulk(actor=owner, community=community, ids=[applied[1].pk], decision="reject")
    vetting.application_withdraw(actor=applied[2].applicant, community=community)
    vetting.question_retire(actor=owner, question=question)


def build_vetting(a, b):
    a.join_policy = b.join_policy = Community.JoinPolicy.APPLICATION
    a.save()
    b.save()
    _vet_in(a)
    _vet_in(b)
    factories.ApplicationFactory(community=a)
    factories.ApplicationQuestionFactory(community=b)


def _recruit_in(community):
    """An invitation used once, a join link joined through and a referral, all through the services."""
    owner = factories.member(community=community, role="owner").user
    invitation = recruitment.invitation_create(actor=owner, community=community, role="expert", max_uses=2)
    recruitment.invitation_accept(
        actor=factories.UserFactory(), community=community, code=invitation.code, accepted_rules_version=None
    )
    link = recruitment.join_link_create(actor=owner, community=community, channel="Chat", source_tag="chat")
    joined = recruitment.membership_join_from(
        actor=factories.UserFactory(),
        community=community,
        accepted_rules_version=None,
        arrival={"link": link.code},
    )
    code = recruitment.referral_code_ensure(actor=joined.user, community=community).referral_code
    recruitment.membership_join_from(
        actor=factories.UserFactory(), community=community, accepted_rules_version=None, arrival={"ref": code}
    )


def build_recruitment(a, b):
    _recruit_in(a)
    _recruit_in(b)
    factories.InvitationFactory(community=a)
    factories.JoinLinkFactory(community=b)


def _moderate_in(community):
    """Reports, every moderation action, an auto-hide and a removal, through the services."""
    owner, rules = _with_rules(community)
    moderator = factories.member(community=community, role="moderator").user
    subject = factories.member(community=community)
    report = report_create(
        actor=factories.member(community=community).user,
        community=community,
        target_type="members.membership",
        target_id=subject.pk,
        rule_id=rules[0].pk,
        reason="Rude",
    )
    moderation.member_warn(
        actor=moderator, community=community, membership=subject, reason="1", report=report
    )
    moderation.member_mute(actor=moderator, community=community, membership=subject, days=1, reason="2")
    moderation.member_ban(
        actor=owner, community=community, membership=subject, rule_id=rules[0].pk, reason="3"
    )
    moderation.member_unban(actor=owner, community=community, membership=subject, reason="4")
    moderation.moderation_settings_update(
        actor=owner,
        community=community,
        report_hide_threshold=1,
        warning_ladder=[{"action": "ban"}],
        penalty_decay_days=30,
    )
    # A stand-in content kind (content apps register theirs the same way): a rule row, authored by a member.
    author = factories.member(community=community)
    reportable = reportables.register(Rule, author=lambda rule: author, remove=lambda rule, actor: None)
    try:
        content_report = report_create(
            actor=factories.member(community=community).user,
            community=community,
            target_type=reportable.key,
            target_id=rules[1].pk,
            rule_id=rules[0].pk,
            reason="Spam",
        )
        moderation.content_remove(actor=moderator, community=community, report=content_report, reason="Spam")
    finally:
        reportables._REGISTRY.pop(reportable.key)


def build_critiques(a, b):
    """A rubric, prices, a grant, a work with an image, a critique marked helpful, in each community."""
    for community in (a, b):
        owner = _owner(community)
        author, critic = factories.member(community=community), factories.member(community=community)
        criterion = critique_services.criterion_create(actor=owner, community=community, name="Light")
        critique_services.critique_settings_update(
            actor=owner, community=community, request_cost=1, critique_reward=1
        )
        critique_services.credits_grant(
            actor=owner, community=community, membership=author, amount=2, reason="Start"
        )
        work = critique_services.work_post(
            actor=author.user, community=community, title="Dusk", images=[png_upload("dusk.png")]
        )
        critique = critique_services.critique_give(
            actor=critic.user,
            community=community,
            work=work,
            overall="Warm",
            scores={criterion.pk: {"score": 4, "comment": ""}},
        )
        critique_services.critique_mark_helpful(actor=author.user, community=community, critique=critique)


def build_moderation(a, b):
    _moderate_in(a)
    _moderate_in(b)


def _profiles_in(community):
    """A profile with skills, an operator's note and tag, a custom onboarding step, a welcome notification
    read, and a notification preference, all through the services."""
    owner = _owner(community)
    member = factories.member(community=community)
    profile_services.profile_update(actor=member.user, community=community, skills="film, print")
    profile_services.member_note_add(actor=owner, community=community, membership=member, body="Promising")
    profile_services.member_tag_add(actor=owner, community=community, membership=member, name="core member")
    onboarding_services.onboarding_step_create(
        actor=owner, community=community, title="Ask", verb="question.asked"
    )
    welcome = onboarding_services.welcome_member(membership=member)
    notification_mark_read(actor=member.user, notification_id=welcome.pk)
    preference_set(actor=member.user, community=community, kind="moderation", in_app=True, email=False)
    notify(community=community, recipient=owner, kind="application.approved", note="Done")


def build_profiles(a, b):
    _profiles_in(a)
    _profiles_in(b)


def _qa_and_sessions_in(community):
    """A question with an accepted, upvoted expert answer; a session with an upvoted, answered question,
    its reminders, and a guest expert; all through the services."""
    owner, asker = _owner(community), factories.member(community=community).user
    expert = factories.member(community=community, role="expert")
    question = question_services.question_ask(actor=asker, community=community, title="Why?", tags=["a"])
    answer = question_services.answer_post(
        actor=expert.user, community=community, question=question, body="x"
    )
    question_services.answer_vote(actor=asker, community=community, answer=answer)
    question_services.answer_accept(actor=asker, community=community, question=question, answer=answer)
    session = session_services.session_schedule(
        actor=owner, community=community, title="AMA", topic="x", expert_id=expert.pk,
        starts_at=timezone.now() + timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=2),
    )  # fmt: skip
    asked = session_services.session_question_ask(actor=asker, community=community, session=session, body="?")
    session_services.session_question_vote(actor=owner, community=community, question=asked)
    session_services.session_remind(community=community, session_id=session.pk)
    session_services.guest_expert_invite(
        actor=owner, community=community, account=factories.UserFactory().username
    )


def build_content(a, b):
    _qa_and_sessions_in(a)
    _qa_and_sessions_in(b)


def build_posts(a, b):
    """Tags, a series, a post with revisions and an image, and the post settings, in both communities."""
    for community in (a, b):
        post_rows(community, _owner(community))


def build_discussions(a, b):
    """A space with a member, a topic, nested and quoting replies, reactions and the read-only setting."""
    for community in (a, b):
        owner = _owner(community)
        member = factories.member(community=community).user
        ids = discussion_ids(community, owner, member)
        topic = Topic.objects.get(pk=ids["topic_id"])
        reply_id = ids["reply_id"]
        discussion_services.reply_create(
            actor=member, community=community, topic=topic, body="Yes", parent_id=reply_id, quoted_id=reply_id
        )
        discussion_services.reaction_toggle(actor=member, community=community, topic=topic, emoji="heart")
        reply = Reply.objects.get(pk=reply_id)
        discussion_services.reaction_toggle(
            actor=member, community=community, topic=topic, reply=reply, emoji="heart"
        )
        discussion_moderation.community_read_only(
            actor=owner, community=community, until=timezone.now() + timedelta(hours=1)
        )


def build_polls(a, b):
    """A poll on a topic with a multiple-choice vote, and the follows its author and replier hold."""
    for community in (a, b):
        owner = _owner(community)
        member = factories.member(community=community).user
        topic = Topic.objects.get(pk=discussion_ids(community, owner, member)["topic_id"])
        poll = poll_services.poll_create(
            actor=member,
            community=community,
            topic=topic,
            question="Which?",
            options=["A", "B"],
            multiple=True,
        )
        options = list(PollOption.objects.filter(poll=poll).values_list("pk", flat=True))
        poll_services.poll_vote(actor=owner, community=community, poll=poll, option_ids=options)


def build_conversations(a, b):
    """The messaging rule and a preference, and a group conversation with replies, read and left."""
    for community in (a, b):
        owner = _owner(community)
        one, two = factories.member(community=community), factories.member(community=community)
        conversation_services.messaging_settings_update(actor=owner, community=community, min_trust_level=0)
        conversation_services.messaging_preference_set(
            actor=two.user, community=community, accept_from="contacts"
        )
        conversation = conversation_services.conversation_start(
            actor=owner, community=community, recipient_ids=[one.pk, two.pk], body="Hi"
        )
        conversation_services.message_send(
            actor=one.user, community=community, conversation=conversation, body="x"
        )
        conversation_services.conversation_mark_read(
            actor=owner, community=community, conversation=conversation
        )
        conversation_services.conversation_leave(
            actor=two.user, community=community, conversation=conversation
        )


def build_events(a, b):
    """Event settings, an event with a host, a question, registrations (confirmed, waitlisted, cancelled
    with a promotion), and a weekly series, in both communities."""
    from events.services import events as event_services
    from events.services import questions as event_question_services
    from events.services import registrations as registration_services
    from events.services.series import event_series_create

    for community in (a, b):
        owner = _owner(community)
        host = factories.member(community=community)
        one, two = factories.member(community=community), factories.member(community=community)
        times = {
            "starts_at": timezone.now() + timedelta(days=2),
            "ends_at": timezone.now() + timedelta(days=2, hours=1),
        }
        event_services.event_settings_update(actor=owner, community=community, max_open_registrations=5)
        event = event_services.event_create(
            actor=owner, community=community, title="Meetup", capacity=1, host_ids=[host.pk], **times
        )
        question = event_question_services.registration_question_create(
            actor=owner, community=community, event=event, label="Why?"
        )
        registration_services.registration_create(
            actor=one.user, community=community, event=event, answers={str(question.pk): "To learn"}
        )
        registration_services.registration_create(actor=two.user, community=community, event=event)
        registration_services.registration_cancel(actor=one.user, community=community, event=event)
        event_series_create(
            actor=owner, community=community, title="Study", rrule="FREQ=WEEKLY;COUNT=2", **times
        )


def _attendance_in(community):
    """A past event whose attendee was checked in, reminded before it and gives feedback after it, through
    the services (the event and the registration are written directly: tests/events/attendance_helpers)."""
    owner = _owner(community)
    event = attendance_helpers.make_event(community, starts_in=timedelta(hours=3))
    registration = attendance_helpers.register(event)
    event_notices.event_remind(community=community, event_id=event.pk)
    attendance_services.attendance_check_in(
        actor=owner, community=community, event=event, registration_id=registration.pk,
        now=event.starts_at,
    )  # fmt: skip
    feedback_services.feedback_give(
        actor=registration.membership.user, community=community, event=event, rating=5, now=event.ends_at
    )
    event_notices.event_invite_feedback(community=community, event_id=event.pk, now=event.ends_at)


def build_attendance(a, b):
    _attendance_in(a)
    _attendance_in(b)


def build_competitions(a, b):
    """A competition run to published results (rules, a criterion, a judge, a team entry with an image,
    a score, a vote, awards) and a project event (rules, a project with a second member, an update),
    in both communities."""
    from events.services import events as event_services
    from events.services import projects as project_services
    from events.services.competitions import entries as entry_services
    from events.services.competitions import judging as judging_services
    from events.services.competitions import results as result_services
    from events.services.competitions import rules as rule_services
    from events.services.competitions import votes as vote_services
    from tests.events.competition_helpers import png

    for community in (a, b):
        owner = _owner(community)
        one, two, judge, voter = (factories.member(community=community) for _ in range(4))
        times = {
            "starts_at": timezone.now() + timedelta(days=2),
            "ends_at": timezone.now() + timedelta(days=3),
        }
        event = event_services.event_create(
            actor=owner, community=community, kind="competition", title="C", **times
        )
        rule_services.competition_update(
            actor=owner, community=community, event=event, max_team_size=2, members_vote=True
        )
        criterion = rule_services.criterion_create(
            actor=owner, community=community, event=event, name="Craft"
        )
        rule_services.judge_add(actor=owner, community=community, event=event, membership_id=judge.pk)
        entry = entry_services.entry_submit(
            actor=one.user, community=community, event=event, title="E", description="D", team_name="T",
            member_ids=[two.pk], images=[png()],
        )  # fmt: skip
        judging_services.scores_submit(
            actor=judge.user,
            community=community,
            event=event,
            entry=entry,
            scores={criterion.pk: {"value": 5}},
        )
        vote_services.vote_cast(actor=voter.user, community=community, event=event, entry=entry)
        judging_services.judging_close(actor=owner, community=community, event=event)
        result_services.results_publish(actor=owner, community=community, event=event)
        projects = event_services.event_create(
            actor=owner, community=community, kind="project", title="P", **times
        )
        project_services.collaboration_update(
            actor=owner, community=community, event=projects, max_team_size=3
        )
        project = project_services.project_propose(
            actor=one.user, community=community, event=projects, title="P", description="D"
        )
        project_services.project_join(actor=two.user, community=community, event=projects, project=project)
        project_services.project_update_post(
            actor=one.user, community=community, event=projects, project=project, body="Day 1"
        )


def build_learning_paths(a, b):
    """A published path (a mentor, a prerequisite, a quiz) with a member enrolled who completed a step,
    answered the quiz, had work reviewed and set a goal, in both communities."""
    from learning.services import paths as path_services
    from learning.services import progress
    from tests.learning.helpers import make_path

    for community in (a, b):
        owner = factories.member(community=community, role="owner")
        member, mentor = factories.member(community=community), factories.member(community=community)
        path, (done, work, quiz) = make_path(community, owner, steps=("done", "submit", "quiz"))
        path_services.step_prerequisites_set(
            actor=owner.user, community=community, path=path, step=work, requires_ids=[done.pk]
        )
        path_services.mentor_add(actor=owner.user, community=community, path=path, membership_id=mentor.pk)
        path_services.path_copy(actor=owner.user, community=community, path=path)
        progress.enrolment_create(actor=member.user, community=community, path=path)
        progress.step_complete(actor=member.user, community=community, path=path, step=done)
        submission = progress.submission_create(
            actor=member.user, community=community, path=path, step=work, body="Work"
        )
        progress.submission_review(
            actor=mentor.user, community=community, submission=submission, outcome="approved", feedback="Good"
        )
        attempt = progress.quiz_attempt_start(actor=member.user, community=community, path=path, step=quiz)
        progress.quiz_attempt_answer(
            actor=member.user,
            community=community,
            path=path,
            step=quiz,
            attempt_id=attempt.pk,
            answers=[0, 1],
        )
        progress.goal_create(
            actor=member.user, community=community, title="Goal", target_date=timezone.now().date(), path=path
        )


def build_resources(a, b):
    """A resource, a rating of it and a featured list holding it, in both communities."""
    from learning.services import resources as services

    for community in (a, b):
        owner = _owner(community)
        one, two = factories.member(community=community), factories.member(community=community)
        resource = services.resource_create(
            actor=one.user,
            community=community,
            title="R",
            description="D",
            url="https://example.com/",
            kind="book",
        )
        services.rating_set(actor=two.user, community=community, resource=resource, score=4, review="Good")
        services.featured_list_create(actor=owner, community=community, name="F", resource_ids=[resource.pk])


BUILDERS = {
    **dict.fromkeys(
        ["learning.Resource", "learning.ResourceRating", "learning.FeaturedList", "learning.FeaturedItem"],
        build_resources,
    ),
    "events.EventNotice": build_attendance,
    "events.EventFeedback": build_attendance,
    **dict.fromkeys(
        [
            "events.Competition",
            "events.Criterion",
            "events.Judge",
            "events.Entry",
            "events.EntryMember",
            "events.EntryImage",
            "events.Score",
            "events.Vote",
            "events.Award",
            "events.Collaboration",
            "events.Project",
            "events.ProjectMember",
            "events.ProjectUpdate",
        ],
        build_competitions,
    ),
    **dict.fromkeys(
        [
            "events.EventSettings",
            "events.EventSeries",
            "events.Event",
            "events.EventHost",
            "events.Registration",
            "events.RegistrationQuestion",
        ],
        build_events,
    ),
    **dict.fromkeys(
        [
            "content.MessagingSettings",
            "content.MessagingPreference",
            "content.Conversation",
            "content.ConversationParticipant",
            "content.Message",
        ],
        build_conversations,
    ),
    "content.Question": build_content,
    "content.QuestionTag": build_content,
    "content.Answer": build_content,
    "content.AnswerVote": build_content,
    "content.ExpertSession": build_content,
    "content.SessionQuestion": build_content,
    "content.SessionQuestionVote": build_content,
    "content.SessionReminder": build_content,
    "content.GuestExpert": build_content,
    "content.SearchEntry": build_content,  # questions, answers and sessions index themselves
    "content.Post": build_posts,
    "content.PostTag": build_posts,
    "content.PostTagging": build_posts,
    "content.PostRevision": build_posts,
    "content.PostImage": build_posts,
    "content.PostSettings": build_posts,
    "content.Series": build_posts,
    **dict.fromkeys(
        [
            "content.Space",
            "content.SpaceMember",
            "content.Topic",
            "content.Reply",
            "content.Reaction",
            "content.DiscussionSettings",
        ],
        build_discussions,
    ),
    **dict.fromkeys(
        [
            "content.Poll",
            "content.PollOption",
            "content.PollBallot",
            "content.PollChoice",
            "content.TopicFollow",
        ],
        build_polls,
    ),
    "members.MemberProfile": build_profiles,
    "members.MemberSkill": build_profiles,
    "members.MemberNote": build_profiles,
    "members.MemberTag": build_profiles,
    "members.OnboardingStep": build_profiles,
    "communities.Notification": build_profiles,
    "communities.NotificationPreference": build_profiles,
    "members.Report": build_moderation,
    "members.ModerationAction": build_moderation,
    "members.ContentHold": build_moderation,
    "members.AuditLogEntry": build_moderation,
    "members.Application": build_vetting,
    "members.ApplicationQuestion": build_vetting,
    "communities.Rule": build_rules,
    "communities.RulesVersion": build_rules_versions,
    "members.Membership": build_memberships,
    "members.RuleAcceptance": build_rule_acceptances,
    "analytics.ActivityEvent": build_activity_events,
    "members.Invitation": build_recruitment,
    "members.JoinLink": build_recruitment,
    "members.MemberPolicy": build_relationships,
    "members.ContactCadence": build_relationships,
    "members.Touchpoint": build_relationships,
    **dict.fromkeys(
        [
            "content.CritiqueSettings",
            "content.RubricCriterion",
            "content.CreditAccount",
            "content.Work",
            "content.WorkImage",
            "content.Critique",
            "content.CritiqueScore",
            "content.CreditTransaction",
        ],
        build_critiques,
    ),
    **dict.fromkeys(
        [
            "learning.LearningPath",
            "learning.PathMentor",
            "learning.PathStep",
            "learning.StepPrerequisite",
            "learning.QuizQuestion",
            "learning.Enrolment",
            "learning.StepProgress",
            "learning.Submission",
            "learning.QuizAttempt",
            "learning.LearningGoal",
        ],
        build_learning_paths,
    ),
}


def _ids(model):
    return model._meta.label


# --- Tests ------------------------------------------------------------------------------------------------


def test_models_without_a_community_are_the_listed_global_ones():
    global_models = {model._meta.label for model in project_models() if not has_community_field(model)}
    assert global_models == GLOBAL_MODELS


@pytest.mark.parametrize("model", TENANT_MODELS, ids=_ids)
def test_tenant_model_inherits_tenant_model_with_required_community(model):
    assert issubclass(model, TenantModel)
    field = model._meta.get_field("community")
    assert isinstance(field, models.ForeignKey)
    assert field.related_model is Community
    assert not field.null


@pytest.mark.parametrize("model", TENANT_MODELS, ids=_ids)
def test_unique_constraints_include_community(model):
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            assert "community" in constraint.fields, f"{constraint.name} does not include community"
    for fields in model._meta.unique_together:
        assert "community" in fields, f"unique_together {fields} does not include community"
    for field in model._meta.concrete_fields:
        assert not field.unique or field.primary_key, f"{field.name} is unique across communities"


def _relations_to_tenant_models(model) -> set[str]:
    return {
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.name != "community" and issubclass(field.related_model, TenantModel)
    }


@pytest.mark.parametrize("model", TENANT_MODELS, ids=_ids)
def test_primary_key_carries_the_community(model):
    keys = [c for c in model._meta.constraints if isinstance(c, TenantPrimaryKey)]
    assert [key.columns(model) for key in keys] == [("id", "community_id")]
    assert model._meta.pk.name == "id"  # Django's own primary key stays `id`
    assert not model._meta.parents, "multi-table inheritance: the child table would have no community"


@pytest.mark.parametrize("model", TENANT_MODELS, ids=_ids)
def test_foreign_keys_to_tenant_models_carry_the_community(model):
    declared = {c.field for c in model._meta.constraints if isinstance(c, TenantForeignKey)}
    assert declared == _relations_to_tenant_models(model)
    for name in declared:
        assert not model._meta.get_field(name).db_constraint, f"{name} keeps a constraint on its id alone"
    for field in model._meta.many_to_many:
        if issubclass(field.related_model, TenantModel):
            through = field.remote_field.through
            assert issubclass(through, TenantModel), f"{field.name}: many-to-many without a community"


def test_no_global_table_points_at_a_tenant_table():
    """Citus refuses a foreign key from a reference table to a distributed one (Django's own tables and
    the auto-created many-to-many tables included)."""
    for model in apps.get_models(include_auto_created=True):
        if not issubclass(model, TenantModel):
            assert not _relations_to_tenant_models(model), f"{model._meta.label} points at a tenant model"


@pytest.mark.django_db
@pytest.mark.parametrize("model", TENANT_MODELS, ids=_ids)
def test_rows_made_by_factories_and_services_stay_in_their_community(model):
    builder = BUILDERS.get(model._meta.label)
    if builder is None:
        pytest.fail(f"No builder for {model._meta.label}: add one to BUILDERS (factories and services).")
    builder(factories.CommunityFactory(), factories.CommunityFactory())
    assert model.objects.exists()
    for tenant_model in TENANT_MODELS:
        for row in tenant_model.objects.all():
            assert_same_community(row)


def _crossing_rule_acceptance(a, b):
    """A rule acceptance in `a` of a membership in `b` (not saved: PostgreSQL would refuse it)."""
    return factories.RuleAcceptanceFactory.build(
        community=a,
        membership=factories.member(community=b),
        rules_version=factories.RulesVersionFactory(community=a),
    )


@pytest.mark.django_db
def test_assert_same_community_catches_a_row_pointing_elsewhere():
    a, b = factories.CommunityFactory(), factories.CommunityFactory()
    crossing = _crossing_rule_acceptance(a, b)
    with pytest.raises(AssertionError, match="membership crosses communities"):
        assert_same_community(crossing)
    event = record(community=a, actor=None, verb="rule.viewed", target=factories.RuleFactory(community=b))
    with pytest.raises(AssertionError, match="target_type targets another community"):
        assert_same_community(event)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the composite keys are PostgreSQL's")
def test_postgresql_refuses_a_row_pointing_at_another_community():
    a, b = factories.CommunityFactory(), factories.CommunityFactory()
    crossing = _crossing_rule_acceptance(a, b)
    # The foreign keys are deferred to the commit, as Django's are: the row is saved in autocommit mode
    # (transaction=True), so the statement's own commit checks them, on plain PostgreSQL and on the Citus
    # worker that holds the shard alike (`SET CONSTRAINTS ALL IMMEDIATE` would not reach the workers, and
    # a failed distributed COMMIT hides the reason). A shard's key is named after the table's.
    with pytest.raises(IntegrityError, match="members_ruleacceptance_membership_id_tenant_fk"):
        crossing.save()
    assert not RuleAcceptance.objects.exists()
    crossing.pk, crossing.membership = None, factories.member(community=a)
    crossing.save()
    assert RuleAcceptance.objects.get().membership.community == a

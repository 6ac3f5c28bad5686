"""The world both route matrices run in, and the check that a response holds no row it should not.

Three communities: `public` (open) and `private` (by application) are the ones the matrices call;
`elsewhere` is where the outsider is a member. Each holds a caller of every kind and the same planted
rows: every kind of object the routes show (rules, questions, applications, invitations, join links,
notes, tags, reports, warnings, audit entries, profiles, introductions, onboarding steps, touchpoints,
conversations...).

A planted row is recognised in any response, whatever the route, the field or the format, in two ways:
- by a marker: a unique string `zq<community><kind>zq` in one of its text fields;
- by its id: every row of a community has a primary key in that community's own block of ids
  (ID_BLOCK * n + ...), for every project model with a community (a new one included), so a number in
  a response that is the id of another community's row is a leak even when no text of it is shown.

A marker of another community is always a leak. Among its own community's markers, a caller may see
only what VISIBLE_TO grants them: one table, from marker kind to the capability (in
communities.permissions.CAPABILITIES) that lets an active member see rows of that kind (or NOBODY: rows
of a private conversation between two members who are not callers).
"""

import re
from datetime import timedelta

from django.apps import apps
from django.db import connection, models
from django.utils import timezone

from communities import services
from communities.models import Community
from communities.permissions import CAPABILITIES
from communities.roles import MembershipStatus, Role
from content.models import PollOption
from content.services import conversations as conversation_services
from content.services import critiques as critique_services
from content.services import discussions as discussion_services
from content.services import polls as poll_services
from content.services import posts as post_services
from content.services import questions as question_services
from content.services import series as series_services
from content.services import sessions as session_services
from content.services import spaces as space_services
from events.models import EventFeedback
from events.services import events as event_services
from events.services import projects as project_services
from events.services import questions as event_question_services
from events.services import registrations as registration_services
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import rules as rule_services
from events.services.series import event_series_create
from learning.models import Resource
from learning.services import resources as resource_services
from members.models import MemberProfile, Membership, ProfileVisibility
from members.services import moderation
from members.services import onboarding as onboarding_services
from members.services import profiles as profile_services
from members.services.audit import audit_record
from members.services.relationships import touchpoint_create
from members.services.reporting import report_create
from tests import factories
from tests.project import PROJECT_APPS

# Anyone who may see the community sees rows of this kind.
EVERYONE = None
# No caller sees rows of this kind, whatever their role: a private conversation between two other members.
NOBODY = "nobody"
# Marker kind -> who, in the row's own community, may see it (a capability an active membership holds).
VISIBLE_TO: dict[str, str | None] = {
    "rule": EVERYONE,  # rules and rules versions are the community's public face
    "question": EVERYONE,  # screening questions are shown to whoever may apply
    "step": "view",  # onboarding steps: the members' checklist
    "introduction": "view",  # introductions posted by members
    "member": "view_members",  # a member's name (the subject of the rows below)
    "profile": "view_members",  # a profile visible to members
    "hiddenprofile": "manage_member_notes",  # a profile visible to operators only (ProfileVisibility)
    "applicant": "vet_applications",  # someone else's application: the applicant's name...
    "answer": "vet_applications",  # ...and their answers
    "decision": "vet_applications",  # the operators' internal note on a decided application
    "invitation": "manage_invitations",
    "joinlink": "manage_invitations",
    "note": "manage_member_notes",  # operators' private notes and tags on members
    "tag": "manage_member_notes",
    "report": "moderate",  # someone else's report
    "warning": "moderate",  # a moderation action on someone else
    "audit": "view_audit_log",
    "touchpoint": "manage_relationships",
    "qaquestion": "view",  # Q&A (content.Question): members read it (authors' names are members')
    "qaanswer": "view",
    "session": "view",  # an expert session and the questions put to it
    "sessionquestion": "view",
    "work": "view",  # a work asking for critique, and a critique of it (members only)
    "critique": "view",
    "criterion": "view",  # the rubric
    "credit": "manage_critiques",  # a grant of credits to someone else (its reason)
    "post": EVERYONE,  # a published post (content)
    "posttag": EVERYONE,  # a community's post tag
    "series": EVERYONE,  # a series of posts
    "draftpost": "manage_content",  # a draft: its author (the owner here) and the content operators
    "pendingpost": "manage_content",  # a member's post waiting in the review queue
    "space": "view",  # a space's name and description: every member sees every space
    "topic": "view",  # a topic of an open space and a reply to it (members read discussions)
    "reply": "view",
    "poll": "view",  # the open topic's poll and its options (members read discussions)
    "polloption": "view",
    "privatetopic": "moderate",  # a topic and reply in a members-only space none of the callers belongs to
    # A conversation between every active caller (one of each role, and the host): its subject and
    # messages. Being in it, not the role, is what shows it; the private one below proves that.
    "conversation": "view",
    "privatemessage": NOBODY,  # a conversation between two other members: operators do not read it
    # Events (events): a public event anyone who may see the community reads, a members-only one, a draft
    # (event operators; no caller hosts it), a question asked at registration (members read them), a
    # member's answers to it (event operators, on the registrations page and export), a recurring series
    # (its title is its members-only occurrences' title).
    "publicevent": EVERYONE,
    "event": "view",
    "draftevent": "manage_events",
    "eventquestion": "view",
    "registration": "manage_events",
    # An attendee's feedback comments (events.attendance): event operators and the event's hosts.
    "feedback": "manage_events",
    "eventseries": "view",
    # Competitions and projects (events): in a public competition, a criterion and the subject's entry
    # (anyone who sees the community); a judge's comment on it, which no caller reads (judging is blind
    # and no caller is a judge); in a public project event, a project and its team's progress update.
    "eventcriterion": EVERYONE,
    "entry": EVERYONE,
    # An entry the operators disqualified (decision 0030): its title and the reason, on their pages only.
    "withdrawnentry": "manage_events",
    "scorecomment": NOBODY,
    "project": EVERYONE,
    "projectupdate": EVERYONE,
    # Learning paths (learning): a published path, its step and its quiz's question (members read them);
    # a draft path (learning operators; no caller mentors it); the subject's work waiting for review
    # (reviewers: learning operators, the path's mentors); the subject's goal (the member's own only).
    "learningpath": "view",
    "pathstep": "view",
    "quizquestion": "view",
    "draftpath": "manage_learning",
    "submission": "manage_learning",
    "goal": NOBODY,
    # The resource library (learning): the subject's resource (its link flagged broken), a review of it
    # and a featured list holding it; whoever sees the community reads them.
    "resource": EVERYONE,
    "resourcereview": EVERYONE,
    "featuredlist": EVERYONE,
}
# Planted rows nobody may see on any route: removed content.
NEVER_SHOWN = ("removedreply",)
# The event's hosts: a plain member who hosts the planted public event ("event"). Being a host is a fact of
# one event, not a role: on the routes of that event (routes.names_hosted_event) the host holds the
# operators' capabilities the hosts share (events.api.permissions.HOST_CAPABILITIES), so they see its
# registrations' answers and its feedback; everywhere else they are a member.
HOST = "host"
HOST_SEES = ("registration", "feedback")
# Callers with a registration for the planted public event (their own ticket is theirs to read).
REGISTERED = ("member",)
COMMUNITIES = ("public", "private", "elsewhere")
CALLERS = ["anonymous", *Role.values, HOST, "pending", "banned", "left", "outsider"]
STATUS_OF = {
    "pending": MembershipStatus.PENDING,
    "banned": MembershipStatus.BANNED,
    "left": MembershipStatus.LEFT,
    HOST: MembershipStatus.ACTIVE,
    **dict.fromkeys(Role.values, MembershipStatus.ACTIVE),
}
ROLE_OF = {HOST: Role.MEMBER, **{role: role for role in Role.values}}

ID_BLOCK = 1_000_000  # community n's rows have ids in [n * ID_BLOCK, (n + 1) * ID_BLOCK)
ID_STRIDE = 10_000  # ...model i's from n * ID_BLOCK + i * ID_STRIDE
SCRATCH_BLOCK = 9  # rows made after the world is built (by the requests) belong to no community
ID_RE = re.compile(r"(?<![\w.])([1-8]\d{6})(?!\w)")


def marker(community: str, kind: str) -> str:
    return f"zq{community}{kind}zq"


def id_models() -> list[type[models.Model]]:
    """Community and every project model that belongs to one, in a stable order."""
    found = [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and (model is Community or any(f.name == "community" for f in model._meta.concrete_fields))
        and isinstance(model._meta.pk, models.AutoField)
    ]
    return sorted(found, key=lambda model: model._meta.label)


def start_id_block(block: int) -> None:
    """Make the next row of every id model get an id in `block` (its own stride inside it)."""
    with connection.cursor() as cursor:
        for index, model in enumerate(id_models()):
            table, next_id = model._meta.db_table, block * ID_BLOCK + index * ID_STRIDE + 1
            if connection.vendor == "sqlite":
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, next_id - 1]
                )
            elif connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)",
                    [table, model._meta.pk.column, next_id],
                )
            else:  # pragma: no cover
                raise NotImplementedError(connection.vendor)


class World:
    """Communities with callers of every kind and planted rows; `leaks(...)` checks a response."""

    def __init__(self):
        self.communities, self.users, self.rows = {}, {}, {}
        outsider = None
        for block, key in enumerate(COMMUNITIES, start=1):
            start_id_block(block)
            community = factories.CommunityFactory(
                slug=f"{key}-place",
                visibility="private" if key == "private" else "public",
                join_policy="application" if key == "private" else "open",
            )
            self.communities[key] = community
            users = self.users[key] = {"anonymous": None}
            for role in Role.values:
                users[role] = factories.member(community=community, role=role).user
            users[HOST] = factories.member(community=community).user
            for status in ("pending", "banned", "left"):
                users[status] = factories.member(community=community, status=status).user
            # The pending caller is an applicant: their own application is theirs to see, unmarked.
            factories.ApplicationFactory(
                community=community, membership=users["pending"].memberships.get(), answers=[]
            )
            if key == "elsewhere":
                outsider = factories.member(community=community).user
            self.rows[key] = plant(key, community, users["owner"], host=users[HOST])
            plant_callers_in_events(community, users, self.rows[key]["event"])
        for key in COMMUNITIES:
            self.users[key]["outsider"] = outsider
        start_id_block(SCRATCH_BLOCK)
        self.markers = {
            marker(key, kind): (key, kind) for key in COMMUNITIES for kind in (*VISIBLE_TO, *NEVER_SHOWN)
        }
        self.ids = {}  # id -> (community key, model label)
        for index, model in enumerate(id_models()):
            for block, key in enumerate(COMMUNITIES, start=1):
                low = block * ID_BLOCK + index * ID_STRIDE
                for pk in model._base_manager.filter(pk__gte=low, pk__lt=low + ID_STRIDE).values_list(
                    "pk", flat=True
                ):
                    self.ids[pk] = (key, model._meta.label)

    def membership_status(self, caller: str) -> str | None:
        return STATUS_OF.get(caller)

    def holds(self, caller: str, capability: str) -> bool:
        """Does `caller`'s membership (active, with its role) hold `capability`?"""
        return (
            self.membership_status(caller) == MembershipStatus.ACTIVE
            and ROLE_OF.get(caller) in CAPABILITIES[capability]
        )

    def may_see(self, caller: str, kind: str, hosting: bool = False) -> bool:
        """May `caller` see their own community's rows of marker kind `kind`? `hosting`: on a route of the
        event the host caller hosts."""
        if kind in NEVER_SHOWN:
            return False
        if hosting and caller == HOST and kind in HOST_SEES:
            return True
        capability = VISIBLE_TO[kind]
        if capability is EVERYONE:
            return True
        if capability == NOBODY:
            return False
        return self.holds(caller, capability)

    def leaks(self, community: str, caller: str, body: str, hosting: bool = False) -> list[str]:
        """What `body`, answered to `caller` in `community`, shows that it should not (`hosting`: the
        route is about the event the host caller hosts)."""
        found = []
        for text, (owner, kind) in self.markers.items():
            if text in body:
                if owner != community:
                    found.append(f"{kind} row of the {owner} community ({text})")
                elif not self.may_see(caller, kind, hosting):
                    found.append(f"{kind} row visible only with {VISIBLE_TO.get(kind, 'nobody')!r} ({text})")
        for number in ID_RE.findall(body):
            owner, label = self.ids.get(int(number), (community, None))
            if owner != community:
                found.append(f"id {number}: a {label} of the {owner} community")
        return found


def response_text(response) -> str:
    """A response's body as text (streamed ones joined); images are not searched."""
    if response.get("Content-Type", "").startswith("image/"):
        return ""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def plant_critiques(m, community: Community, owner, subject: Membership, critic_user) -> dict:
    """A rubric criterion, a work by the subject with a critique, and a grant of credits to the subject."""
    criterion = critique_services.criterion_create(actor=owner, community=community, name=m("criterion"))
    grant = critique_services.credits_grant(
        actor=owner, community=community, membership=subject, amount=5, reason=m("credit")
    )
    work = critique_services.work_post(
        actor=subject.user, community=community, title=m("work"), links=["https://example.com/work"]
    )
    critique = critique_services.critique_give(
        actor=critic_user,
        community=community,
        work=work,
        overall=m("critique"),
        scores={criterion.pk: {"score": 4, "comment": ""}},
    )
    return {"criterion": criterion, "grant": grant, "work": work, "critique": critique}


def plant(key: str, community: Community, owner, host) -> dict:
    """The same recognisable rows in every community: a subject member (noted, tagged, reported, warned,
    followed), someone else's application, a profile only operators see, recruitment and onboarding."""

    def m(kind):
        return marker(key, kind)

    rules = [
        services.rule_create(actor=owner, community=community, category="conduct", title=title)
        for title in (m("rule"), "Credit others")
    ]
    # The callers joined before these rules: they have accepted them, so nobody is held at the rules.
    Membership.objects.filter(community=community).update(
        rules_accepted=Community.objects.get(pk=community.pk).rules_version
    )
    subject = factories.member(community=community, user=factories.UserFactory(display_name=m("member")))
    reporter = factories.member(community=community).user
    hidden = factories.member(community=community)
    MemberProfile.objects.create(
        community=community, membership=subject, bio=m("profile"), visibility=ProfileVisibility.MEMBERS
    )
    MemberProfile.objects.create(
        community=community,
        membership=hidden,
        display_name=m("hiddenprofile"),
        bio=m("hiddenprofile"),
        visibility=ProfileVisibility.OPERATORS,
    )
    question = factories.ApplicationQuestionFactory(community=community, label=m("question"), required=False)
    applicant = factories.UserFactory(display_name=m("applicant"))
    application = factories.ApplicationFactory(
        community=community,
        membership__user=applicant,
        answers=[
            {"question_id": question.pk, "label": question.label, "kind": "short_text", "answer": m("answer")}
        ],
        answers_text=m("answer"),
    )
    factories.ApplicationFactory(
        community=community,
        membership__status=MembershipStatus.REJECTED,
        status="rejected",
        decision_note=m("decision"),
        decided_at=timezone.now(),
    )
    report = report_create(
        actor=reporter,
        community=community,
        target_type="members.membership",
        target_id=subject.pk,
        rule_id=rules[0].pk,
        reason=m("report"),
    )
    moderation.member_warn(actor=owner, community=community, membership=subject, reason=m("warning"))
    audit_record(community=community, actor=owner, action="member.noted", subject=subject, reason=m("audit"))
    onboarding_services.introduction_post(actor=subject.user, community=community, text=m("introduction"))
    qa_question = question_services.question_ask(
        actor=subject.user, community=community, title=m("qaquestion"), body=m("qaquestion"), tags=["light"]
    )
    answerer = factories.member(community=community, role=Role.EXPERT).user
    qa_answer = question_services.answer_post(
        actor=answerer, community=community, question=qa_question, body=m("qaanswer")
    )
    # A live session whose expert is the world's expert caller (the first expert made), so that caller
    # may answer it and members may still ask and vote.
    expert = Membership.objects.filter(community=community, role=Role.EXPERT).order_by("pk").first()
    session = session_services.session_schedule(
        actor=owner,
        community=community,
        title=m("session"),
        topic="Light",
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=2),
        expert_id=expert.pk,
    )
    session_question = session_services.session_question_ask(
        actor=subject.user, community=community, session=session, body=m("sessionquestion")
    )
    critique_rows = plant_critiques(m, community, owner, subject, reporter)
    posts = plant_posts(key, community, owner, subject)
    discussions = plant_discussions(key, community, owner, subject, reporter)
    conversations = plant_conversations(m, community, owner, host)
    events = plant_events(m, community, owner, subject)
    events.update(plant_attendance(m, community, events["event"], subject))
    competitions = plant_competitions(m, community, owner, subject)
    learning = plant_learning(m, community, owner, subject)
    competitions.update(plant_resources(m, community, owner, subject, reporter))
    return {
        **events,
        **competitions,
        **learning,
        **posts,
        **discussions,
        **conversations,
        "session": session,
        "session_question": session_question,
        "qa_question": qa_question,
        "qa_answer": qa_answer,
        **critique_rows,
        "rules": rules,
        "subject": subject,
        "hidden": hidden,
        "question": question,
        "application": application,
        "report": report,
        "note": profile_services.member_note_add(
            actor=owner, community=community, membership=subject, body=m("note")
        ),
        "tag": profile_services.member_tag_add(
            actor=owner, community=community, membership=subject, name=m("tag")
        ),
        "step": onboarding_services.onboarding_step_create(
            actor=owner, community=community, title=m("step"), verb="question.asked"
        ),
        "touchpoint": touchpoint_create(
            actor=owner,
            community=community,
            membership=subject,
            kind="call",
            note=m("touchpoint"),
            happened_at=timezone.now() - timedelta(days=1),
        ),
        "invitation": factories.InvitationFactory(community=community, label=m("invitation")),
        "join_link": factories.JoinLinkFactory(community=community, channel=m("joinlink")),
    }


def plant_callers_in_events(community: Community, users: dict, event) -> None:
    """The host caller hosts the planted public event; the member caller is registered for it."""
    owner = users["owner"]
    host = Membership.objects.get(community=community, user=users[HOST])
    event_services.event_update(actor=owner, community=community, event=event, host_ids=[host.pk])
    for caller in REGISTERED:
        registration_services.registration_create(actor=users[caller], community=community, event=event)


def plant_learning(m, community: Community, owner, subject) -> dict:
    """A published path (a done step, a submit step, and the quiz step the routes name, whose page shows
    its question) the subject enrolled on and submitted work to, a draft path, and the subject's goal."""
    from learning.services import paths as path_services
    from learning.services import progress

    path = path_services.path_create(
        actor=owner, community=community, title=m("learningpath"), track="light", level="beginner"
    )
    text = {"material_kind": "text", "material_text": "Read.", "goal": "Learn.", "effort_minutes": 10}
    path_services.step_create(actor=owner, community=community, path=path, title="Read", **text)
    work = path_services.step_create(
        actor=owner, community=community, path=path, title="Work", completion="submit", **text
    )
    quiz = path_services.step_create(
        actor=owner, community=community, path=path, title=m("pathstep"), completion="quiz", **text
    )
    path_services.step_quiz_set(
        actor=owner, community=community, path=path, step=quiz,
        questions=[{"prompt": m("quizquestion"), "choices": ["A", "B"], "correct": 0}],
    )  # fmt: skip
    path_services.path_publish(actor=owner, community=community, path=path)
    path_services.path_create(
        actor=owner, community=community, title=m("draftpath"), track="light", level="beginner"
    )
    progress.enrolment_create(actor=subject.user, community=community, path=path)
    submission = progress.submission_create(
        actor=subject.user, community=community, path=path, step=work, body=m("submission")
    )
    progress.goal_create(
        actor=subject.user, community=community, title=m("goal"), target_date=timezone.now().date()
    )
    return {"learning_path": path, "path_step": quiz, "submission": submission}


def plant_attendance(m, community: Community, event, subject) -> dict:
    """The subject's feedback on the planted public event, written directly: the event is still to come,
    so the service would refuse it, and the routes that show feedback must show its marker."""
    feedback = EventFeedback.objects.create(
        community=community, event=event, membership=subject, rating=4, comments=m("feedback")
    )
    return {"event_feedback": feedback}


def plant_events(m, community: Community, owner, subject) -> dict:
    """A public upcoming event with a question the subject answered when registering, a members-only
    event, a draft and a weekly series (members only)."""
    now = timezone.now()
    times = {"starts_at": now + timedelta(days=3), "ends_at": now + timedelta(days=3, hours=2)}
    event = event_services.event_create(
        actor=owner, community=community, title=m("publicevent"), description=m("publicevent"),
        visibility="public", capacity=50, **times,
    )  # fmt: skip
    question = event_question_services.registration_question_create(
        actor=owner, community=community, event=event, label=m("eventquestion")
    )
    registration = registration_services.registration_create(
        actor=subject.user, community=community, event=event, answers={str(question.pk): m("registration")}
    )
    members_event = event_services.event_create(
        actor=owner, community=community, title=m("event"), visibility="members", **times
    )
    draft = event_services.event_create(
        actor=owner, community=community, title=m("draftevent"), publish=False, **times
    )
    series = event_series_create(
        actor=owner, community=community, title=m("eventseries"), rrule="FREQ=WEEKLY;COUNT=2", **times
    )
    return {
        "event": event,
        "members_event": members_event,
        "draft_event": draft,
        "event_question": question,
        "registration": registration,
        "event_series": series,
    }


def plant_competitions(m, community: Community, owner, subject) -> dict:
    """A public competition with a criterion, a judge (no caller), the subject's entry, which the judge
    scored with a comment, and another member's entry the operators disqualified; a public project event
    with the subject's project and its update."""
    now = timezone.now()
    times = {"starts_at": now + timedelta(days=3), "ends_at": now + timedelta(days=6)}
    competition = event_services.event_create(
        actor=owner, community=community, kind="competition", title=m("publicevent"), visibility="public",
        **times,
    )  # fmt: skip
    criterion = rule_services.criterion_create(
        actor=owner, community=community, event=competition, name=m("eventcriterion")
    )
    judge_member = factories.member(community=community)
    judge = rule_services.judge_add(
        actor=owner, community=community, event=competition, membership_id=judge_member.pk
    )
    entry = entry_services.entry_submit(
        actor=subject.user, community=community, event=competition, title=m("entry"), description=m("entry")
    )
    judging_services.scores_submit(
        actor=judge_member.user, community=community, event=competition, entry=entry,
        scores={criterion.pk: {"value": 7, "comment": m("scorecomment")}},
    )  # fmt: skip
    withdrawn = entry_services.entry_submit(
        actor=factories.member(community=community).user, community=community, event=competition,
        title=m("withdrawnentry"), description=m("withdrawnentry"),
    )  # fmt: skip
    entry_services.entry_disqualify(
        actor=owner, community=community, entry=withdrawn, reason=m("withdrawnentry")
    )
    project_event = event_services.event_create(
        actor=owner, community=community, kind="project", title=m("publicevent"), visibility="public", **times
    )
    project = project_services.project_propose(
        actor=subject.user,
        community=community,
        event=project_event,
        title=m("project"),
        description=m("project"),
    )
    project_services.project_update_post(
        actor=subject.user, community=community, event=project_event, project=project, body=m("projectupdate")
    )
    return {
        "competition": competition,
        "event_criterion": criterion,
        "judge": judge,
        "entry": entry,
        "project_event": project_event,
        "project": project,
    }


def plant_resources(m, community: Community, owner, subject, reporter) -> dict:
    """The subject's resource (its link flagged broken), the reporter's review of it, a featured list."""
    resource = resource_services.resource_create(
        actor=subject.user, community=community, title=m("resource"), description=m("resource"),
        url="https://example.com/resource", kind="book",
    )  # fmt: skip
    Resource.objects.filter(pk=resource.pk).update(link_broken_at=timezone.now(), link_failures=3)
    resource_services.rating_set(
        actor=reporter, community=community, resource=resource, score=4, review=m("resourcereview")
    )
    featured = resource_services.featured_list_create(
        actor=owner, community=community, name=m("featuredlist"), resource_ids=[resource.pk]
    )
    return {"resource": resource, "featured_list": featured}


def plant_conversations(m, community: Community, owner, host) -> dict:
    """A conversation the owner starts with the first active member of every other role and the host (the
    active callers), and a private one between two other members, with a reply, that no caller is part
    of."""
    callers = [
        Membership.objects.filter(community=community, role=role, status=MembershipStatus.ACTIVE)
        .order_by("pk")
        .first()
        for role in Role.values
        if role != Role.OWNER
    ]
    callers.append(Membership.objects.get(community=community, user=host))
    conversation = conversation_services.conversation_start(
        actor=owner,
        community=community,
        recipient_ids=[caller.pk for caller in callers],
        subject=m("conversation"),
        body=m("conversation"),
    )
    one = factories.member(community=community, trust_level=1)
    other = factories.member(community=community)
    private = conversation_services.conversation_start(
        actor=one.user, community=community, recipient_ids=[other.pk], subject=m("privatemessage"), body="Hi"
    )
    conversation_services.message_send(
        actor=other.user, community=community, conversation=private, body=m("privatemessage")
    )
    return {"conversation": conversation, "private_conversation": private}


def plant_posts(key: str, community: Community, owner, subject) -> dict:
    """A tag, a series with a published post of the owner's, the owner's draft and a member's post
    waiting for review (the community reviews members' posts)."""

    def m(kind):
        return marker(key, kind)

    tag = post_services.post_tag_create(actor=owner, community=community, name=m("posttag"))
    series = series_services.series_create(actor=owner, community=community, title=m("series"))
    post = post_services.post_create(
        actor=owner, community=community, title=m("post"), body=m("post"), tags=[tag], series=series
    )
    post_services.post_publish(actor=owner, community=community, post=post)
    draft = post_services.post_create(
        actor=owner, community=community, title=m("draftpost"), body=m("draftpost")
    )
    post_services.post_settings_update(actor=owner, community=community, member_posts_need_review=True)
    pending = post_services.post_create(
        actor=subject.user, community=community, title=m("pendingpost"), body=m("pendingpost")
    )
    post_services.post_publish(actor=subject.user, community=community, post=pending)
    return {"post": post, "post_tag": tag, "series": series, "draft_post": draft, "pending_post": pending}


def plant_discussions(key: str, community: Community, owner, subject, reporter) -> dict:
    """An open space (its address differs per community, so another community's is a 404) that the
    subject joined, with a topic by the subject, a reply to it and a removed reply nested under it; a
    members-only space whose only member is the subject, with a topic and a reply."""

    def m(kind):
        return marker(key, kind)

    space = space_services.space_create(
        actor=owner, community=community, name=m("space"), slug=f"talk-{key}", joining="open"
    )
    space_services.space_join(actor=subject.user, community=community, space=space)
    topic = discussion_services.topic_create(
        actor=subject.user, community=community, space=space, title=m("topic"), body=m("topic")
    )
    reply = discussion_services.reply_create(
        actor=reporter, community=community, topic=topic, body=m("reply")
    )
    removed = discussion_services.reply_create(
        actor=reporter, community=community, topic=topic, body=m("removedreply"), parent_id=reply.pk
    )
    discussion_services.reply_remove_for_moderation(removed, owner)
    group = space_services.space_create(
        actor=owner, community=community, name="Study group", slug=f"group-{key}", joining="invitation",
        members_only=True, who_may_post="members",
    )  # fmt: skip
    space_services.space_member_add(actor=owner, community=community, space=group, membership=subject)
    hidden = discussion_services.topic_create(
        actor=subject.user, community=community, space=group, title=m("privatetopic"), body=m("privatetopic")
    )
    discussion_services.reply_create(
        actor=subject.user, community=community, topic=hidden, body=m("privatetopic")
    )
    # The topic's poll (a vote by the reporter) and its hidden twin; the subject and the reporter follow
    # the topic (they started it and replied).
    poll = poll_services.poll_create(
        actor=subject.user,
        community=community,
        topic=topic,
        question=m("poll"),
        options=[m("polloption"), "Other"],
    )
    option = PollOption.objects.for_community(community).filter(poll=poll).order_by("position").first()
    poll_services.poll_vote(actor=reporter, community=community, poll=poll, option_ids=[option.pk])
    poll_services.poll_create(
        actor=subject.user, community=community, topic=hidden, question=m("privatetopic"), options=["A", "B"]
    )
    return {"space": space, "topic": topic, "reply": reply, "removed_reply": removed, "group": group}

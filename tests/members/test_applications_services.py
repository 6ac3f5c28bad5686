"""Vetting through the services: questions, applying, cool-down, decisions (single, bulk, twice)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from analytics.models import ActivityEvent
from communities import permissions
from communities import services as community_services
from communities.errors import Forbidden
from communities.models import Notification
from communities.roles import Role
from members import errors
from members.models import Application, AuditLogEntry, Membership, RuleAcceptance
from members.selectors.applications import application_list
from members.selectors.policy import policy_for
from members.services import applications as services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def vetted(db):
    return factories.CommunityFactory(join_policy="application")


@pytest.fixture
def vetter(vetted):
    return factories.member(community=vetted, role="admin").user


@pytest.fixture
def questions(vetted, vetter):
    return {
        "why": services.question_create(actor=vetter, community=vetted, label="Why join?", kind="long_text"),
        "level": services.question_create(
            actor=vetter,
            community=vetted,
            label="Your level",
            kind="single_choice",
            choices=["beginner", "advanced"],
        ),
        "gear": services.question_create(
            actor=vetter,
            community=vetted,
            label="Your gear",
            kind="multiple_choice",
            choices=["film", "digital"],
            required=False,
        ),
        "portfolio": services.question_create(
            actor=vetter, community=vetted, label="Portfolio", kind="url", required=False
        ),
    }


def good_answers(questions):
    return {
        str(questions["why"].pk): "I love light.",
        str(questions["level"].pk): "beginner",
        str(questions["gear"].pk): ["film"],
        str(questions["portfolio"].pk): "https://example.com/me",
    }


def apply(community, user=None, answers=None, version=None):
    user = user or factories.UserFactory()
    return services.application_submit(
        actor=user, community=community, answers=answers or {}, accepted_rules_version=version
    )


# --- Questions --------------------------------------------------------------------------------------------


def test_questions_are_appended_in_order(questions):
    assert [q.position for q in questions.values()] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "choices",
    [[], [" "], [str(n) for n in range(21)], ["a", "a"], ["x" * 201]],
    ids=["empty", "blank", "too-many", "duplicate", "too-long"],
)
def test_choice_questions_need_valid_choices(vetted, vetter, choices):
    with pytest.raises(errors.InvalidQuestion) as exc:
        services.question_create(
            actor=vetter, community=vetted, label="Pick", kind="single_choice", choices=choices
        )
    assert "choices" in exc.value.fields


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_only_operators_manage_questions(vetted, role):
    user = factories.member(community=vetted, role=role).user
    with pytest.raises(Forbidden):
        services.question_create(actor=user, community=vetted, label="Why?")


def test_reorder_must_name_every_question_once(vetted, vetter, questions):
    ids = [q.pk for q in questions.values()]
    with pytest.raises(errors.InvalidQuestion):
        services.questions_reorder(actor=vetter, community=vetted, question_ids=ids[:2])
    other = factories.ApplicationQuestionFactory()
    with pytest.raises(errors.InvalidQuestion):
        services.questions_reorder(actor=vetter, community=vetted, question_ids=[*ids[:3], other.pk])
    services.questions_reorder(actor=vetter, community=vetted, question_ids=list(reversed(ids)))
    assert questions["portfolio"].__class__.objects.get(pk=questions["portfolio"].pk).position == 1


def test_move_swaps_with_the_neighbour(vetter, questions):
    order = services.question_move(actor=vetter, question=questions["level"], direction="up")
    assert [q.pk for q in order][:2] == [questions["level"].pk, questions["why"].pk]


def test_answered_question_cannot_be_deleted_but_can_be_retired(vetted, vetter, questions):
    application = apply(vetted, answers=good_answers(questions))
    with pytest.raises(errors.QuestionAnswered):
        services.question_delete(actor=vetter, question=questions["why"])
    services.question_retire(actor=vetter, question=questions["why"])
    application.refresh_from_db()
    assert application.answers[0]["label"] == "Why join?"
    # A retired question is no longer asked.
    answers = good_answers(questions)
    del answers[str(questions["why"].pk)]
    assert apply(vetted, answers=answers).answers[0]["label"] == "Your level"


def test_unanswered_question_can_be_deleted(vetted, vetter, questions):
    services.question_delete(actor=vetter, question=questions["portfolio"])
    assert not questions["portfolio"].__class__.objects.filter(pk=questions["portfolio"].pk).exists()


# --- Applying ---------------------------------------------------------------------------------------------


def test_apply_creates_pending_membership_and_answers_snapshot(vetted, questions):
    user = factories.UserFactory()
    application = apply(vetted, user, good_answers(questions))
    membership = Membership.objects.get(community=vetted, user=user)
    assert membership.status == "pending" and membership.joined_at is None
    assert application.membership == membership and application.status == "pending"
    assert [item["answer"] for item in application.answers] == [
        "I love light.",
        "beginner",
        ["film"],
        "https://example.com/me",
    ]
    assert ActivityEvent.objects.filter(verb="application.submitted").count() == 1


def test_operators_hear_of_a_new_application(vetted, vetter):
    owner = factories.member(community=vetted, role="owner").user
    factories.member(community=vetted, role="moderator")
    factories.member(community=vetted, role="admin", status="left")
    apply(vetted)
    notified = Notification.objects.filter(kind="vetting.submitted").values_list("recipient", flat=True)
    assert set(notified) == {vetter.pk, owner.pk}


def test_who_hears_of_an_application_follows_the_capability_table(vetted, vetter, monkeypatch):
    """Recipients come from the table (vet_applications), not from a list of roles in the service."""
    moderator = factories.member(community=vetted, role="moderator").user
    monkeypatch.setitem(permissions.CAPABILITIES, "vet_applications", frozenset({Role.MODERATOR}))
    apply(vetted)
    notified = Notification.objects.filter(kind="vetting.submitted").values_list("recipient", flat=True)
    assert set(notified) == {moderator.pk}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("why", ""),
        ("level", "expert"),
        ("gear", ["film", "polaroid"]),
        ("portfolio", "ftp://example.com/x"),
        ("portfolio", "not a url"),
        ("why", "x" * 5001),
        ("level", ["beginner"]),
    ],
    ids=["required-missing", "bad-choice", "bad-multi", "ftp-url", "bad-url", "overlong", "list-for-single"],
)
def test_bad_answers_are_refused_and_nothing_is_written(vetted, questions, key, value):
    answers = good_answers(questions)
    answers[str(questions[key].pk)] = value
    with pytest.raises(errors.InvalidAnswers) as exc:
        apply(vetted, answers=answers)
    assert list(exc.value.fields) == [f"q_{questions[key].pk}"]
    assert not Application.objects.exists()
    assert not Membership.objects.filter(community=vetted, status="pending").exists()


def test_unknown_question_id_is_refused(vetted, questions):
    other = factories.ApplicationQuestionFactory()
    answers = {**good_answers(questions), str(other.pk): "hello"}
    with pytest.raises(errors.InvalidAnswers) as exc:
        apply(vetted, answers=answers)
    assert "answers" in exc.value.fields


def test_apply_needs_the_current_rules_accepted(vetted, vetter):
    community_services.rule_create(actor=vetter, community=vetted, category="conduct", title="Be kind")
    with pytest.raises(errors.RulesNotAccepted):
        apply(vetted)
    user = factories.UserFactory()
    application = apply(vetted, user, version=1)
    assert RuleAcceptance.objects.filter(membership=application.membership).count() == 1


def test_open_and_invitation_communities_take_no_applications(db):
    for policy in ("open", "invitation"):
        with pytest.raises(errors.ApplicationsNotAccepted):
            apply(factories.CommunityFactory(join_policy=policy))


def test_one_pending_application_at_a_time(vetted):
    user = factories.UserFactory()
    apply(vetted, user)
    with pytest.raises(errors.ApplicationPending):
        apply(vetted, user)
    assert Application.objects.count() == 1


def test_members_and_banned_cannot_apply(vetted):
    with pytest.raises(errors.AlreadyMember):
        apply(vetted, factories.member(community=vetted).user)
    with pytest.raises(errors.Banned):
        apply(vetted, factories.member(community=vetted, status="banned").user)


def test_reapply_only_after_the_cooldown(vetted, vetter):
    policy = policy_for(community=vetted)
    policy.reapply_cooldown_days = 10
    policy.save()
    user = factories.UserFactory()
    first = apply(vetted, user)
    services.application_decide(actor=vetter, community=vetted, application=first, decision="reject")
    with pytest.raises(errors.ReapplyTooSoon) as exc:
        apply(vetted, user)
    assert exc.value.code == "reapply_too_soon"
    Application.objects.filter(pk=first.pk).update(decided_at=timezone.now() - timedelta(days=11))
    second = apply(vetted, user)
    assert second.membership_id == first.membership_id
    assert Membership.objects.get(pk=first.membership_id).status == "pending"


def test_apply_records_where_the_applicant_came_from(vetted):
    link = factories.JoinLinkFactory(community=vetted, source_tag="wechat")
    by_link = apply_from(vetted, {"link": link.code})
    assert (by_link.source, by_link.join_link, by_link.source_tag) == ("join_link", link, "wechat")
    assert apply_from(vetted, {"src": "newsletter"}).source == "campaign"
    assert apply_from(vetted, {"link": factories.JoinLinkFactory().code}).source == "direct"


def apply_from(community, arrival):
    application = services.application_submit(
        actor=factories.UserFactory(),
        community=community,
        answers={},
        accepted_rules_version=None,
        arrival=arrival,
    )
    return application.membership


def test_withdraw(vetted):
    user = factories.UserFactory()
    application = apply(vetted, user)
    services.application_withdraw(actor=user, community=vetted)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.membership.status == "left"
    with pytest.raises(errors.NoPendingApplication):
        services.application_withdraw(actor=user, community=vetted)
    # Withdrawing is not a rejection: no cool-down.
    assert apply(vetted, user).status == "pending"


# --- Deciding ---------------------------------------------------------------------------------------------


def test_approve_activates_the_membership_and_tells_the_applicant(
    vetted, vetter, questions, django_capture_on_commit_callbacks
):
    application = apply(vetted, answers=good_answers(questions))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            actor=vetter,
            community=vetted,
            application=application,
            decision="approve",
            note="Strong portfolio",
            message="Welcome aboard!",
        )
    application.refresh_from_db()
    membership = application.membership
    assert application.status == "approved" and application.decided_by == vetter
    assert membership.status == "active" and membership.joined_at is not None
    entry = AuditLogEntry.objects.get(community=vetted)
    assert (entry.action, entry.reason, entry.subject) == (
        "application.approved",
        "Strong portfolio",
        membership,
    )
    assert ActivityEvent.objects.filter(verb="application.approved").count() == 1
    notification = Notification.objects.get(recipient=application.applicant, kind="application.approved")
    assert notification.body == "Welcome aboard!"
    # The community's welcome message follows, as for every activation of a membership.
    assert Notification.objects.filter(recipient=application.applicant, kind="welcome").exists()
    assert ActivityEvent.objects.filter(verb="community.joined", actor=application.applicant).count() == 1
    assert len(mail.outbox) == 2 and {m.to[0] for m in mail.outbox} == {application.applicant.email}


def test_reject_sets_the_membership_rejected(vetted, vetter):
    application = apply(vetted)
    services.application_decide(actor=vetter, community=vetted, application=application, decision="reject")
    application.refresh_from_db()
    assert application.status == "rejected" and application.membership.status == "rejected"
    assert AuditLogEntry.objects.get().action == "application.rejected"
    assert Notification.objects.get(recipient=application.applicant).kind == "application.rejected"


def test_deciding_twice_is_refused(vetted, vetter):
    """Two operators on the same (stale) application object: the second is refused, nothing doubles."""
    application = apply(vetted)
    other = factories.member(community=vetted, role="owner").user
    services.application_decide(actor=vetter, community=vetted, application=application, decision="approve")
    with pytest.raises(errors.ApplicationAlreadyDecided):
        services.application_decide(actor=other, community=vetted, application=application, decision="reject")
    application.refresh_from_db()
    assert application.status == "approved" and application.decided_by == vetter
    assert AuditLogEntry.objects.count() == 1
    assert Notification.objects.filter(kind__startswith="application.").count() == 1


def test_bad_decision_is_refused(vetted, vetter):
    application = apply(vetted)
    with pytest.raises(errors.InvalidDecision):
        services.application_decide(actor=vetter, community=vetted, application=application, decision="maybe")


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_only_operators_decide(vetted, role):
    application = apply(vetted)
    user = factories.member(community=vetted, role=role).user
    with pytest.raises(Forbidden):
        services.application_decide(actor=user, community=vetted, application=application, decision="approve")


def test_another_communitys_application_is_not_found(vetted, vetter):
    foreign = factories.ApplicationFactory()
    with pytest.raises(errors.ApplicationNotFound):
        services.application_decide(actor=vetter, community=vetted, application=foreign, decision="approve")
    with pytest.raises(errors.ApplicationNotFound):
        services.applications_decide_bulk(
            actor=vetter, community=vetted, ids=[foreign.pk], decision="approve"
        )
    foreign.refresh_from_db()
    assert foreign.status == "pending"


def test_bulk_decide_all(vetted, vetter):
    applications = [apply(vetted) for _ in range(3)]
    decided = services.applications_decide_bulk(
        actor=vetter, community=vetted, ids=[a.pk for a in applications], decision="approve", note="batch"
    )
    assert len(decided) == 3
    assert set(
        Membership.objects.filter(community=vetted, role="member").values_list("status", flat=True)
    ) == {"active"}
    assert AuditLogEntry.objects.filter(action="application.approved").count() == 3
    assert Notification.objects.filter(kind="application.approved").count() == 3


def test_bulk_decide_is_all_or_nothing(vetted, vetter):
    applications = [apply(vetted) for _ in range(3)]
    services.application_decide(
        actor=vetter, community=vetted, application=applications[1], decision="reject"
    )
    with pytest.raises(errors.ApplicationAlreadyDecided) as exc:
        services.applications_decide_bulk(
            actor=vetter, community=vetted, ids=[a.pk for a in applications], decision="approve"
        )
    assert str(applications[1].pk) in exc.value.fields["ids"][0]
    statuses = sorted(Application.objects.values_list("status", flat=True))
    assert statuses == ["pending", "pending", "rejected"]
    assert AuditLogEntry.objects.count() == 1


def test_superuser_decides_without_membership(vetted):
    application = apply(vetted)
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    services.application_decide(actor=admin, community=vetted, application=application, decision="approve")
    assert Membership.objects.get(pk=application.membership_id).status == "active"


def test_queue_shows_only_public_active_memberships_elsewhere(vetted):
    application = apply(vetted)
    user = application.applicant
    public = factories.CommunityFactory(name="Public one")
    factories.member(community=public, user=user)
    factories.member(community=factories.CommunityFactory(visibility="private"), user=user)
    factories.member(community=factories.CommunityFactory(), user=user, status="left")
    factories.member(community=factories.CommunityFactory(), user=user, status="pending")
    row = application_list(community=vetted).get()
    assert [m.community for m in row.applicant.public_memberships] == [public]


def test_queue_filters_and_search(vetted, vetter, questions):
    answers = good_answers(questions)
    answers[str(questions["why"].pk)] = "我喜欢摄影"
    found = apply(vetted, factories.UserFactory(username="zhang"), answers)
    other = apply(vetted, answers=good_answers(questions))
    services.application_decide(actor=vetter, community=vetted, application=other, decision="reject")
    assert list(application_list(community=vetted, search="摄影")) == [found]
    assert list(application_list(community=vetted, search="ZHANG")) == [found]
    assert list(application_list(community=vetted, status="rejected")) == [other]
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert not application_list(community=vetted, submitted_from=tomorrow).exists()
    assert application_list(community=vetted, submitted_to=tomorrow).count() == 2
    assert list(application_list(community=vetted)) == [found, other]  # pending first

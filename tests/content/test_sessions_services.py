"""Expert sessions through the services: scheduling, questions and votes until the end, answers by the
session's expert, counts, notices, removal, reminders (idempotent) and guest experts."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification, NotificationPreference
from communities.roles import MembershipStatus, Role
from content.errors import sessions as errors
from content.models import ExpertSession, GuestExpert, SessionQuestion, SessionReminder
from content.selectors import sessions as selectors
from content.services import sessions as services
from content.tasks.sessions import remind_expert_sessions
from members.models import AuditLogEntry, Membership
from members.services import moderation
from members.services.reporting import report_create
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT)


def schedule(community, owner, expert, *, starts_in=timedelta(hours=1), hours=2, **kwargs):
    starts_at = timezone.now() + starts_in
    return services.session_schedule(
        actor=owner,
        community=community,
        title=kwargs.pop("title", "Ask me about street light"),
        topic="Light",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        expert_id=expert.pk,
        **kwargs,
    )


def test_operators_schedule_with_an_expert(community, owner, expert):
    session = schedule(community, owner, expert)
    assert session.status == "upcoming" and session.expert == expert
    assert ActivityEvent.objects.filter(verb="session.scheduled").exists()
    member = factories.member(community=community)
    with pytest.raises(errors.SessionInvalid) as caught:
        schedule(community, owner, member)
    assert "expert_id" in caught.value.fields
    with pytest.raises(Forbidden):
        schedule(community, expert.user, expert)  # experts answer; operators schedule


@pytest.mark.parametrize(
    "starts_in, hours", [(timedelta(hours=1), 0), (timedelta(days=-3), 1), (timedelta(hours=1), 24 * 8)]
)
def test_bad_windows_are_refused(community, owner, expert, starts_in, hours):
    with pytest.raises(errors.SessionInvalid) as caught:
        schedule(community, owner, expert, starts_in=starts_in, hours=hours)
    assert "ends_at" in caught.value.fields
    assert not ExpertSession.objects.exists()


def test_questions_votes_and_the_experts_order(community, owner, expert):
    session = schedule(community, owner, expert, starts_in=timedelta(minutes=-5))
    alice, bob, carol = (factories.member(community=community).user for _ in range(3))
    first = services.session_question_ask(actor=alice, community=community, session=session, body="Flash?")
    second = services.session_question_ask(actor=bob, community=community, session=session, body="ISO?")
    services.session_question_vote(actor=carol, community=community, question=second)
    services.session_question_vote(actor=alice, community=community, question=second)
    with pytest.raises(errors.SessionQuestionAlreadyVoted):
        services.session_question_vote(actor=alice, community=community, question=second)
    with pytest.raises(errors.OwnSessionQuestionVote):
        services.session_question_vote(actor=bob, community=community, question=second)
    queue = list(selectors.session_question_list(community=community, session=session))
    assert queue == [second, first]
    session.refresh_from_db()
    assert session.question_count == 2
    services.session_question_unvote(actor=carol, community=community, question=second)
    with pytest.raises(errors.SessionQuestionNotVoted):
        services.session_question_unvote(actor=carol, community=community, question=second)


def test_the_expert_answers_once_started_and_the_asker_hears(community, owner, expert):
    session = schedule(community, owner, expert)
    asker = factories.member(community=community).user
    question = services.session_question_ask(actor=asker, community=community, session=session, body="Flash?")
    with pytest.raises(errors.SessionNotStarted):
        services.session_question_answer(
            actor=expert.user, community=community, question=question, answer="No"
        )
    ExpertSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(minutes=1))
    question = SessionQuestion.objects.get(pk=question.pk)
    other_expert = factories.member(community=community, role=Role.EXPERT).user
    with pytest.raises(errors.NotSessionExpert):
        services.session_question_answer(
            actor=other_expert, community=community, question=question, answer="x"
        )
    answered = services.session_question_answer(
        actor=expert.user, community=community, question=question, answer="Rarely: use **reflectors**."
    )
    assert answered.answered_at is not None
    services.session_question_answer(actor=owner, community=community, question=answered, answer="Edited")
    session.refresh_from_db()
    assert session.answered_count == 1  # an edit is not a second answer
    assert Notification.objects.filter(recipient=asker, kind="session.answered").count() == 1


def test_a_finished_session_refuses_questions_and_votes_but_keeps_answers(community, owner, expert):
    session = schedule(community, owner, expert, starts_in=timedelta(minutes=-5))
    asker = factories.member(community=community).user
    question = services.session_question_ask(actor=asker, community=community, session=session, body="Flash?")
    ExpertSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    session = ExpertSession.objects.get(pk=session.pk)
    with pytest.raises(errors.SessionFinished):
        services.session_question_ask(actor=asker, community=community, session=session, body="Late?")
    question = SessionQuestion.objects.select_related("session").get(pk=question.pk)
    with pytest.raises(errors.SessionFinished):
        services.session_question_vote(actor=owner, community=community, question=question)
    services.session_question_answer(
        actor=expert.user, community=community, question=question, answer="Later"
    )
    assert SessionQuestion.objects.count() == 1


def test_removed_session_question_leaves_the_queue(community, owner, expert):
    session = schedule(community, owner, expert, starts_in=timedelta(minutes=-5))
    asker = factories.member(community=community).user
    question = services.session_question_ask(
        actor=asker, community=community, session=session, body="Buy followers"
    )
    rule = factories.RuleFactory(community=community)
    report = report_create(
        actor=owner, community=community, target_type="content.sessionquestion", target_id=question.pk,
        rule_id=rule.pk, reason="Spam",
    )  # fmt: skip
    moderation.content_remove(actor=owner, community=community, report=report, reason="Spam")
    assert not selectors.session_question_list(community=community, session=session).exists()
    session.refresh_from_db()
    assert session.question_count == 0


def test_reminders_are_sent_once_per_member_in_their_language(community, owner, expert, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    chinese = factories.member(community=community, user=factories.UserFactory(language="zh-hans")).user
    quiet = factories.member(community=community).user
    NotificationPreference.objects.create(
        community=community, user=quiet, kind="session", in_app=False, email=False
    )
    factories.member(community=community, status=MembershipStatus.LEFT)
    session = schedule(community, owner, expert, starts_in=timedelta(hours=3))
    later = schedule(community, owner, expert, starts_in=timedelta(days=3), title="Later")
    active = Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE).count()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())
        assert remind_expert_sessions() == 1
        assert remind_expert_sessions() == 1  # still due until it starts, but nobody is reminded twice
        assert services.session_remind(community=community, session_id=session.pk) == 0
    assert SessionReminder.objects.filter(session=session).count() == active
    assert not SessionReminder.objects.filter(session=later).exists()
    notices = Notification.objects.filter(kind="session.reminder")
    assert notices.count() == active - 1  # the member who turned the group off
    chinese_mail = [message for message in mail.outbox if chinese.email in message.to]
    assert len(chinese_mail) == 1 and "即将开始" in chinese_mail[0].subject + chinese_mail[0].body


def test_members_who_join_after_the_first_reminders_are_reminded_once(community, owner, expert):
    session = schedule(community, owner, expert, starts_in=timedelta(hours=3))
    first = services.session_remind(community=community, session_id=session.pk)
    reminded_at = ExpertSession.objects.get(pk=session.pk).reminded_at
    newcomer = factories.member(community=community)
    pending = factories.member(community=community, status=MembershipStatus.PENDING)
    assert services.sessions_due_for_reminders() == [(community.pk, session.pk)]
    assert services.session_remind(community=community, session_id=session.pk) == 1
    assert services.session_remind(community=community, session_id=session.pk) == 0
    notices = Notification.objects.filter(kind="session.reminder")
    assert notices.count() == first + 1
    assert notices.filter(recipient=newcomer.user).count() == 1
    assert not notices.filter(recipient=pending.user).exists()
    assert ExpertSession.objects.get(pk=session.pk).reminded_at == reminded_at  # the first run's time


def test_no_reminder_once_the_session_started(community, owner, expert):
    session = schedule(community, owner, expert, starts_in=timedelta(hours=3))
    later = timezone.now() + timedelta(hours=4)
    factories.member(community=community)
    assert services.sessions_due_for_reminders(now=later) == []
    assert services.session_remind(community=community, session_id=session.pk, now=later) == 0


def test_reminder_rows_skip_members_already_reminded(community, owner, expert):
    session = schedule(community, owner, expert, starts_in=timedelta(hours=3))
    already = factories.member(community=community)
    SessionReminder.objects.create(community=community, session=session, membership=already)
    services.session_remind(community=community, session_id=session.pk)
    assert not Notification.objects.filter(recipient=already.user, kind="session.reminder").exists()


def test_guest_expert_joins_a_closed_community_at_once(community, owner):
    community.join_policy = "invitation"
    community.save()
    guest_user = factories.UserFactory(username="ansel", email="ansel@example.com")
    guest = services.guest_expert_invite(actor=owner, community=community, account="ANSEL@example.com")
    membership = guest.membership
    assert membership.status == MembershipStatus.ACTIVE and membership.role == Role.EXPERT
    assert membership.user == guest_user
    assert AuditLogEntry.objects.filter(action="member.guest_expert", subject=membership).exists()
    session = schedule(community, owner, membership)
    assert session.expert == membership
    with pytest.raises(errors.GuestAlreadyMember):
        services.guest_expert_invite(actor=owner, community=community, account="ansel")
    with pytest.raises(errors.GuestAccountNotFound):
        services.guest_expert_invite(actor=owner, community=community, account="nobody@example.com")
    with pytest.raises(Forbidden):
        services.guest_expert_invite(actor=membership.user, community=community, account="someone")
    assert GuestExpert.objects.count() == 1


def test_guest_expert_for_a_pending_applicant_and_not_for_a_banned_person(community, owner):
    pending = factories.member(community=community, status=MembershipStatus.PENDING)
    services.guest_expert_invite(actor=owner, community=community, account=pending.user.username)
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.ACTIVE and pending.role == Role.EXPERT
    banned = factories.member(community=community, status=MembershipStatus.BANNED)
    with pytest.raises(errors.GuestBanned):
        services.guest_expert_invite(actor=owner, community=community, account=banned.user.username)

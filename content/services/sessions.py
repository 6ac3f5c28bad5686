"""Writes of expert sessions: scheduling (operators), questions and votes (members, until the session
ends), answers (the session's expert, or an operator), the reminders, and guest experts.

Stored counts (`ExpertSession.question_count` / `answered_count`, `SessionQuestion.vote_count`) change
here only, under a lock on the row they live on.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability
from communities.roles import MembershipStatus, Role
from content.errors import sessions as errors
from content.models import ExpertSession, GuestExpert, SessionQuestion, SessionQuestionVote, SessionReminder
from content.models.sessions import SessionStatus
from content.services.search import search_index
from members.errors import NotAMember
from members.models import Application, Membership
from members.selectors.moderation import hidden_ids
from members.services.audit import audit_record
from members.services.directory import sort_name_for
from members.services.membership import close_pending_applications
from members.services.publishing import ensure_may_post
from members.services.transitions import membership_transition

# How long before its start a session's reminder goes out (the beat task runs every 15 minutes).
REMINDER_LEAD = timedelta(hours=24)


def _lock(model, community: Community, pk: int):
    return model.objects.select_for_update().filter(community=community, pk=pk).get()


def session_url(session: ExpertSession) -> str:
    return reverse(
        "content:session-detail", kwargs={"slug": session.community.slug, "session_id": session.pk}
    )


def _clean_window(starts_at, ends_at, *, now) -> None:
    if ends_at <= starts_at:
        raise errors.SessionInvalid(fields={"ends_at": [gettext("A session ends after it starts.")]})
    if ends_at <= now:
        raise errors.SessionInvalid(fields={"ends_at": [gettext("A new session must end in the future.")]})
    if ends_at - starts_at > timedelta(days=7):
        raise errors.SessionInvalid(fields={"ends_at": [gettext("A session lasts at most 7 days.")]})


def _expert_of(community: Community, expert_id) -> Membership:
    expert = Membership.objects.for_community(community).filter(pk=expert_id).select_related("user").first()
    if expert is None or not has_capability(expert, "host_expert_session"):
        raise errors.SessionInvalid(
            fields={"expert_id": [gettext("Choose an active expert (or operator) of this community.")]}
        )
    return expert


@transaction.atomic
def session_schedule(
    *, actor, community: Community, title: str, topic: str, starts_at, ends_at, expert_id: int, description=""
) -> ExpertSession:
    """Schedule a session (operators) with an expert of the community (an expert, a guest expert, or an
    operator hosting it themselves)."""
    ensure_can(actor, "schedule_expert_session", community)
    _clean_window(starts_at, ends_at, now=timezone.now())
    expert = _expert_of(community, expert_id)
    session = ExpertSession(
        community=community,
        title=" ".join(title.split()),
        topic=" ".join(topic.split()),
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        expert=expert,
        host=actor,
    )
    session.full_clean(exclude=["expert", "host"])
    session.save()
    record(community=community, actor=actor, verb="session.scheduled", target=session)
    search_index(session)
    return session


@transaction.atomic
def session_question_ask(
    *, actor, community: Community, session: ExpertSession, body: str
) -> SessionQuestion:
    """Put a question to a session, before or during its window; a finished session refuses it."""
    membership = ensure_may_post(actor=actor, community=community, text=body)
    session = _lock(ExpertSession, community, session.pk)
    if session.is_finished:
        raise errors.SessionFinished()
    body = (body or "").strip()
    if not body:
        raise errors.SessionInvalid(fields={"body": [gettext("Write your question.")]})
    question = SessionQuestion(community=community, session=session, author=membership, body=body)
    question.full_clean(exclude=["session", "author"])
    question.save()
    session.question_count += 1
    session.save(update_fields=["question_count", "updated_at"])
    record(community=community, actor=actor, verb="session_question.asked", target=question)
    return question


def _voter(actor, community: Community, question: SessionQuestion) -> Membership:
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    if question.session.is_finished:
        raise errors.SessionFinished()
    return membership


@transaction.atomic
def session_question_vote(*, actor, community: Community, question: SessionQuestion) -> SessionQuestion:
    """Upvote a session question once (not one's own), while the session takes questions."""
    membership = _voter(actor, community, question)
    if question.author_id == membership.pk:
        raise errors.OwnSessionQuestionVote()
    question = _lock(SessionQuestion, community, question.pk)
    if (
        SessionQuestionVote.objects.for_community(community)
        .filter(question=question, voter=membership)
        .exists()
    ):
        raise errors.SessionQuestionAlreadyVoted()
    SessionQuestionVote.objects.create(community=community, question=question, voter=membership)
    question.vote_count += 1
    question.save(update_fields=["vote_count", "updated_at"])
    record(community=community, actor=actor, verb="session_question.voted", target=question)
    return question


@transaction.atomic
def session_question_unvote(*, actor, community: Community, question: SessionQuestion) -> SessionQuestion:
    membership = _voter(actor, community, question)
    question = _lock(SessionQuestion, community, question.pk)
    votes = SessionQuestionVote.objects.for_community(community).filter(question=question, voter=membership)
    deleted, _rows = votes.delete()
    if not deleted:
        raise errors.SessionQuestionNotVoted()
    question.vote_count = max(question.vote_count - 1, 0)
    question.save(update_fields=["vote_count", "updated_at"])
    return question


def may_answer(membership, session: ExpertSession) -> bool:
    """The session's expert, or an operator (transcribing a talk), while holding host_expert_session."""
    if not has_capability(membership, "host_expert_session"):
        return False
    return membership.pk == session.expert_id or has_capability(membership, "schedule_expert_session")


@transaction.atomic
def session_question_answer(
    *, actor, community: Community, question: SessionQuestion, answer: str
) -> SessionQuestion:
    """Answer (or correct the answer to) a session question, from the session's start on; the archive
    keeps taking answers after the end, so an expert may finish the questions they could not reach."""
    membership = ensure_can(actor, "host_expert_session", community)
    session = question.session
    if not getattr(actor, "is_superuser", False) and not may_answer(membership, session):
        raise errors.NotSessionExpert()
    if session.status == SessionStatus.UPCOMING:
        raise errors.SessionNotStarted()
    answer = (answer or "").strip()
    if not answer:
        raise errors.SessionInvalid(fields={"answer": [gettext("Write the answer.")]})
    session = _lock(ExpertSession, community, session.pk)
    question = _lock(SessionQuestion, community, question.pk)
    first = question.answered_at is None
    question.answer, question.answered_by = answer, actor
    question.answered_at = question.answered_at or timezone.now()
    question.full_clean(exclude=["session", "author", "answered_by"])
    question.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
    if first:
        session.answered_count += 1
        session.save(update_fields=["answered_count", "updated_at"])
        record(community=community, actor=actor, verb="session_question.answered", target=question)
        if question.author.user_id != actor.pk:
            notify(
                community=community,
                recipient=question.author.user,
                kind="session.answered",
                params={"session": session.title},
                url=session_url(session),
            )
    return question


def session_recount(*, community: Community, session_id: int) -> ExpertSession:
    """Set the session's `question_count` and `answered_count` to its visible questions (not removed,
    not held by moderation), under the session's row lock: moderation calls it on removal, hold and
    release, in any order."""
    session = _lock(ExpertSession, community, session_id)
    visible = (
        SessionQuestion.objects.for_community(community)
        .filter(session_id=session.pk, removed_at__isnull=True)
        .exclude(pk__in=hidden_ids(SessionQuestion, community))
    )
    figures = visible.aggregate(
        questions=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False))
    )
    session.question_count, session.answered_count = figures["questions"], figures["answered"]
    session.save(update_fields=["question_count", "answered_count", "updated_at"])
    return session


def session_question_remove_for_moderation(question: SessionQuestion, actor) -> None:
    """Take a session question down (members.reportables `remove`); the session's counts follow."""
    question.removed_at = timezone.now()
    question.save(update_fields=["removed_at", "updated_at"])
    session_recount(community=question.community, session_id=question.session_id)


def session_question_hold_changed(question: SessionQuestion) -> None:
    """A session question was hidden by reports or brought back (members.reportables `hold_changed`)."""
    session_recount(community=question.community, session_id=question.session_id)


# --- Reminders ---------------------------------------------------------------------------------------------


def sessions_due_for_reminders(*, now=None) -> list[tuple[int, int]]:
    """(community_id, session_id) of every session starting within REMINDER_LEAD, reminded or not: the
    reminder task runs again on each beat until the start, so members who join meanwhile are reminded
    too (each member once: `session_remind`).

    Named in communities.crossing: the one read across communities, a single-table scan by time."""
    now = now or timezone.now()
    return list(
        ExpertSession.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_LEAD,
            community__archived_at__isnull=True,
        ).values_list("community_id", "pk")
    )


@transaction.atomic
def session_remind(*, community: Community, session_id: int, now=None) -> int:
    """Remind every member who is active now and was not yet reminded of one session: a notification
    (inbox and email, as each member's preferences for the "session" group say, in their own language),
    then a SessionReminder row. Members who joined after the first run are picked up by the next one.

    Safe to rerun and to run twice at once: the session row is locked and members with a reminder row
    are skipped (the (session, membership) unique constraint backs it). `reminded_at` keeps the first
    run's time. Returns how many members were reminded.
    """
    session = ExpertSession.objects.select_for_update().filter(community=community, pk=session_id).first()
    now = now or timezone.now()
    if session is None or session.starts_at <= now:
        return 0
    reminded = (
        SessionReminder.objects.for_community(community).filter(session=session).values("membership_id")
    )
    members = (
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE)
        .exclude(pk__in=reminded)
        .select_related("user")
        .order_by("pk")
    )
    url = session_url(session)
    count = 0
    for member in members:
        notify(
            community=community,
            recipient=member.user,
            kind="session.reminder",
            params={"session": session.title, "starts_at": session.starts_at.isoformat()},
            url=url,
        )
        SessionReminder.objects.create(community=community, session=session, membership=member)
        count += 1
    if session.reminded_at is None:
        session.reminded_at = now
        session.save(update_fields=["reminded_at", "updated_at"])
    return count


# --- Guest experts -----------------------------------------------------------------------------------------


def _account(account: str) -> User:
    account = (account or "").strip()
    user = (
        User.objects.filter(Q(username__iexact=account) | Q(email__iexact=account), is_active=True)
        .order_by("pk")
        .first()
        if account
        else None
    )
    if user is None:
        raise errors.GuestAccountNotFound(fields={"account": [str(errors.GuestAccountNotFound.message)]})
    return user


@transaction.atomic
def guest_expert_invite(*, actor, community: Community, account: str, note: str = "") -> GuestExpert:
    """Make the person with this username or email an active expert of `community` at once (嘉宾):
    no join policy, application or fee. Their rules acceptance is asked on their first visit, like any
    member's after a rules change; answering their sessions does not wait for it.

    An active member is refused (`guest_already_member`: change their role instead), a banned person
    too (`guest_banned`).
    """
    ensure_can(actor, "schedule_expert_session", community)
    user = _account(account)
    membership = Membership.objects.select_for_update().filter(community=community, user=user).first()
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        raise errors.GuestAlreadyMember(fields={"account": [str(errors.GuestAlreadyMember.message)]})
    if membership is not None and membership.status == MembershipStatus.BANNED:
        raise errors.GuestBanned(fields={"account": [str(errors.GuestBanned.message)]})
    if membership is None:
        membership = Membership(
            community=community, user=user, sort_name=sort_name_for(user=user, profile=None)
        )
    elif membership.status == MembershipStatus.PENDING:
        close_pending_applications(membership, status=Application.Status.WITHDRAWN)
    membership.role = Role.EXPERT
    membership_transition(membership=membership, to=MembershipStatus.ACTIVE, via="guest", fields=("role",))
    guest, _created = GuestExpert.objects.update_or_create(
        community=community, membership=membership, defaults={"invited_by": actor, "note": note}
    )
    audit_record(community=community, actor=actor, action="member.guest_expert", subject=membership)
    record(community=community, actor=actor, verb="guest_expert.invited", target=membership)
    return guest

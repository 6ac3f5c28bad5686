"""Reads of expert sessions: the list (upcoming and live first, then the archive), one session, its
questions in the order the expert answers them, and the guest experts."""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from communities.models import Community
from content.errors.sessions import SessionNotFound, SessionQuestionNotFound
from content.models import ExpertSession, GuestExpert, SessionQuestion, SessionQuestionVote
from content.models.sessions import SessionStatus
from members.models import Membership
from members.selectors.membership import capability_holders
from members.selectors.moderation import hidden_ids


def session_list(*, community: Community, status: str = "") -> QuerySet[ExpertSession]:
    """Sessions with their expert: live and upcoming first (soonest first), then finished (newest first).

    `status` (upcoming, live, finished) narrows the list to one state at the time of the request.
    """
    now = timezone.now()
    qs = ExpertSession.objects.for_community(community).select_related("expert__user")
    if status == SessionStatus.UPCOMING:
        qs = qs.filter(starts_at__gt=now)
    elif status == SessionStatus.LIVE:
        qs = qs.filter(starts_at__lte=now, ends_at__gt=now)
    elif status == SessionStatus.FINISHED:
        qs = qs.filter(ends_at__lte=now)
    finished = Case(When(ends_at__lte=now, then=Value(1)), default=Value(0), output_field=IntegerField())
    return qs.annotate(finished_first=finished).order_by("finished_first", "starts_at", "id")


def upcoming_sessions(*, community: Community, limit: int = 5) -> QuerySet[ExpertSession]:
    """The next sessions not yet over, soonest first (for a community's home or feed)."""
    return session_list(community=community).filter(ends_at__gt=timezone.now())[:limit]


def session_get(*, community: Community, session_id) -> ExpertSession:
    session = (
        ExpertSession.objects.for_community(community).select_related("expert__user").filter(pk=session_id)
    )
    found = session.first()
    if found is None:
        raise SessionNotFound()
    return found


def session_question_list(*, community: Community, session: ExpertSession) -> QuerySet[SessionQuestion]:
    """A session's visible questions in the order the expert takes them: most votes first, then oldest."""
    return (
        SessionQuestion.objects.for_community(community)
        .filter(session=session, removed_at__isnull=True)
        .exclude(pk__in=hidden_ids(SessionQuestion, community))
        .select_related("author__user")
        .order_by("-vote_count", "created_at", "id")
    )


def session_question_get(*, community: Community, session: ExpertSession, question_id) -> SessionQuestion:
    question = session_question_list(community=community, session=session).filter(pk=question_id).first()
    if question is None:
        raise SessionQuestionNotFound()
    return question


def voted_session_question_ids(
    *, community: Community, membership: Membership | None, session: ExpertSession
) -> set[int]:
    if membership is None or membership.pk is None:
        return set()
    return set(
        SessionQuestionVote.objects.for_community(community)
        .filter(voter=membership, question__session=session)
        .values_list("question_id", flat=True)
    )


def expert_candidates(*, community: Community) -> QuerySet[Membership]:
    """Who may be a session's expert: active members holding `host_expert_session`, by name."""
    return capability_holders(community=community, capability="host_expert_session").order_by(
        "sort_name", "pk"
    )


def guest_expert_list(*, community: Community) -> QuerySet[GuestExpert]:
    return (
        GuestExpert.objects.for_community(community)
        .select_related("membership__user", "invited_by")
        .order_by("-created_at", "-id")
    )

"""Reads on vetting: the questions asked, the review queue and an applicant's own applications."""

from datetime import date

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from communities.models import Community
from communities.roles import MembershipStatus
from members.errors import ApplicationNotFound, QuestionNotFound
from members.models import Application, ApplicationQuestion, MemberProfile, Membership


def question_list(*, community: Community, include_retired: bool = False) -> QuerySet[ApplicationQuestion]:
    """The community's screening questions in their order; only the asked ones unless `include_retired`."""
    qs = ApplicationQuestion.objects.for_community(community).order_by("position", "id")
    return qs if include_retired else qs.filter(retired_at__isnull=True)


def application_question_get(*, community: Community, application_question_id: int) -> ApplicationQuestion:
    """Any question of the community by id, retired ones included (operators' pages only)."""
    questions = question_list(community=community, include_retired=True)
    question = questions.filter(pk=application_question_id).first()
    if question is None:
        raise QuestionNotFound()
    return question


def _public_memberships_elsewhere(community: Community) -> Prefetch:
    """Active memberships of public communities other than `community` (a private one is never shown)."""
    return Prefetch(
        "applicant__memberships",
        queryset=Membership.objects.filter(
            status=MembershipStatus.ACTIVE, community__visibility=Community.Visibility.PUBLIC
        )
        .exclude(community=community)
        .select_related("community")
        .order_by("community__name"),
        to_attr="public_memberships",
    )


def application_list(
    *,
    community: Community,
    status: str | None = None,
    submitted_from: date | None = None,
    submitted_to: date | None = None,
    search: str = "",
) -> QuerySet[Application]:
    """The review queue: pending first, then newest first, with the applicant, profile and other
    public memberships loaded in a fixed number of queries."""
    qs = (
        Application.objects.for_community(community)
        .select_related("applicant", "membership", "decided_by")
        .prefetch_related(
            _public_memberships_elsewhere(community),
            Prefetch(
                "membership__profiles",
                queryset=MemberProfile.objects.for_community(community),
                to_attr="profile_list",
            ),
        )
        .annotate(
            pending_first=Case(
                When(status=Application.Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("pending_first", "-created_at", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    if submitted_from:
        qs = qs.filter(created_at__date__gte=submitted_from)
    if submitted_to:
        qs = qs.filter(created_at__date__lte=submitted_to)
    if search:
        qs = qs.filter(
            Q(applicant__username__icontains=search)
            | Q(applicant__email__icontains=search)
            | Q(answers_text__icontains=search)
        )
    return qs


def application_get(*, community: Community, application_id: int) -> Application:
    """One application of the review queue, with everything the queue loads."""
    application = application_list(community=community).filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    return application


def application_list_for_user(*, community: Community, user) -> QuerySet[Application]:
    """The caller's own applications to `community`, newest first."""
    return Application.objects.for_community(community).filter(applicant=user).order_by("-created_at", "-id")


def application_pending_for_user(*, community: Community, user) -> Application | None:
    return (
        application_list_for_user(community=community, user=user)
        .filter(status=Application.Status.PENDING)
        .first()
    )

"""Reads of the relationship log: followed members with cadence, last touchpoint, trend and overdue flag."""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from analytics.services import activity_trends
from communities.models import Community
from communities.permissions import CAPABILITIES
from communities.roles import MembershipStatus
from members.models import ContactCadence, MemberProfile, Membership, MemberTag, Touchpoint

FOLLOWED_TAGS = (MemberTag.CORE_MEMBER, MemberTag.OPINION_LEADER)
TREND_WEEKS = 12


def _followed_queryset(community: Community) -> QuerySet[Membership]:
    cadence = ContactCadence.objects.filter(community=community, membership=OuterRef("pk"))
    tagged = MemberTag.objects.filter(community=community, membership=OuterRef("pk"), name__in=FOLLOWED_TAGS)
    last_touch = Touchpoint.objects.filter(community=community, membership=OuterRef("pk")).order_by(
        "-happened_at"
    )
    return (
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE)
        .filter(Q(Exists(tagged)) | Q(Exists(cadence)))
        .select_related("user")
        .annotate(
            every_days=Subquery(cadence.values("every_days")[:1]),
            caretaker_name=Subquery(cadence.values("caretaker__username")[:1]),
            # What the page shows: the caretaker's display name, else their username.
            caretaker_shown=Subquery(
                cadence.annotate(
                    shown=Coalesce(NullIf("caretaker__display_name", Value("")), "caretaker__username")
                ).values("shown")[:1]
            ),
            last_touch=Subquery(last_touch.values("happened_at")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "tags",
                queryset=MemberTag.objects.for_community(community).filter(name__in=FOLLOWED_TAGS),
                to_attr="followed_tags",
            ),
            Prefetch("profiles", queryset=MemberProfile.objects.filter(community=community)),
        )
        .order_by("user__username")
    )


def is_overdue(*, every_days: int | None, last_touch, today=None) -> bool:
    """With a cadence: never contacted, or last touchpoint + cadence before today. Without one: never."""
    if every_days is None:
        return False
    if last_touch is None:
        return True
    today = today or timezone.localdate()
    return timezone.localdate(last_touch) + timedelta(days=every_days) < today


def relationship_list(*, community: Community, overdue: bool | None = None) -> list[Membership]:
    """Members tagged core member / opinion leader or with a cadence; each carries `overdue`, `due_on`
    and `trend` (events per week, oldest first). Three queries whatever the number of members.
    """
    members = list(_followed_queryset(community))
    trends = activity_trends(community=community, user_ids=[m.user_id for m in members], weeks=TREND_WEEKS)
    for member in members:
        member.overdue = is_overdue(every_days=member.every_days, last_touch=member.last_touch)
        member.due_on = (
            timezone.localdate(member.last_touch) + timedelta(days=member.every_days)
            if member.every_days is not None and member.last_touch is not None
            else None
        )
        member.trend = trends.get(member.user_id, [0] * TREND_WEEKS)
    if overdue is not None:
        members = [member for member in members if member.overdue == overdue]
    return members


def cadence_for(*, community: Community, membership: Membership) -> ContactCadence | None:
    return (
        ContactCadence.objects.for_community(community)
        .filter(membership=membership)
        .select_related("caretaker")
        .first()
    )


def touchpoint_list(*, community: Community, membership: Membership) -> QuerySet[Touchpoint]:
    return (
        Touchpoint.objects.for_community(community)
        .filter(membership=membership)
        .select_related("author")
        .order_by("-happened_at", "-pk")
    )


def caretaker_choices(*, community: Community):
    """Accounts that may care for a relationship: the community's active owners and admins."""
    return (
        community.memberships.filter(
            status=MembershipStatus.ACTIVE, role__in=CAPABILITIES["manage_relationships"]
        )
        .select_related("user")
        .order_by("user__username")
    )

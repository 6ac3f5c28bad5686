"""Reads on communities: the directory, a viewer's communities, the current rules."""

from django.db.models import Count, Q, QuerySet

from communities.models import Community, Rule, RulesVersion
from communities.roles import MembershipStatus

DIRECTORY_ORDERINGS = {
    "newest": ("-created_at", "name"),
    "members": ("-member_count", "name"),
    "activity": ("-activity_score", "-created_at"),
    "name": ("name",),
}


def _with_member_count(qs: QuerySet[Community]) -> QuerySet[Community]:
    return qs.annotate(
        member_count=Count(
            "memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE), distinct=True
        )
    )


def community_directory(
    *, search: str = "", skill_domain: str = "", ordering: str = "activity"
) -> QuerySet[Community]:
    """Public, active communities, searchable and sortable, each with its active member count."""
    qs = Community.objects.filter(visibility=Community.Visibility.PUBLIC, status=Community.Status.ACTIVE)
    if search:
        qs = qs.filter(
            Q(name__icontains=search) | Q(tagline__icontains=search) | Q(positioning__icontains=search)
        )
    if skill_domain:
        qs = qs.filter(skill_domain=skill_domain)
    return _with_member_count(qs).order_by(
        *DIRECTORY_ORDERINGS.get(ordering, DIRECTORY_ORDERINGS["activity"])
    )


def community_list_visible(*, user) -> QuerySet[Community]:
    """Public communities plus every community where `user` is an active or pending member."""
    visible = Q(visibility=Community.Visibility.PUBLIC)
    if user.is_authenticated:
        visible |= Q(
            memberships__user=user,
            memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.PENDING],
        )
    ids = Community.objects.filter(visible).values("pk")
    return _with_member_count(Community.objects.filter(pk__in=ids))


def community_list_for_member(*, user) -> QuerySet[Community]:
    """Communities where `user` is an active member."""
    ids = Community.objects.filter(
        memberships__user=user, memberships__status=MembershipStatus.ACTIVE
    ).values("pk")
    return _with_member_count(Community.objects.filter(pk__in=ids)).order_by("name")


def community_with_stats(*, community: Community) -> Community:
    return _with_member_count(Community.objects.filter(pk=community.pk)).get()


def rule_list(*, community: Community) -> QuerySet[Rule]:
    return Rule.objects.for_community(community).order_by("position", "id")


def rules_version_current(*, community: Community) -> RulesVersion | None:
    return RulesVersion.objects.for_community(community).order_by("-number").first()

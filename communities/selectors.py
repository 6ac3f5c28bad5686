"""Reads on communities: the directory, a viewer's communities, the current rules.

An object named by a URL id is loaded by its `<entity>_get(*, community, <entity>_id)` selector, which
raises a NotFound for missing and forbidden alike (HTML: the 404 page; API: a 404 error body).
"""

from django.db.models import CharField, F, FilteredRelation, Q, QuerySet, Value

from communities.errors import CommunityNotFound, RuleNotFound
from communities.models import Community, Rule, RulesVersion
from communities.roles import MembershipStatus

DIRECTORY_ORDERINGS = {
    "newest": ("-created_at", "name"),
    "members": ("-member_count", "name"),
    "activity": ("-activity_score", "-created_at"),
    "name": ("name",),
}


def community_directory(
    *, search: str = "", skill_domain: str = "", ordering: str = "activity"
) -> QuerySet[Community]:
    """Public, active communities, searchable and sortable. The member count is the stored column
    `member_count` (members.services.transitions keeps it), so the cost does not grow with memberships."""
    qs = Community.objects.filter(visibility=Community.Visibility.PUBLIC, status=Community.Status.ACTIVE)
    if search:
        qs = qs.filter(
            Q(name__icontains=search) | Q(tagline__icontains=search) | Q(positioning__icontains=search)
        )
    if skill_domain:
        qs = qs.filter(skill_domain=skill_domain)
    return qs.order_by(*DIRECTORY_ORDERINGS.get(ordering, DIRECTORY_ORDERINGS["activity"]))


def community_get(*, slug: str) -> Community:
    """A community by slug whatever its visibility: only for pages where something else proves access
    (an invitation's code). Every other page resolves it through `communities.tenancy`."""
    community = Community.objects.filter(slug=slug).first()
    if community is None:
        raise CommunityNotFound()
    return community


def community_list_visible(*, user) -> QuerySet[Community]:
    """Public communities plus every community where `user` is an active or pending member.

    The caller's communities come from their own memberships (the user index), not from a join of every
    community to all its memberships, which grew with the platform.
    """
    visible = Q(visibility=Community.Visibility.PUBLIC)
    if user.is_authenticated:
        mine = Community.objects.filter(
            memberships__user=user,
            memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.PENDING],
        )
        visible |= Q(pk__in=mine.values("pk"))
    return Community.objects.filter(visible)


def community_list_for_member(*, user) -> QuerySet[Community]:
    """Communities where `user` is an active member."""
    ids = Community.objects.filter(
        memberships__user=user, memberships__status=MembershipStatus.ACTIVE
    ).values("pk")
    return Community.objects.filter(pk__in=ids).order_by("name")


def with_viewer_membership(qs: QuerySet[Community], *, user) -> QuerySet[Community]:
    """Annotate `my_role` and `my_status` (None without a membership) in the same query, no N+1."""
    if not user.is_authenticated:
        return qs.annotate(my_role=Value(None, CharField()), my_status=Value(None, CharField()))
    return qs.annotate(
        viewer_membership=FilteredRelation("memberships", condition=Q(memberships__user=user)),
        my_role=F("viewer_membership__role"),
        my_status=F("viewer_membership__status"),
    )


def community_detail(*, community: Community, user) -> Community:
    """One community (its stored member count included) with the viewer's role and status."""
    return with_viewer_membership(Community.objects.filter(pk=community.pk), user=user).get()


def rule_list(*, community: Community) -> QuerySet[Rule]:
    return Rule.objects.for_community(community).order_by("position", "id")


def rule_get(*, community: Community, rule_id: int) -> Rule:
    rule = rule_list(community=community).filter(pk=rule_id).first()
    if rule is None:
        raise RuleNotFound()
    return rule


def rules_version_list(*, community: Community) -> QuerySet[RulesVersion]:
    return RulesVersion.objects.for_community(community).select_related("published_by").order_by("-number")


def rules_version_current(*, community: Community) -> RulesVersion | None:
    return RulesVersion.objects.for_community(community).order_by("-number").first()

"""Reads for profiles and the member directory, with profile visibility applied for the viewer."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from analytics.services import last_activity_subquery
from communities.models import Community
from communities.permissions import has_capability
from communities.roles import MembershipStatus
from members.errors import MemberNotFound, NoteNotFound, TagNotFound
from members.models import MemberNote, MemberProfile, Membership, MemberSkill, MemberTag, ProfileVisibility

SORTS = {
    "name": ("sort_name", "id"),
    "newest": ("-joined_at", "-id"),
    "last_active": ("-last_active", "sort_name", "id"),
}
ACTIVE_WITHIN_DAYS = (7, 30, 90)


def is_operator(membership) -> bool:
    return has_capability(membership, "manage_member_notes")


def visible_levels(viewer: Membership | None) -> list[str]:
    """The profile visibilities `viewer` may read: operators all, active members public and members."""
    if is_operator(viewer):
        return list(ProfileVisibility.values)
    if has_capability(viewer, "view_members"):
        return [ProfileVisibility.PUBLIC, ProfileVisibility.MEMBERS]
    return [ProfileVisibility.PUBLIC]


def profile_visible(profile: MemberProfile | None, *, viewer: Membership | None, owner: Membership) -> bool:
    """True when `viewer` may read `owner`'s profile (a missing profile has the default visibility)."""
    if viewer is not None and viewer.pk == owner.pk:
        return True
    visibility = profile.visibility if profile is not None else ProfileVisibility.MEMBERS
    return visibility in visible_levels(viewer)


@dataclass
class DirectoryQuery:
    """The directory's filters, shared by the HTML form, the CSV export and the API filter set."""

    q: str = ""
    skill_level: str = ""
    skill: str = ""
    role: str = ""
    tag: str = ""
    joined_from: date | None = None
    joined_to: date | None = None
    active_within: int | None = None
    sort: str = "name"

    @property
    def narrows(self) -> bool:
        """True when a filter (not the sort) is set: the rows are then fewer than the active members."""
        return any(getattr(self, name) for name in self.__dataclass_fields__ if name != "sort")


def directory_count(*, community: Community, query: DirectoryQuery) -> int | None:
    """The directory's total when the stored member count gives it (no filter), else None (count rows)."""
    return None if query.narrows else community.member_count


def _readable(viewer: Membership | None) -> Q:
    """Profiles the viewer may read: by visibility, and always their own."""
    own = Q(membership_id=viewer.pk) if viewer is not None else Q(pk__in=[])
    return Q(visibility__in=visible_levels(viewer)) | own


def member_directory(
    *, community: Community, viewer: Membership | None, query: DirectoryQuery | None = None
) -> QuerySet[Membership]:
    """Active members with their visible profile, skills (and tags for operators) prefetched, filtered
    and sorted by `query`. The cost is constant in the page size: one query for the page, one per prefetch.
    """
    query = query or DirectoryQuery()
    qs = directory_filter(
        directory_base(community=community, viewer=viewer), community=community, viewer=viewer, query=query
    )
    return qs.order_by(*SORTS.get(query.sort, SORTS["name"]))


def directory_base(*, community: Community, viewer: Membership | None) -> QuerySet[Membership]:
    """Active members, sorted by the stored `sort_name` (members.services.directory): a page reads only
    its own rows through the (community, status, sort_name, id) index, at any community size."""
    qs = (
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE)
        .select_related("user")
        .annotate(last_active=last_activity_subquery(community=community))
    )
    profiles = MemberProfile.objects.filter(community=community)
    skills = MemberSkill.objects.filter(community=community).order_by("name")
    # Prefetched into plain lists (`to_attr`), read by profile_of / skills_of / tags_of: Django would
    # otherwise build a related manager and a queryset per row and relation (0.2 ms each, 40 a page).
    prefetches = [
        Prefetch("profiles", queryset=profiles, to_attr="prefetched_profiles"),
        Prefetch("skills", queryset=skills, to_attr="prefetched_skills"),
    ]
    if is_operator(viewer):
        tags = MemberTag.objects.filter(community=community)
        prefetches.append(Prefetch("tags", queryset=tags, to_attr="prefetched_tags"))
    return qs.prefetch_related(*prefetches).order_by(*SORTS["name"])


def directory_filter(
    qs: QuerySet[Membership], *, community: Community, viewer: Membership | None, query: DirectoryQuery
) -> QuerySet[Membership]:
    """Apply the directory filters. Filters on profile fields only match profiles the viewer may read,
    so a hidden profile cannot be found by its content; the tag filter is for operators only.
    """
    readable = _readable(viewer)
    visible = MemberProfile.objects.filter(readable, community=community, membership=OuterRef("pk"))

    def visible_profile(**lookups) -> Q:
        return Q(Exists(visible.filter(**lookups)))

    def visible_skill(**lookups) -> Q:
        skills_of = MemberSkill.objects.filter(community=community, membership=OuterRef("pk"), **lookups)
        hidden = MemberProfile.objects.filter(community=community, membership=OuterRef("pk")).exclude(
            readable
        )
        return Q(Exists(skills_of)) & ~Q(Exists(hidden))

    if query.q:
        term = query.q.strip()
        qs = qs.filter(
            Q(user__username__icontains=term)
            | Q(user__display_name__icontains=term)
            | visible_profile(display_name__icontains=term)
            | visible_profile(bio__icontains=term)
            | visible_skill(name__icontains=term)
        )
    if query.skill_level:
        qs = qs.filter(visible_profile(skill_level=query.skill_level))
    if query.skill:
        qs = qs.filter(visible_skill(name=" ".join(query.skill.split()).lower()))
    if query.role:
        qs = qs.filter(role=query.role)
    if query.tag and is_operator(viewer):
        tagged = MemberTag.objects.filter(
            community=community, membership=OuterRef("pk"), name=query.tag.lower()
        )
        qs = qs.filter(Exists(tagged))
    if query.joined_from:
        qs = qs.filter(joined_at__date__gte=query.joined_from)
    if query.joined_to:
        qs = qs.filter(joined_at__date__lte=query.joined_to)
    if query.active_within:
        qs = qs.filter(last_active__gte=timezone.now() - timedelta(days=query.active_within))
    return qs


def directory_row(membership: Membership, *, viewer: Membership | None) -> dict:
    """What the viewer may see of one directory row (uses only prefetched relations)."""
    profile = profile_of(membership)
    shown = profile_visible(profile, viewer=viewer, owner=membership)
    row = {
        "membership": membership,
        "name": (profile.display_name if shown and profile and profile.display_name else "")
        or membership.user.name,
        "profile": profile if shown else None,
        "skills": skills_of(membership) if shown else [],
        "last_active": membership.last_active,
    }
    if is_operator(viewer):
        row["tags"] = tags_of(membership)
    return row


def profile_get(*, community: Community, viewer: Membership | None, membership_id: int) -> Membership:
    """An active member of `community` as the directory row shows them to `viewer` (profile, skills,
    last activity); the HTML profile page and the API's member endpoints both load members here.
    Whether the viewer may read the profile itself is `profile_visible`'s question."""
    member = directory_base(community=community, viewer=viewer).filter(pk=membership_id).first()
    if member is None:
        raise MemberNotFound()
    return member


def profile_of(membership: Membership) -> MemberProfile | None:
    """The profile of a member loaded by `directory_base` (from its prefetch)."""
    return next(iter(membership.prefetched_profiles), None)


def skills_of(membership: Membership) -> list[str]:
    """The skill names of a member loaded by `directory_base`, sorted (from its prefetch)."""
    return [skill.name for skill in membership.prefetched_skills]


def tags_of(membership: Membership) -> list[str]:
    """The tag names of a member loaded by `directory_base` for an operator (from its prefetch)."""
    return [tag.name for tag in membership.prefetched_tags]


def member_notes(*, community: Community, membership: Membership) -> QuerySet[MemberNote]:
    return MemberNote.objects.for_community(community).filter(membership=membership).select_related("author")


def member_tags(*, community: Community, membership: Membership) -> QuerySet[MemberTag]:
    return MemberTag.objects.for_community(community).filter(membership=membership).order_by("name")


def member_note_get(*, community: Community, membership: Membership, note_id: int) -> MemberNote:
    note = member_notes(community=community, membership=membership).filter(pk=note_id).first()
    if note is None:
        raise NoteNotFound()
    return note


def member_tag_get(*, community: Community, membership: Membership, tag_id: int) -> MemberTag:
    tag = member_tags(community=community, membership=membership).filter(pk=tag_id).first()
    if tag is None:
        raise TagNotFound()
    return tag


def community_name(membership: Membership) -> str:
    """The name a member goes by in the community, for the operators' pages: the profile's display name,
    else the account's name. Reads a prefetched profile only (`prefetched_profiles`, `profile_list` or
    a plain `prefetch_related("profiles")`) and never queries: without one, the account's name."""
    profiles = getattr(membership, "prefetched_profiles", None)
    if profiles is None:
        profiles = getattr(membership, "profile_list", None)
    if profiles is None:
        profiles = getattr(membership, "_prefetched_objects_cache", {}).get("profiles")
    profile = next(iter(profiles), None) if profiles is not None else None
    return (profile.display_name if profile is not None else "") or membership.user.name

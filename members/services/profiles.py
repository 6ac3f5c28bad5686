"""Writes on member profiles (by the member) and on operators' private notes and tags (by operators)."""

from urllib.parse import urlsplit

from django.db import transaction

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from members import errors
from members.models import MemberNote, MemberProfile, Membership, MemberSkill, MemberTag, ProfileVisibility
from members.selectors.policy import policy_for
from members.services.directory import sort_names_refresh
from members.services.publishing import ensure_may_post
from members.versioning import members_changed

MAX_SKILLS = 20
MAX_SKILL_LENGTH = 60
MAX_LINKS = 5


def normalise_skills(skills: str | list[str]) -> list[str]:
    """Comma-separated text or a list to unique lower-case names, in the order given."""
    items = skills.split(",") if isinstance(skills, str) else list(skills)
    names = []
    for item in items:
        name = " ".join(str(item).split()).lower()
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_SKILLS or any(len(name) > MAX_SKILL_LENGTH for name in names):
        raise errors.TooManySkills(fields={"skills": [str(errors.TooManySkills.message)]})
    return names


def normalise_links(links: str | list[str]) -> list[str]:
    """One URL per line (or a list) to a list of at most 5 http(s) URLs."""
    items = links.splitlines() if isinstance(links, str) else list(links)
    urls = [str(item).strip() for item in items if str(item).strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 300 or " " in url:
            raise errors.InvalidLinks(fields={"links": [str(errors.InvalidLinks.message)]})
    if len(urls) > MAX_LINKS:
        raise errors.InvalidLinks(fields={"links": [str(errors.InvalidLinks.message)]})
    return urls


@transaction.atomic
def profile_update(
    *,
    actor,
    community: Community,
    display_name: str = "",
    bio: str = "",
    skill_level: str = "",
    skills: str | list[str] = "",
    learning_needs: str = "",
    goals: str = "",
    interests: str = "",
    links: str | list[str] = "",
    visibility: str = ProfileVisibility.MEMBERS,
) -> MemberProfile:
    """Save the actor's own profile in `community`, replacing their skills; records "profile.updated".

    A profile is published to the other members, so it passes the posting check (`ensure_may_post`:
    not muted, the bio within the trust level's links and images).
    """
    membership = ensure_may_post(actor=actor, community=community, text=bio, field="bio")
    levels = policy_for(community=community).skill_levels
    if skill_level and skill_level not in levels:
        raise errors.InvalidSkillLevel(fields={"skill_level": [str(errors.InvalidSkillLevel.message)]})
    if visibility not in ProfileVisibility.values:
        raise errors.ProfileInvalid(fields={"visibility": [str(errors.ProfileInvalid.message)]})
    skill_names = normalise_skills(skills)
    urls = normalise_links(links)
    profile, _ = MemberProfile.objects.select_for_update().get_or_create(
        community=community, membership=membership
    )
    profile.display_name = display_name.strip()
    profile.bio = bio
    profile.skill_level = skill_level
    profile.learning_needs = learning_needs
    profile.goals = goals
    profile.interests = interests.strip()
    profile.links = urls
    profile.visibility = visibility
    profile.full_clean(exclude=["community", "membership"])
    profile.save()
    MemberSkill.objects.filter(community=community, membership=membership).delete()
    MemberSkill.objects.bulk_create(
        [MemberSkill(community=community, membership=membership, name=name) for name in skill_names]
    )
    members_changed(community_ids=[community.pk])  # the skills above were replaced without model signals
    sort_names_refresh(memberships=Membership.objects.filter(pk=membership.pk))
    record(community=community, actor=actor, verb="profile.updated", target=profile)
    return profile


def _member_of(community: Community, membership: Membership) -> Membership:
    if membership.community_id != community.pk:
        raise errors.NotAMember()
    return membership


@transaction.atomic
def member_note_add(*, actor, community: Community, membership: Membership, body: str) -> MemberNote:
    """An operator's private note on a member."""
    ensure_can(actor, "manage_member_notes", community)
    note = MemberNote(
        community=community, membership=_member_of(community, membership), author=actor, body=body.strip()
    )
    note.full_clean(exclude=["community", "membership", "author"])
    note.save()
    return note


@transaction.atomic
def member_note_delete(*, actor, community: Community, note: MemberNote) -> None:
    ensure_can(actor, "manage_member_notes", community)
    if note.community_id != community.pk:
        raise errors.NotAMember()
    note.delete()


@transaction.atomic
def member_tag_add(*, actor, community: Community, membership: Membership, name: str) -> MemberTag:
    """Tag a member ("core member", "opinion leader" or a free tag, lower-case); adding twice is a no-op."""
    ensure_can(actor, "manage_member_notes", community)
    name = " ".join(name.split()).lower()
    tag = MemberTag(
        community=community, membership=_member_of(community, membership), name=name, added_by=actor
    )
    tag.full_clean(exclude=["community", "membership", "added_by"], validate_unique=False)
    tag, _ = MemberTag.objects.get_or_create(
        community=community, membership=membership, name=name, defaults={"added_by": actor}
    )
    return tag


@transaction.atomic
def member_tag_remove(*, actor, community: Community, tag: MemberTag) -> None:
    ensure_can(actor, "manage_member_notes", community)
    if tag.community_id != community.pk:
        raise errors.NotAMember()
    tag.delete()

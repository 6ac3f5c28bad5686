"""Demo profiles, welcome and onboarding: a welcome message and newcomer guide per demo community, filled
profiles with skills, an operator's note, introductions on the welcome page and welcome notifications.

Idempotent: each piece is only added where there is none yet.
"""

from django.utils import translation

from analytics.services import latest_events
from communities.models import Community, Notification
from communities.roles import MembershipStatus, Role
from demo import data
from demo.texts import texts_for
from members.models import MemberNote, MemberProfile, Membership
from members.selectors.policy import policy_for
from members.services.onboarding import introduction_post, welcome_member
from members.services.profiles import member_note_add, profile_update

SKILLS = {
    "photography": ["street", "portrait", "film", "lighting", "darkroom", "composition"],
    "programming": ["python", "testing", "django", "sql", "git", "debugging"],
    "design": ["typography", "layout", "colour", "figma", "branding", "critique"],
}


def seed_profiles() -> int:
    """Fill the demo communities' people side; return the number of profiles created."""
    created = 0
    slugs = [spec["fields"]["slug"] for spec in data.COMMUNITIES]
    for community in Community.objects.filter(slug__in=slugs).order_by("slug"):
        _policy(community)
        members = list(
            Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE)
            .select_related("user")
            .order_by("user__username")
        )
        created += _profiles(community, members)
        _introductions(community, members)
        _note(community, members)
        for membership in members:
            if not Notification.objects.filter(
                community=community, recipient=membership.user, kind="welcome"
            ).exists():
                welcome_member(membership=membership)
    return created


def _policy(community: Community) -> None:
    policy = policy_for(community=community)
    if not policy.welcome_message and not policy.newcomer_guide:
        texts = texts_for(community)
        policy.welcome_message, policy.newcomer_guide = texts["welcome"], texts["guide"]
        policy.save()  # the first save stores the policy (policy_for returns the defaults unsaved)


def _profiles(community: Community, members: list[Membership]) -> int:
    texts = texts_for(community)
    with translation.override(community.language):
        skill = community.get_skill_domain_display().lower()
    have = set(MemberProfile.objects.filter(community=community).values_list("membership_id", flat=True))
    levels = policy_for(community=community).skill_levels
    skills = SKILLS.get(community.skill_domain, SKILLS["photography"])
    created = 0
    for i, membership in enumerate(members):
        if membership.pk in have:
            continue
        profile_update(
            actor=membership.user,
            community=community,
            display_name=membership.user.name,
            bio=texts["bio"].format(skill=skill, community=community.name),
            skill_level=levels[i % len(levels)],
            skills=skills[i % len(skills) : i % len(skills) + 3],
            learning_needs=texts["learning_needs"],
            goals=texts["goals"],
            interests=", ".join(skills[:2]),
            links=[f"https://example.com/{membership.user.username}"],
            visibility=["members", "public", "operators"][i % 3],
        )
        created += 1
    return created


def _introductions(community: Community, members: list[Membership]) -> None:
    if latest_events(community=community, verb="introduction.posted", limit=1):
        return
    plain = [m for m in members if m.role in (Role.MEMBER, Role.EXPERT)]
    for membership, text in zip(plain, texts_for(community)["introductions"], strict=False):
        introduction_post(actor=membership.user, community=community, text=text)


def _note(community: Community, members: list[Membership]) -> None:
    owner = next((m for m in members if m.role == Role.OWNER), None)
    plain = [m for m in members if m.role == Role.MEMBER]
    if owner is None or not plain or MemberNote.objects.filter(community=community).exists():
        return
    member_note_add(
        actor=owner.user,
        community=community,
        membership=plain[0],
        body=texts_for(community)["note"],
    )

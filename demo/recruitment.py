"""Demo recruitment: invitations, join links per channel and referrals in each demo community, with
newcomers who joined through each of them, so the Growth page and the invitation pages show real data.

Idempotent: a community that already has an invitation is left as it is.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from communities.roles import MembershipStatus, Role
from communities.selectors import rules_version_current
from demo import data
from demo.texts import texts_for
from members.models import Invitation, Membership
from members.services import recruitment

# (role, max uses, expires in days), labelled in the community's language (demo.texts): the first is
# used by the newcomers below.
INVITATIONS = [(Role.MEMBER, 20, 30), (Role.MODERATOR, 1, 7)]
JOIN_LINK_TAGS = ["wechat", "newsletter"]
# How each newcomer arrives; open communities take all of them, the others only invitees.
ARRIVALS = [
    ("invitation", {}),
    ("invitation", {}),
    ("join_link", {"link": 0}),
    ("join_link", {"link": 0}),
    ("join_link", {"link": 1}),
    ("referral", {}),
    ("referral", {}),
    ("campaign", {"src": "spring-fair"}),
    ("directory", {"via": "directory"}),
]


def seed_recruitment() -> int:
    """Seed each demo community that has no invitation yet; return the number of newcomers."""
    from demo.seed import ensure_account  # demo.seed calls this module

    newcomers = 0
    now = timezone.now()
    slugs = [spec["fields"]["slug"] for spec in data.COMMUNITIES]
    for community in Community.objects.filter(slug__in=slugs).order_by("slug"):
        if Invitation.objects.for_community(community).exists():
            continue
        owner = Membership.objects.get(
            community=community, role=Role.OWNER, status=MembershipStatus.ACTIVE
        ).user
        texts = texts_for(community)
        invitations = [
            recruitment.invitation_create(
                actor=owner,
                community=community,
                label=label,
                role=role,
                max_uses=max_uses,
                expires_at=now + timedelta(days=days),
            )
            for label, (role, max_uses, days) in zip(texts["invitations"], INVITATIONS, strict=True)
        ]
        links = [
            recruitment.join_link_create(actor=owner, community=community, channel=channel, source_tag=tag)
            for channel, tag in zip(texts["join_links"], JOIN_LINK_TAGS, strict=True)
        ]
        referrer = (
            Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE, role=Role.MEMBER)
            .order_by("id")
            .first()
        )
        ref = (
            recruitment.referral_code_ensure(actor=referrer.user, community=community).referral_code
            if referrer
            else ""
        )
        version = rules_version_current(community=community)
        number = version.number if version is not None else None
        is_open = community.join_policy == Community.JoinPolicy.OPEN
        for index, (kind, arrival) in enumerate(ARRIVALS):
            if (kind != "invitation" and not is_open) or (kind == "referral" and not ref):
                continue
            user = ensure_account(
                f"recruit-{community.slug}-{index + 1}", display_name=texts["recruit"].format(n=index + 1)
            )
            if kind == "invitation":
                membership = recruitment.invitation_accept(
                    actor=user, community=community, code=invitations[0].code, accepted_rules_version=number
                )
            else:
                stored = {**arrival, "ref": ref} if kind == "referral" else dict(arrival)
                if "link" in stored:
                    stored["link"] = links[stored["link"]].code
                membership = recruitment.membership_join_from(
                    actor=user, community=community, accepted_rules_version=number, arrival=stored
                )
            Membership.objects.filter(pk=membership.pk).update(joined_at=now - timedelta(days=3 + index * 5))
            newcomers += 1
    return newcomers

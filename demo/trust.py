"""Demo trust levels and relationship log: two followed members per demo community (one overdue), their
touchpoints, and a trust evaluation so members show the levels their seeded activity earns.

Idempotent: a tag, cadence or touchpoint is only added where there is none, and a rerun of the trust
evaluation changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community
from communities.roles import MembershipStatus, Role
from demo import data
from demo.texts import texts_for
from members.models import ContactCadence, Membership, MemberTag, Touchpoint
from members.services.profiles import member_tag_add
from members.services.relationships import cadence_set, touchpoint_create
from members.services.trust import trust_levels_evaluate

# (tag, cadence in days, last touchpoint days ago, kind), each with its note in the community's language
# (demo.texts): the first is overdue, the second is not.
FOLLOWED = [
    (MemberTag.CORE_MEMBER, 14, 20, Touchpoint.Kind.CALL),
    (MemberTag.OPINION_LEADER, 30, 3, Touchpoint.Kind.MEETING),
]


def seed_trust() -> int:
    """Follow two members in each demo community and evaluate trust levels; the number newly followed."""
    followed = 0
    slugs = [spec["fields"]["slug"] for spec in data.COMMUNITIES]
    for community in Community.objects.filter(slug__in=slugs).order_by("slug"):
        actives = Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE)
        owner = actives.filter(role=Role.OWNER).select_related("user").first()
        candidates = actives.filter(role__in=[Role.MEMBER, Role.EXPERT]).select_related("user")
        notes = texts_for(community)["touchpoints"]
        for membership, spec, note in zip(
            candidates.order_by("user__username"), FOLLOWED, notes, strict=False
        ):
            followed += _follow(community, owner.user, membership, *spec, note)
        trust_levels_evaluate(community=community)
    return followed


def _follow(community, owner, membership, tag, every_days, days_ago, kind, note) -> int:
    member_tag_add(actor=owner, community=community, membership=membership, name=tag)
    if ContactCadence.objects.filter(community=community, membership=membership).exists():
        return 0
    cadence_set(
        actor=owner, community=community, membership=membership, every_days=every_days, caretaker=owner
    )
    if not Touchpoint.objects.filter(community=community, membership=membership).exists():
        touchpoint_create(
            actor=owner,
            community=community,
            membership=membership,
            kind=kind,
            note=note,
            happened_at=timezone.now() - timedelta(days=days_ago),
        )
    return 1

"""Writes of spaces: creating and editing them (`manage_spaces`), and their members (joining an open
space, leaving, operators adding and removing members).

`Space.member_count` changes here only, with F() updates, so concurrent joins never lose a count.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from content.errors import discussions as errors
from content.models import Space, SpaceMember
from content.models.discussions import (
    DESCRIPTION_MAX,
    NAME_MAX,
    SLOW_MODE_MAX,
    SLUG_MAX,
    Joining,
    WhoMayPost,
)
from members.errors import NotAMember
from members.models import Membership

RESERVED_SLUGS = frozenset({"new", "read-only"})  # pages of their own under spaces/
SPACE_FIELDS = (
    "name",
    "slug",
    "description",
    "position",
    "who_may_post",
    "joining",
    "members_only",
    "slow_mode_minutes",
)


def _free_slug(community: Community, wanted: str, space: Space | None) -> str:
    """`wanted` (or one made from the name): a-z, 0-9 and dashes; taken is `space_invalid` on slug."""
    taken = Space.objects.for_community(community).filter(slug=wanted)
    if space is not None:
        taken = taken.exclude(pk=space.pk)
    if taken.exists():
        raise errors.SpaceInvalid(fields={"slug": [gettext("Another space already has this address.")]})
    return wanted


def _clean_space(community: Community, values: dict, space: Space | None) -> dict:
    problems = {}
    name = " ".join(str(values.get("name") or "").split())
    if not name or len(name) > NAME_MAX:
        problems["name"] = gettext("Name the space (at most %(n)s characters).") % {"n": NAME_MAX}
    slug = slugify(values.get("slug") or "")[:SLUG_MAX].strip("-")
    if not slug and space is None:
        slug = slugify(name)[:SLUG_MAX].strip("-") or _numbered_slug(community)
    if not slug or slug in RESERVED_SLUGS:
        problems["slug"] = gettext("Give the space an address: letters, digits and dashes.")
    if len(values.get("description") or "") > DESCRIPTION_MAX:
        problems["description"] = gettext("At most %(n)s characters.") % {"n": DESCRIPTION_MAX}
    if values.get("who_may_post") not in WhoMayPost.values:
        problems["who_may_post"] = gettext("Choose who may start topics.")
    if values.get("joining") not in Joining.values:
        problems["joining"] = gettext("Choose how members join the space.")
    elif values["joining"] == Joining.NONE and (
        values.get("members_only") or values.get("who_may_post") == WhoMayPost.MEMBERS
    ):
        problems["joining"] = gettext(
            "A space for its own members needs a way to join: open or by invitation."
        )
    minutes = values.get("slow_mode_minutes") or 0
    if not 0 <= minutes <= SLOW_MODE_MAX:
        problems["slow_mode_minutes"] = gettext("Between 0 and %(n)s minutes.") % {"n": SLOW_MODE_MAX}
    if problems:
        raise errors.SpaceInvalid(fields={key: [value] for key, value in problems.items()})
    return {
        **values,
        "name": name,
        "slug": _free_slug(community, slug, space),
        "slow_mode_minutes": minutes,
    }


def _numbered_slug(community: Community) -> str:
    """An address for a name with no Latin letters (小组): space-<n>, the first one free."""
    number = Space.objects.for_community(community).count() + 1
    while Space.objects.for_community(community).filter(slug=f"space-{number}").exists():
        number += 1
    return f"space-{number}"


@transaction.atomic
def space_create(
    *,
    actor,
    community: Community,
    name: str,
    slug: str = "",
    description: str = "",
    position: int = 0,
    who_may_post: str = WhoMayPost.EVERYONE,
    joining: str = Joining.NONE,
    members_only: bool = False,
    slow_mode_minutes: int = 0,
) -> Space:
    ensure_can(actor, "manage_spaces", community)
    values = _clean_space(
        community,
        {
            "name": name,
            "slug": slug,
            "description": description or "",
            "position": position or 0,
            "who_may_post": who_may_post,
            "joining": joining,
            "members_only": bool(members_only),
            "slow_mode_minutes": slow_mode_minutes,
        },
        None,
    )
    space = Space(community=community, **values)
    space.full_clean(exclude=["community"])
    space.save()
    record(community=community, actor=actor, verb="space.created", target=space)
    return space


@transaction.atomic
def space_update(*, actor, community: Community, space: Space, **changes) -> Space:
    """Change any of SPACE_FIELDS; the same rules as creating one."""
    ensure_can(actor, "manage_spaces", community)
    space = Space.objects.select_for_update().for_community(community).get(pk=space.pk)
    values = {name: changes.get(name, getattr(space, name)) for name in SPACE_FIELDS}
    values = _clean_space(community, values, space)
    for name, value in values.items():
        setattr(space, name, value)
    space.full_clean(exclude=["community"])
    space.save()
    record(community=community, actor=actor, verb="space.updated", target=space)
    return space


def _add(community: Community, space: Space, membership: Membership, added_by) -> SpaceMember:
    try:
        with transaction.atomic():
            row = SpaceMember.objects.create(
                community=community, space=space, membership=membership, added_by=added_by
            )
    except IntegrityError:
        raise errors.AlreadySpaceMember() from None
    Space.objects.for_community(community).filter(pk=space.pk).update(member_count=F("member_count") + 1)
    return row


def _drop(community: Community, space: Space, membership: Membership) -> None:
    deleted, _rows = (
        SpaceMember.objects.for_community(community).filter(space=space, membership=membership).delete()
    )
    if not deleted:
        raise errors.NotSpaceMember()
    Space.objects.for_community(community).filter(pk=space.pk, member_count__gt=0).update(
        member_count=F("member_count") - 1
    )


@transaction.atomic
def space_join(*, actor, community: Community, space: Space) -> SpaceMember:
    """Join an open space (`space_join_closed` for one by invitation; nothing to join without membership)."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    if space.joining == Joining.NONE:
        raise errors.SpaceWithoutMembership()
    if space.joining != Joining.OPEN:
        raise errors.SpaceJoinClosed()
    row = _add(community, space, membership, membership)
    record(community=community, actor=actor, verb="space.joined", target=space)
    return row


@transaction.atomic
def space_leave(*, actor, community: Community, space: Space) -> None:
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    _drop(community, space, membership)


@transaction.atomic
def space_member_add(*, actor, community: Community, space: Space, membership: Membership) -> SpaceMember:
    """An operator adds an active member of the community to a space that has membership."""
    operator = ensure_can(actor, "manage_spaces", community)
    if space.joining == Joining.NONE:
        raise errors.SpaceWithoutMembership()
    if membership.community_id != community.pk or not membership.is_active:
        raise errors.SpaceInvalid(
            fields={"membership_id": [gettext("Choose an active member of this community.")]}
        )
    row = _add(community, space, membership, operator)
    record(community=community, actor=actor, verb="space.member_added", target=space)
    return row


@transaction.atomic
def space_member_remove(*, actor, community: Community, space: Space, membership: Membership) -> None:
    ensure_can(actor, "manage_spaces", community)
    _drop(community, space, membership)

"""The tenancy vocabulary: the roles a member holds and the states of a membership."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Admin")
    MODERATOR = "moderator", _("Moderator")
    EXPERT = "expert", _("Expert")
    MEMBER = "member", _("Member")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Rejected")
    LEFT = "left", _("Left")
    BANNED = "banned", _("Banned")


# Rank of each role, the one source for "who outranks whom": moderation acts only downwards, and a role is
# granted only by someone ranked above it (may_grant).
RANK: dict[str, int] = {Role.OWNER: 3, Role.ADMIN: 2, Role.MODERATOR: 1, Role.EXPERT: 0, Role.MEMBER: 0}
SENIOR_ROLES = frozenset({Role.OWNER, Role.ADMIN})


def may_grant(granter_role: str | None, role: str) -> bool:
    """The rank rule of every path that gives (or takes away) a role: a role change, an ownership
    transfer, an invitation, the Django admin. Owners grant any role; anyone else only roles ranked
    below their own (an admin appoints moderators and experts, never admins). `granter_role` is the
    granter's role in the community (None without an active membership)."""
    if granter_role == Role.OWNER:
        return True
    return granter_role is not None and RANK[role] < RANK[granter_role]

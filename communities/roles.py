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

"""Accounts: the platform-wide user and the personal API tokens integrators use."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities import validators


class User(AbstractUser):
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    avatar = models.ImageField(
        _("avatar"), upload_to="avatars/", blank=True, validators=[validators.image_upload]
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty to follow your browser."),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validators.valid_timezone]
    )

    @property
    def name(self) -> str:
        return self.display_name or self.username


class ApiToken(models.Model):
    """A named personal token. Only a SHA-256 of the key is stored; the key is shown once."""

    PREFIX_LENGTH = 8

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=PREFIX_LENGTH, editable=False, verbose_name=_("prefix"))
    key_hash = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("key hash"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("last used"))
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("revoked"))

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

"""Validators shared by forms, serializers and models."""

import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

RESERVED_SLUGS = frozenset({"new", "admin", "api", "static", "media", "me", "accounts", "settings"})

slug_format = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$",
    _("Use 3-50 lowercase letters, digits or hyphens, starting and ending with a letter or digit."),
    code="invalid_slug",
)

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, for example #2f6f4f."), code="invalid_colour"
)

ALLOWED_IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}

# The largest value an integer column holds on every supported database (PostgreSQL's `integer`); every
# integer a client may set is bounded well below it, by the model and by the form or serializer.
INT32_MAX = 2**31 - 1
# Object ids (bigint primary keys) sent in a request body.
ID_MAX = 2**63 - 1
# Ordering positions of rules, questions and steps: far more than any list holds, far below INT32_MAX, so
# that "last position + 1" never overflows either.
MAX_POSITION = 10_000


def bounded(low: int, high: int) -> list:
    """Model field validators for an integer that must lie in [low, high]."""
    return [MinValueValidator(low), MaxValueValidator(high)]


def not_reserved_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved."), code="reserved_slug")


@cache
def timezone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def valid_timezone(value: str) -> None:
    if value not in timezone_names():
        raise ValidationError(
            _("Unknown time zone: %(value)s."), code="invalid_timezone", params={"value": value}
        )


def image_upload(file) -> None:
    """Refuse uploads over MAX_IMAGE_UPLOAD_BYTES and formats other than PNG, JPEG, GIF and WebP."""
    if file is None:
        return
    if file.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s KB); the limit is %(limit)s KB."),
            code="file_too_large",
            params={"size": file.size // 1024, "limit": settings.MAX_IMAGE_UPLOAD_BYTES // 1024},
        )
    image = getattr(file, "image", None)
    if image is not None and image.format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Upload a PNG, JPEG, GIF or WebP image."), code="invalid_image_format")

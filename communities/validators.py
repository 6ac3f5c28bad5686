"""Validators shared by forms, serializers and models."""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from communities.images import check_image

RESERVED_SLUGS = frozenset({"new", "admin", "api", "static", "media", "me", "accounts", "settings"})

slug_format = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$",
    _("Use 3-50 lowercase letters, digits or hyphens, starting and ending with a letter or digit."),
    code="invalid_slug",
)

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, for example #2f6f4f."), code="invalid_colour"
)

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
    """Model validator: a freshly assigned image passes communities.images.check_image (the forms and the
    API have already checked and re-encoded it; this catches any other path). Stored files are not
    re-read on every save."""
    if file is not None and not getattr(file, "_committed", False):
        check_image(file)

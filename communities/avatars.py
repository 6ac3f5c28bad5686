"""Avatars of people in lists: the uploaded picture, else initials on a colour derived from the name.

The colour is one of a few classes (`avatar-c0`...) rather than an inline style, which the
Content-Security-Policy refuses; each pairs with white text at a contrast of at least 4.5:1.
"""

import unicodedata
import zlib

from django.utils.html import format_html

PALETTE_SIZE = 6
SIZES = ("sm", "md", "lg")


def initials(name: str) -> str:
    """ "Olivia Owner" -> "OO", "mei" -> "M", "刘洋" -> "刘": first letters of two words, else one letter."""
    words = [word for word in (name or "").split() if word[0].isalnum()]
    if not words:
        return "?"
    first = words[0][0]
    if len(words) == 1 or unicodedata.east_asian_width(first) in ("W", "F"):
        return first.upper()
    return (first + words[1][0]).upper()


def colour_class(name: str) -> str:
    """A stable colour class for `name` (the same person keeps one colour on every page)."""
    return f"avatar-c{zlib.crc32((name or '').encode()) % PALETTE_SIZE}"


def avatar_html(user, name: str, size: str = "sm") -> str:
    """An <img> of `user`'s avatar, or their initials; decorative (the name is always written beside it)."""
    size = size if size in SIZES else "sm"
    picture = getattr(user, "avatar", None)
    if picture:
        return format_html(
            '<img class="avatar avatar-{}" src="{}" alt="" width="40" height="40" loading="lazy">',
            size,
            picture.url,
        )
    return format_html(
        '<span class="avatar avatar-{} {}" aria-hidden="true">{}</span>',
        size,
        colour_class(name),
        initials(name),
    )

"""A member's private calendar address: made (or made anew, which ends the old one) and revoked by its
account. Only a SHA-256 of the key is stored; the key is returned once, to be shown once."""

from django.db import transaction

from accounts.models import User
from events.models import CalendarFeed


@transaction.atomic
def calendar_feed_renew(*, user) -> tuple[CalendarFeed, str]:
    """A new secret address for the account's calendar, replacing any earlier one (which stops working
    at once). Returns the row and the key (not stored). The account's row is locked: two renewals at
    once leave one address."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    CalendarFeed.objects.filter(user=user).delete()
    key = CalendarFeed.new_key()
    feed = CalendarFeed.objects.create(
        user=user, prefix=key[: CalendarFeed.PREFIX_LENGTH], key_hash=CalendarFeed.hash_key(key)
    )
    return feed, key


@transaction.atomic
def calendar_feed_revoke(*, user) -> bool:
    """Stop the account's calendar address; True when there was one."""
    deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)

"""Rendered list items and pages kept in the cache, under keys that change whenever what they show does.

Two kinds of key (decision 0018):

- **By content** (`row_key`): the item's own column values are the key, so a changed row has a new
  key and can never be served stale; nothing needs invalidating. The directory's cards and the API
  community list's items use it. A template or serializer that reads a *related* object must not use it.
- **By version** (`communities.fragments.list_version`): for a page built from many tables (the member
  directory, the API member list), the key holds the community's member-list version, a token in the
  cache that every write changing what those lists show replaces (members/versioning.py).

Every key also holds the language and time zone (labels and dates depend on them) and the `release`
(a digest of the code, templates and translations), so a deploy never serves what older code rendered.
Entries expire after `TIMEOUT`.

Either kind of key names a value that never changes (a change makes a new key), so each process also
keeps the entries it has read or built in a small, bounded memory of its own (`LocalEntries`) in front
of the shared cache: a page built from such entries costs no cache round trip for them.

Keys by content are right in any cache. Keys by version need one cache that every process shares
(Redis, with REDIS_URL): a version replaced in one process's private memory would leave the others
serving the old page. So versioned caching is on only with the setting `FRAGMENT_CACHE_VERSIONED`
(default: on when REDIS_URL is set); off, `list_version` answers None and those pages are built anew.
"""

import hashlib
import os
import secrets
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache as memoise
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation

TIMEOUT = 10 * 60
VERSION_TIMEOUT = 24 * 60 * 60


def digest(*parts: Any) -> str:
    """A short, stable digest of `parts` (their reprs)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def locale_parts() -> tuple[str, str]:
    """What the active request's output depends on besides the data: language and time zone."""
    return translation.get_language() or "", timezone.get_current_timezone_name()


@memoise
def release() -> str:
    """The digest of the code that renders (the project's Python modules, templates and compiled
    translations), read once per process: entries made by other code are never read (a deploy that
    changes the markup, a serializer or a translation starts with new keys)."""
    root = Path(settings.BASE_DIR)
    skip = {".venv", "venv", "node_modules", "staticfiles", "media", "tests", "bench", ".git"}
    hasher = hashlib.blake2b(digest_size=16)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in skip and not name.startswith("."))
        for name in sorted(files):
            if name.endswith((".py", ".html", ".mo")):
                path = Path(folder, name)
                hasher.update(str(path.relative_to(root)).encode())
                hasher.update(path.read_bytes())
    return hasher.hexdigest()


def row_values(instance) -> tuple:
    """A model instance's loaded column and annotation values, in a stable order (its content key).
    Related objects are not in it: an item keyed by content must be built from its own row only."""
    return tuple(
        sorted(
            (name, value.name if isinstance(value, FieldFile) else value)
            for name, value in vars(instance).items()
            if not name.startswith("_")
        )
    )


class LocalEntries:
    """The last `size` entries this process read or built, newest last. Only for keys that name an
    unchanging value (all keys of this module do), so nothing here needs invalidating; `clear()` is
    for tests that change what renders without changing a key (settings, templates)."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, Any] = OrderedDict()

    def get(self, key: str) -> Any:
        value = self.entries.get(key)
        if value is not None:
            self.entries.move_to_end(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)

    def clear(self) -> None:
        self.entries.clear()


local = LocalEntries(size=2048)


def memo_many(items: Iterable, *, key: Callable[[Any], str], build: Callable[[Any], Any]) -> list:
    """`build(item)` for each item, read from this process's entries or else the cache under `key(item)`
    (one round trip for all those not held locally), built and stored otherwise."""
    items = list(items)
    keys = [key(item) for item in items]
    found = {item_key: value for item_key in keys if (value := local.get(item_key)) is not None}
    wanted = [item_key for item_key in keys if item_key not in found]
    if wanted:
        found.update(cache.get_many(wanted))
    built, missing = [], {}
    for item_key, item in zip(keys, items, strict=True):
        if item_key in found:
            value = found[item_key]
        else:
            value = missing[item_key] = build(item)
        local.put(item_key, value)
        built.append(value)
    if missing:
        cache.set_many(missing, TIMEOUT)
    return built


def memo(key: str, build: Callable[[], Any]) -> Any:
    """`build()`, read from this process's entries or else the cache under `key` when there, built and
    stored otherwise."""
    value = local.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    local.put(key, value)
    return value


# --- Versions -----------------------------------------------------------------------------------------


def version_key(scope: str, community_id: int) -> str:
    return f"fragments:version:{scope}:{community_id}"


def list_version(scope: str, community_id: int) -> str | None:
    """The current version token of one community's `scope` (e.g. "members"), None when versioned
    caching is off. A missing token (never set, expired, evicted) is replaced by a fresh random one, so
    entries made under a lost token are never read again. Read it *before* reading the data the entry is
    built from (see `bump`)."""
    if not settings.FRAGMENT_CACHE_VERSIONED:
        return None
    key = version_key(scope, community_id)
    token = cache.get(key)
    if token is None:
        cache.add(key, secrets.token_hex(8), VERSION_TIMEOUT)
        token = cache.get(key)
    return token


def bump(scope: str, community_ids: Iterable[int]) -> None:
    """Give each community's `scope` a new version token, now and again after the transaction commits.

    Now: a later read in the same transaction (or request) sees the change. After the commit: a reader
    that took the version between the first bump and the commit may have stored the data as it was
    before the commit under the new token; the second bump makes that entry unreachable.
    """
    from django.db import transaction

    if not settings.FRAGMENT_CACHE_VERSIONED:
        return
    ids = sorted(set(community_ids))
    if not ids:
        return

    def replace():
        cache.set_many({version_key(scope, pk): secrets.token_hex(8) for pk in ids}, VERSION_TIMEOUT)

    replace()
    transaction.on_commit(replace)

"""Keeping the search index (content.models.SearchEntry) in step with the content.

Each searchable kind registers how to read one of its objects as a document (`register`, in
ContentConfig.ready()); the services that publish, edit, hide, restore or remove content call
`search_index(obj)` or `search_unindex(obj)` in their transaction. `search_index` asks the kind for the
object's document and stores it, or removes the row when the document is None (a draft, a hidden or
removed object): the kind decides what may be found, in one place.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value

from communities.markdown import render_markdown
from content.models.search import BODY_MAX, TITLE_MAX, SearchEntry
from content.segmentation import document_words

TAG = re.compile(r"<[^>]*>")
# Tags inside a line of text: dropped without a space, so "**me**," stays "me," and not "me ,".
INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|code|del|em|i|kbd|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>", re.IGNORECASE
)


@dataclass(frozen=True)
class SearchDocument:
    """What the index keeps of one object: `body` is Markdown; `space_id` names the members-only space
    whose members alone may find it; `members_only`: the community's members alone."""

    title: str
    body: str
    url: str
    published_at: datetime
    author_name: str = ""
    members_only: bool = False
    space_id: int | None = None


@dataclass(frozen=True)
class SearchableKind:
    kind: str
    document: Callable[[object], SearchDocument | None]


_KINDS: dict[type, SearchableKind] = {}


def register(model: type, *, kind: str, document: Callable[[object], SearchDocument | None]) -> None:
    _KINDS[model] = SearchableKind(kind=kind, document=document)


def registered() -> dict[type, SearchableKind]:
    return dict(_KINDS)


def plain_text(markdown: str) -> str:
    """Markdown as the words a reader sees: rendered (so link targets and markup are not indexed), inline
    tags dropped, the other tags replaced by spaces (so that paragraphs do not run together), entities
    decoded, whitespace folded. The result is text, escaped wherever it is shown."""
    text = INLINE_TAG.sub("", str(render_markdown(markdown)))
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


@transaction.atomic
def search_index(obj) -> SearchEntry | None:
    """Store `obj`'s document in the index, or remove its row when it may not be found now."""
    searchable = _KINDS[type(obj)]
    document = searchable.document(obj)
    if document is None:
        search_unindex(obj)
        return None
    title = document.title[:TITLE_MAX]
    body = plain_text(document.body)[:BODY_MAX]
    title_words, body_words = document_words(title), document_words(body)
    entry, _ = SearchEntry.objects.update_or_create(
        community_id=obj.community_id,
        kind=searchable.kind,
        object_id=obj.pk,
        defaults={
            "title": title,
            "body": body,
            "words": f"{title_words} {body_words}",
            "url": document.url,
            "author_name": document.author_name[:200],
            "members_only": document.members_only,
            "space_id": document.space_id,
            "published_at": document.published_at,
        },
    )
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(community_id=entry.community_id, pk=entry.pk).update(
            vector=SearchVector(Value(title_words), weight="A", config="simple")
            + SearchVector(Value(body_words), weight="B", config="simple")
        )
    return entry


def search_unindex(obj) -> None:
    SearchEntry.objects.filter(
        community_id=obj.community_id, kind=_KINDS[type(obj)].kind, object_id=obj.pk
    ).delete()


def search_unindex_rows(*, community, queryset) -> None:
    """Remove the rows of every object of `queryset` (one kind, one community) in one statement: the
    answers of a removed question, say."""
    SearchEntry.objects.for_community(community).filter(
        kind=_KINDS[queryset.model].kind, object_id__in=queryset.values("pk")
    ).delete()

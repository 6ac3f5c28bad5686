"""Full-text search of a community's content, with what each viewer may find.

PostgreSQL: the stored, GIN-indexed `vector` matched by a tsquery of the query's words (each a prefix
for Latin words, so "photo" finds "photos"), ranked by `ts_rank` (title words weigh more), newest first
among equals. SQLite: every word must appear in `words`; ranked by whether the title holds them (rank 1
or 0), then newest first. Words come from content.segmentation on both sides, so Chinese is found by its
words. One query reads the candidates' ids and ranks, a second the page's rows (`SearchResults`).
"""

import html
import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from communities.models import Community
from content.models.search import SearchEntry
from content.segmentation import HAN, query_words
from content.selectors.discussions import readable_spaces
from content.services.search import registered
from members.selectors.moderation import hidden_ids

SNIPPET_CHARS = 160
MAX_CANDIDATES = 1000  # the newest matches ranked, and the most results a search counts (docs/content.md)
MIN_PREFIX = 3  # shorter Latin words are matched whole: "a:*" would match half the index


def search_results(
    *, community: Community, query: str, membership=None, space_ids=(), kind: str = ""
) -> "SearchResults":
    """The entries of `community` that match `query` and the viewer may find, best first; none for a
    query without words. `membership`: the viewer's (None for a visitor); `space_ids`: the members-only
    spaces whose members they are."""
    words = query_words(query)
    entries = SearchEntry.objects.for_community(community)
    if not words:
        return SearchResults(entries, candidates=None)
    matches = entries
    if membership is None or not membership.is_active:
        matches = matches.filter(members_only=False)
    matches = matches.filter(Q(space_id__isnull=True) | Q(space_id__in=list(space_ids)))
    if kind:
        matches = matches.filter(kind=kind)
    for model, searchable in registered().items():
        # Held by moderation (reports): the hold is the members app's, so it is checked when searching.
        matches = matches.exclude(kind=searchable.kind, object_id__in=hidden_ids(model, community))
    if connection.vendor == "postgresql":
        tsquery = SearchQuery(_tsquery(words), search_type="raw", config="simple")
        matches = matches.filter(vector=tsquery).annotate(rank=SearchRank(F("vector"), tsquery))
    else:
        in_title = Q()
        for word in words:
            matches = matches.filter(words__contains=word)
            in_title &= Q(title__icontains=word)
        matches = matches.annotate(rank=Case(When(in_title, then=Value(1.0)), default=Value(0.0)))
    return SearchResults(entries, candidates=_newest_matches(matches))


def _newest_matches(matches: QuerySet[SearchEntry]) -> QuerySet:
    """The id, rank and date of the `MAX_CANDIDATES` newest of `matches`, to be ranked. Ranking reads
    every candidate's words: a common word in a large community (25,000 matches among 50,000 entries)
    cost a tenth of a second ranked in full. The newest come from the (community, published) index, and
    the count stops there too, so a search costs the same at any size."""
    newest = matches.order_by("-published_at", "-id")
    return newest.values_list("id", "rank", "published_at")[:MAX_CANDIDATES]


class SearchResults:
    """The matches of one search, best first, as a sequence a Paginator pages through.

    The candidates (id, rank and date of each) are read in one query the first time they are needed and
    ranked here; their number is the count (at most MAX_CANDIDATES), and a page loads only its own rows,
    by id. So a search scans its matches once, whatever page is asked."""

    def __init__(self, entries: QuerySet[SearchEntry], candidates: QuerySet | None):
        # The words and the vector are for matching only: a page of results never reads them.
        self.entries = entries.defer("words", "vector")
        self.candidates = candidates

    @cached_property
    def ranked(self) -> list[tuple[int, float]]:
        """(id, rank) of every candidate: the best rank first, the newest first among equals."""
        found = list(self.candidates) if self.candidates is not None else []
        rows = sorted(found, key=lambda row: (row[1], row[2], row[0]), reverse=True)
        return [(pk, rank) for pk, rank, _published in rows]

    def __len__(self) -> int:
        return len(self.ranked)

    def __getitem__(self, index: slice) -> list[SearchEntry]:
        """The entries of a slice of the results (a page), in order, each with its `rank`."""
        picked = self.ranked[index]
        rows = self.entries.in_bulk([pk for pk, _rank in picked])
        page = []
        for pk, rank in picked:
            if pk in rows:  # gone since the candidates were read
                rows[pk].rank = rank
                page.append(rows[pk])
        return page

    def __iter__(self):
        return iter(self[:])


def viewer_space_ids(*, community: Community, membership) -> list[int]:
    """The members-only spaces whose content `membership` may find (none for a visitor)."""
    if membership is None or not membership.is_active:
        return []
    spaces = readable_spaces(community=community, membership=membership).filter(members_only=True)
    return list(spaces.values_list("pk", flat=True))


def _tsquery(words: list[str]) -> str:
    """`word & word:* ...`: every word required, Latin words of MIN_PREFIX letters or more as prefixes.
    Words are `\\w+` (content.segmentation.query_words), so nothing in them is tsquery syntax."""
    return " & ".join(
        f"{word}:*" if len(word) >= MIN_PREFIX and not HAN.search(word) else word for word in words
    )


def snippet(entry: SearchEntry, query: str) -> SafeString:
    """A piece of the entry's text around the first word of `query` found in it, escaped, with every
    word of the query marked (`<mark>`)."""
    words = sorted(query_words(query), key=len, reverse=True)
    text = entry.body
    lowered = text.lower()
    found = [index for index in (lowered.find(word) for word in words) if index >= 0]
    start = max(0, min(found) - SNIPPET_CHARS // 3) if found else 0
    piece = text[start : start + SNIPPET_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    return mark_safe(prefix + highlight(piece, words) + suffix)  # noqa: S308 - escaped by highlight


def marked_title(entry: SearchEntry, query: str) -> SafeString:
    """The entry's title, escaped, with every word of `query` in it marked (`<mark>`)."""
    words = sorted(query_words(query), key=len, reverse=True)
    return mark_safe(highlight(entry.title, words))  # noqa: S308 - escaped by highlight


def highlight(text: str, words: list[str]) -> str:
    """`text` escaped, with each occurrence of one of `words` (any case) in `<mark>`."""
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.I)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)

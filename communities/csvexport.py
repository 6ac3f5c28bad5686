"""The one CSV writer of every export: streamed, ready for Excel, and no cell a spreadsheet would run as a
formula.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)` in a member's name or a moderator's reason). Such text is
prefixed with an apostrophe, which spreadsheets show as text and do not display. Numbers are written as
numbers. Every export builds its response with `csv_response`, so a new export cannot forget it.

Excel reads a CSV file as UTF-8 only when it starts with a byte order mark; without one Chinese text comes
out garbled, so every file starts with it. The header is translated in the requester's language and the
rows are written in that language too (a response streams after the view returns, when the request's
language may no longer be active). Times are ISO 8601 with the offset of the community's time zone
(`csv_time`); structured details are JSON (`csv_json`), never Python reprs.
"""

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.renderers import BaseRenderer, JSONRenderer

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_DESCRIPTION = _(
    "UTF-8 CSV with a byte order mark (Excel opens it with Chinese intact). The header is in the caller's "
    "language, times are ISO 8601 in the community's time zone, details are JSON. Send `Accept: text/csv` "
    "or nothing; errors are JSON."
)
BOM = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"


@dataclass
class CsvExport:
    """One export: its file name, its header (lazy translations welcome) and its rows (lazy welcome)."""

    filename: str
    header: list
    rows: Iterable[Iterable]


def safe_cell(value) -> str | int | float:
    """The value as a cell: None is empty, numbers stay numbers, text never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_time(value: datetime | None, time_zone: str) -> str:
    """A stored (UTC) time as ISO 8601 in the community's time zone, with its offset; empty for None."""
    return value.astimezone(ZoneInfo(time_zone)).isoformat() if value is not None else ""


def csv_json(value) -> str:
    """Structured details as JSON (Chinese kept as it is, keys sorted), which any tool can parse."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, cls=DjangoJSONEncoder)


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value):
        return value


def csv_response(export: CsvExport) -> StreamingHttpResponse:
    """A CSV attachment of the export's header and then its rows, streamed (rows may be a lazy iterator)."""
    writer = csv.writer(_Echo())
    language = translation.get_language()
    header = [safe_cell(str(title)) for title in export.header]

    def lines():
        yield BOM + writer.writerow(header)
        with translation.override(language):
            for row in export.rows:
                yield writer.writerow([safe_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


class CSVRenderer(BaseRenderer):
    """Lets an API client ask for an export with `Accept: text/csv` (or `?format=csv`) without a 406.

    An export action returns its CSV itself; what reaches this renderer is an error body, which stays JSON
    whatever was asked for.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context["response"]["Content-Type"] = JSONRenderer.media_type
        return JSONRenderer().render(data, renderer_context=renderer_context)

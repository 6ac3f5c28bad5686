"""The one CSV writer of every export: streamed, and no cell a spreadsheet would run as a formula.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)` in a member's name or a moderator's reason). Such text is
prefixed with an apostrophe, which spreadsheets show as text and do not display. Numbers are written as
numbers. Every export builds its response with `csv_response`, so a new export cannot forget it.
"""

import csv
from collections.abc import Iterable

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int | float:
    """The value as a cell: None is empty, numbers stay numbers, text never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value):
        return value


def csv_response(*, filename: str, header: Iterable, rows: Iterable[Iterable]) -> StreamingHttpResponse:
    """A CSV attachment of `header` and then `rows`, streamed (rows may be a lazy iterator)."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow([safe_cell(title) for title in header])
        for row in rows:
            yield writer.writerow([safe_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

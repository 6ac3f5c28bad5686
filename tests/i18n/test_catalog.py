"""The committed Simplified Chinese catalogue is complete, consistent and compiled."""

import gettext
import re

import pytest
from django.conf import settings

from tests.i18n.pofile import messages, parse

PO = settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# Words that read the same in both languages: the brand and a language named in its own script.
SAME_IN_BOTH = {"Guildhall", "English"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
# Inline markup that templates put in messages; "<address>" in a help text is escaped text, not a tag.
TAG = re.compile(r"</?(?:a|abbr|b|br|code|em|i|kbd|small|span|strong)\b[^>]*>")


def label(entry):
    return f"line {entry.line}: {entry.msgid!r}"


@pytest.fixture(scope="module")
def entries():
    return messages(PO)


def test_header_declares_chinese_with_one_plural_form():
    (header,) = [entry for entry in parse(PO) if entry.is_header]
    assert "fuzzy" not in header.flags
    assert "Language: zh_Hans\n" in header.msgstr["msgstr"]
    assert "Plural-Forms: nplurals=1; plural=0;\n" in header.msgstr["msgstr"]


def test_catalogue_is_not_empty(entries):
    assert len(entries) > 100


def test_every_entry_is_translated_and_not_fuzzy(entries):
    fuzzy = [label(e) for e in entries if "fuzzy" in e.flags]
    empty = [label(e) for e in entries if not e.msgstr or not all(e.msgstr.values())]
    assert not fuzzy, "fuzzy entries (review them, then drop the flag):\n" + "\n".join(fuzzy)
    assert not empty, "untranslated entries:\n" + "\n".join(empty)


def test_plural_entries_have_exactly_the_one_chinese_form(entries):
    wrong = [
        label(e)
        for e in entries
        if (e.msgid_plural is not None and set(e.msgstr) != {"msgstr[0]"})
        or (e.msgid_plural is None and set(e.msgstr) != {"msgstr"})
    ]
    assert not wrong


def test_no_entry_is_left_in_english(entries):
    copied = [label(e) for e in entries if e.msgid not in SAME_IN_BOTH and e.msgid in e.msgstr.values()]
    assert not copied


def test_translations_keep_placeholders_and_html(entries):
    broken = []
    for entry in entries:
        source = entry.msgid + (entry.msgid_plural or "")
        for text in entry.msgstr.values():
            if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
                broken.append(f"{label(entry)} placeholders {text!r}")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(entry.msgid)):
                broken.append(f"{label(entry)} markup {text!r}")
    assert not broken, "\n".join(broken)


def test_compiled_catalogue_matches_the_po_file(entries):
    """The .mo is committed so that a machine without gettext serves Chinese; it must not lag behind."""
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [label(e) for e in entries if _compiled_text(compiled, e) != next(iter(e.msgstr.values()))]
    assert not stale, "run `make messages` to recompile the .mo:\n" + "\n".join(stale)


def _compiled_text(compiled: gettext.GNUTranslations, entry) -> str:
    if entry.msgid_plural is None:
        if entry.msgctxt is None:
            return compiled.gettext(entry.msgid)
        return compiled.pgettext(entry.msgctxt, entry.msgid)
    if entry.msgctxt is None:
        return compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
    return compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)

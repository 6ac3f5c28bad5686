"""A small reader of gettext .po files, enough for the checks in this package (no polib dependency)."""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$')
_CONTINUATION = re.compile(r'^".*"$')


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[str, str] = field(default_factory=dict)  # "msgstr" or "msgstr[0]", ... -> text
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None


def _unquote(token: str) -> str:
    # A .po string is a C string literal: the same escapes (\n, \t, \", \\) as a Python literal.
    return ast.literal_eval(token)


def parse(path: Path) -> list[Entry]:
    """Entries of `path` in file order, header included; obsolete (#~) entries are flagged."""
    entries: list[Entry] = []
    current: Entry | None = None
    last_key = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            current, last_key = None, None
            continue
        if line.startswith("#"):
            if current is not None and last_key is not None:
                current, last_key = None, None
            if current is None:
                current = Entry(line=number)
                entries.append(current)
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, token = match.groups()
            if current is None or (
                keyword in ("msgctxt", "msgid") and last_key and last_key.startswith("msgstr")
            ):
                current = Entry(line=number)
                entries.append(current)
            current.obsolete = current.obsolete or obsolete
            last_key = keyword
            _append(current, keyword, _unquote(token))
        elif _CONTINUATION.match(line) and current is not None and last_key is not None:
            _append(current, last_key, _unquote(line))
        else:
            raise ValueError(f"{path}:{number}: cannot parse {raw!r}")
    return entries


def _append(entry: Entry, keyword: str, text: str) -> None:
    if keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        entry.msgstr[keyword] = entry.msgstr.get(keyword, "") + text


def messages(path: Path) -> list[Entry]:
    """The translatable entries of `path`: no header, no obsolete entries."""
    return [entry for entry in parse(path) if not entry.is_header and not entry.obsolete]

"""The committed catalogue holds exactly the strings that the code marks for translation.

How: Django's own `makemessages` (the command `make messages` runs, so both extract the same way) is run
for zh_Hans into a fresh temporary tree, and its msgids are compared with the committed .po.

makemessages writes next to the sources it scans: the catalogue into the `locale/` of the current
directory (or the LOCALE_PATHS entry whose parent holds the sources), and, for each template, a
temporary `<name>.html.py` beside it. So it cannot run on the project itself without racing other runs
(xdist workers, an engineer's `make messages`). The test copies the files makemessages reads (.py,
.html, .txt, minus `locale/` and what `make messages` ignores) into a temporary directory, points
LOCALE_PATHS at an empty `locale/` there, and runs makemessages inside it; the project is never
written to. It needs xgettext (GNU gettext), like makemessages itself.
"""

import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.i18n.pofile import messages

COMMITTED = settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
# Keep in step with the `messages` target of the Makefile.
IGNORED = {"locale", "staticfiles", "media", "tests", "bench"}
EXTENSIONS = {".py", ".html", ".txt"}  # what makemessages reads for the "django" domain

pytestmark = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="makemessages needs GNU gettext (xgettext)"
)


def keys(entries):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in entries}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The entries makemessages extracts from the code today, in a throwaway locale directory."""
    tree = tmp_path_factory.mktemp("extract")
    for top in settings.BASE_DIR.iterdir():
        if top.name in IGNORED or top.name.startswith("."):
            continue
        for source in [top] if top.is_file() else top.rglob("*"):
            if source.suffix in EXTENSIONS and source.is_file() and "__pycache__" not in source.parts:
                target = tree / source.relative_to(settings.BASE_DIR)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    locale = tree / "locale"
    locale.mkdir()
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[str(locale)]):
        patch.chdir(tree)
        call_command("makemessages", locale=["zh_Hans"], no_obsolete=True, verbosity=0)
    return messages(locale / "zh_Hans" / "LC_MESSAGES" / "django.po")


def test_extraction_finds_the_marked_strings(extracted):
    assert "Community directory" in {e.msgid for e in extracted}


def test_every_marked_string_is_in_the_committed_catalogue(extracted):
    missing = sorted(keys(extracted) - keys(messages(COMMITTED)), key=str)
    assert not missing, "run `make messages`, then translate the new entries:\n" + "\n".join(
        map(repr, missing)
    )


def test_committed_catalogue_has_no_strings_the_code_dropped(extracted):
    stale = sorted(keys(messages(COMMITTED)) - keys(extracted), key=str)
    assert not stale, "run `make messages` to drop entries the code no longer uses:\n" + "\n".join(
        map(repr, stale)
    )


def test_make_messages_ignores_the_same_folders():
    """`make messages` and this test must extract from the same files, or they disagree on what is stale."""
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    recipe = makefile.split("\nmessages:", 1)[1].split("\n\n", 1)[0]
    assert {f"--ignore={name}" for name in IGNORED - {"locale"}} <= set(recipe.split())

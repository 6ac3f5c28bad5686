"""The committed catalogue holds exactly the strings that the code marks for translation.

How: Django's own `makemessages` (the command `make messages` runs, so both extract the same way) is run
for zh_Hans into a fresh temporary tree, and its msgids are compared with the committed .po.

makemessages writes next to the sources it scans (the `locale/` of the current directory, or the
LOCALE_PATHS entry whose parent holds them), so it cannot be pointed at another folder while it runs
in the project. The test therefore builds a temporary directory of symlinks to the project's top-level
entries (minus `locale/` and what `make messages` ignores), points LOCALE_PATHS at an empty `locale/`
there, and runs makemessages inside it with `--symlinks`. The project's own locale/ is never touched,
so the test is safe next to other runs. It needs xgettext (GNU gettext), like makemessages itself.
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

pytestmark = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="makemessages needs GNU gettext (xgettext)"
)


def keys(entries):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in entries}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The entries makemessages extracts from the code today, in a throwaway locale directory."""
    tree = tmp_path_factory.mktemp("extract")
    for entry in settings.BASE_DIR.iterdir():
        if entry.name not in IGNORED and not entry.name.startswith("."):
            (tree / entry.name).symlink_to(entry)
    locale = tree / "locale"
    locale.mkdir()
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[str(locale)]):
        patch.chdir(tree)
        call_command("makemessages", locale=["zh_Hans"], symlinks=True, no_obsolete=True, verbosity=0)
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

"""The kinds of notification and how each one reads, rendered in the reader's language.

A notification stores what happened (a kind and its parameters), never a sentence: a sentence built
while the actor's (or a worker's) language is active reaches the reader in the wrong language. Each app
registers its kinds from its `AppConfig.ready()`:

    register("trust.promoted", title=_("You reached trust level %(level)s in %(community)s"))

The title (and the optional body) is a lazy gettext template with named `%(param)s` placeholders. At
read time (the inbox, the API, an email) it is translated into the active language and filled with the
stored parameters; `community` is always the community's current name. A parameter that names a choice
(a role, a kind of sanction) is stored as its value and shown through `labels`, so it is translated too.
A body that names a parameter the notice was not given is left out (the "Rule:" line of a sanction that
names no rule). Text a person wrote (an operator's message, a moderator's reason) is stored apart, in the
notification's `note`, and shown as written; `default_note` is the platform's text shown in its place
when a notice has none (the welcome notice before the operators write a welcome message).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class NoticeKind:
    title: Promise
    body: Promise | None = None
    default_note: Promise | None = None
    labels: Mapping[str, Callable[[object], str]] = field(default_factory=dict)


KINDS: dict[str, NoticeKind] = {}


class UnknownNoticeKind(KeyError):
    """A service named a kind nobody registered: a programming error, caught by the tests."""


def register(
    kind: str,
    *,
    title: Promise,
    body: Promise | None = None,
    default_note: Promise | None = None,
    labels: Mapping[str, Callable[[object], str]] | None = None,
) -> None:
    KINDS[kind] = NoticeKind(title=title, body=body, default_note=default_note, labels=labels or {})


def kind_get(kind: str) -> NoticeKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownNoticeKind(kind) from None


def _fill(template: Promise, params: dict, *, missing: str | None = None) -> str:
    """The template in the active language filled with `params`; `missing` (or the bare template) when a
    placeholder has no parameter: a body left out, or a row stored before the template named it."""
    text = str(template)
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        return text if missing is None else missing


def render(*, kind: str, params: dict, community_name: str) -> tuple[str, str, str]:
    """(title, body, default note) of a notice in the active language; an unregistered kind renders empty."""
    notice = KINDS.get(kind)
    if notice is None:
        return "", "", ""
    values = {**params, "community": community_name}
    for name, label in notice.labels.items():
        if name in values:
            values[name] = label(values[name])
    title = _fill(notice.title, values)
    body = _fill(notice.body, values, missing="") if notice.body is not None else ""
    return title, body, str(notice.default_note or "")

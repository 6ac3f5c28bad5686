"""The kinds of notification content sends, rendered in the reader's language (see `communities.notices`).

Registered from `ContentConfig.ready()`; each sub-domain adds its kinds in its own function.
"""

from django.utils.translation import gettext_lazy as _

from communities.notices import register


def register_question_kinds() -> None:
    register("qa.answered", title=_("%(name)s answered your question “%(question)s” in %(community)s"))
    register("qa.accepted", title=_("Your answer to “%(question)s” was accepted in %(community)s"))

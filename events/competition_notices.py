"""The kinds of notification competitions send, rendered in the reader's language (communities.notices).

Registered from `EventsConfig.ready()`. Group "competition" (communities.inbox.NOTIFICATION_GROUPS).
"""

from django.utils.translation import gettext_lazy as _

from communities.notices import register


def register_competition_kinds() -> None:
    """To a member appointed judge (and again when judging reopens), to the members of a winning entry
    when the results are out, and to the members of an entry that is withdrawn or disqualified."""
    register(
        "competition.judge",
        title=_("You are a judge of “%(event)s” in %(community)s"),
        body=_("Score each entry on every criterion before the operators close judging."),
    )
    register(
        "competition.won",
        title=_("Your entry “%(entry)s” took place %(place)s in “%(event)s”"),
        body=_(
            "The results of the competition in %(community)s are published; your award is on your profile."
        ),
    )
    register(
        "competition.judging_reopened",
        title=_("Judging of “%(event)s” in %(community)s is open again"),
        body=_("You may revise your scores until the operators close judging."),
    )
    register(
        "competition.entry_disqualified",
        title=_("Your entry “%(entry)s” in “%(event)s” was disqualified"),
        body=_("The operators of %(community)s withdrew it from the competition. Their reason:"),
    )
    register(
        "competition.entry_withdrawn",
        title=_("Your team's entry “%(entry)s” in “%(event)s” was withdrawn"),
        body=_("%(member)s, a member of your team, withdrew it from the competition in %(community)s."),
    )

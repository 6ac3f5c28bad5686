"""The kinds of notification the people side sends, and how each reads (see `communities.notices`).

Registered from `MembersConfig.ready()`. Titles name their parameters; `community` is filled in at read
time with the community's current name.
"""

from django.utils.translation import gettext_lazy as _

from communities.notices import register
from communities.roles import Role


def _role_label(value) -> str:
    return str(Role(value).label) if value in Role.values else str(value)


def register_kinds() -> None:
    register("vetting.submitted", title=_("New application to %(community)s from %(applicant)s"))
    register("application.approved", title=_("Welcome to %(community)s: your application is approved"))
    register("application.rejected", title=_("Your application to %(community)s was not accepted"))
    register(
        "welcome",
        title=_("Welcome to %(community)s, %(name)s!"),
        default_note=_(
            "Open your welcome page: the newcomer guide, your first steps and the introductions are there."
        ),
    )
    register("referral.joined", title=_("%(name)s joined %(community)s through your link"))
    register(
        "trust.promoted",
        title=_("You reached trust level %(level)s in %(community)s"),
        body=_("Thank you for taking part: members gain trust, and fewer limits, as they take part."),
    )
    rule_line = _("Rule: %(rule)s")
    for kind, title in (
        ("warned", _("You received a warning in %(community)s")),
        ("muted", _("You are muted in %(community)s")),
        ("unmuted", _("Your mute in %(community)s was lifted")),
        ("banned", _("You are banned from %(community)s")),
        ("unbanned", _("Your ban from %(community)s was lifted")),
        ("content_removed", _("A moderator removed your content in %(community)s")),
    ):
        register(f"moderation.{kind}", title=title, body=rule_line)
    register(
        "moderation.role_changed",
        title=_("Your role in %(community)s is now %(role)s"),
        labels={"role": _role_label},
    )
    register("moderation.ownership", title=_("You are now an owner of %(community)s"))
    register("moderation.removed", title=_("You were removed from %(community)s"))

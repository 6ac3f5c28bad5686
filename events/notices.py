"""The kinds of notification events send, rendered in the reader's language (see `communities.notices`).

Registered from `EventsConfig.ready()`. Group "event" (communities.inbox.NOTIFICATION_GROUPS).
"""

from django.utils.translation import gettext_lazy as _

from communities.notices import register


def register_event_kinds() -> None:
    """To a registrant: a place freed up, an approval or a refusal, a cancelled event."""
    register(
        "event.promoted",
        title=_("A place freed up: you are now registered for “%(event)s” in %(community)s"),
        body=_(
            "You were first on the waitlist. If you cannot come any more, cancel your registration "
            "to give the place to the next member."
        ),
    )
    register("event.approved", title=_("Your registration for “%(event)s” in %(community)s is confirmed"))
    register(
        "event.approved_waitlisted",
        title=_("Your registration for “%(event)s” in %(community)s was approved: you are on the waitlist"),
        body=_("The event is full. You will be registered, and told, as soon as a place frees up."),
    )
    register("event.declined", title=_("Your registration for “%(event)s” in %(community)s was declined"))
    register("event.cancelled", title=_("“%(event)s” in %(community)s is cancelled"))

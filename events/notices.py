"""The kinds of notification events send, rendered in the reader's language (see `communities.notices`).

Registered from `EventsConfig.ready()`; each sub-domain adds its kinds in its own function. Every kind's
group is "event" (communities.inbox.NOTIFICATION_GROUPS): members choose inbox and email for it.
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


def register_attendance_kinds() -> None:
    """To confirmed registrants before the start, and to attendees after the end."""
    register(
        "event.reminder",
        title=_("“%(event)s” in %(community)s starts soon"),
        body=_("Your ticket, with its QR code for check-in, is on the event's ticket page."),
    )
    register(
        "event.feedback",
        title=_("How was “%(event)s”? Tell the organisers of %(community)s"),
        body=_("A rating and a few words help them plan the next one."),
    )

"""Helpers of the events tests: an event made through the service, with sensible times."""

from datetime import timedelta

from django.utils import timezone

from events.services import events as event_services


def times(days: float = 3, hours: float = 2) -> dict:
    starts = timezone.now() + timedelta(days=days)
    return {"starts_at": starts, "ends_at": starts + timedelta(hours=hours)}


def make_event(community, owner, **fields):
    """A published event three days ahead (override anything)."""
    values = {"title": "Film night", **times(), **fields}
    return event_services.event_create(actor=owner, community=community, **values)


def event_ids(community, owner, member_user) -> dict:
    """A public event with a question the member answered, and a weekly series: the URL ids of each."""
    from events.services import questions as event_question_services
    from events.services import registrations as registration_services
    from events.services.series import event_series_create

    event = make_event(community, owner, visibility="public", capacity=20)
    question = event_question_services.registration_question_create(
        actor=owner, community=community, event=event, label="Why?"
    )
    registration = registration_services.registration_create(
        actor=member_user, community=community, event=event, answers={str(question.pk): "To learn"}
    )
    series = event_series_create(
        actor=owner, community=community, title="Study", rrule="FREQ=WEEKLY;COUNT=2", **times(days=5)
    )
    return {
        "event_id": event.pk,
        "event_series_id": series.pk,
        "registration_id": registration.pk,
        "registration_question_id": question.pk,
    }

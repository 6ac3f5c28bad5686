"""Feedback after an event: an attendee (a member checked in at it) rates it 1-5 and comments, once, and
may edit what they gave while feedback is open (from the end of the event, for 30 days)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from events.errors import attendance as errors
from events.models import Event, EventFeedback, EventStatus, Registration
from events.models.attendance import COMMENTS_MAX, RATING_MAX, RATING_MIN

FEEDBACK_OPEN_FOR = timedelta(days=30)


def feedback_open_at(event: Event, now) -> bool:
    return event.status == EventStatus.PUBLISHED and event.ends_at <= now <= event.ends_at + FEEDBACK_OPEN_FOR


def _clean(rating, comments: str) -> tuple[int, str]:
    fields = {}
    if not isinstance(rating, int) or isinstance(rating, bool) or not RATING_MIN <= rating <= RATING_MAX:
        fields["rating"] = [gettext("Choose a rating from 1 to 5.")]
    comments = (comments or "").strip()
    if len(comments) > COMMENTS_MAX:
        fields["comments"] = [gettext("Keep the comments under 5,000 characters.")]
    if fields:
        raise errors.FeedbackInvalid(fields=fields)
    return rating, comments


@transaction.atomic
def feedback_give(
    *, actor, community: Community, event: Event, rating: int, comments: str = "", now=None
) -> EventFeedback:
    """Give (or edit) the actor's feedback on `event`; returns it.

    Refused: before the end or 30 days after it (feedback_not_open), by a member who was not checked in
    (feedback_attendees_only). The member's registration row is locked, so two submissions at once make
    one row, the second an edit."""
    membership = ensure_can(actor, "participate", community)
    now = now or timezone.now()
    if not feedback_open_at(event, now):
        raise errors.FeedbackNotOpen()
    registration = (
        Registration.objects.select_for_update()
        .filter(community=community, event=event, membership=membership, checked_in_at__isnull=False)
        .first()
    )
    if registration is None:
        raise errors.FeedbackAttendeesOnly()
    rating, comments = _clean(rating, comments)
    feedback = (
        EventFeedback.objects.for_community(community).filter(event=event, membership=membership).first()
    )
    if feedback is not None:
        feedback.rating, feedback.comments = rating, comments
        feedback.save(update_fields=["rating", "comments", "updated_at"])
        return feedback
    feedback = EventFeedback.objects.create(
        community=community, event=event, membership=membership, rating=rating, comments=comments
    )
    record(
        community=community,
        actor=actor,
        verb="event.feedback_given",
        target=feedback,
        data={"event": event.pk, "rating": rating},
        occurred_at=now,
    )
    return feedback

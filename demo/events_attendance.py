# ruff: noqa: RUF001 -- Chinese text takes full-width punctuation (docs/i18n.md)
"""Demo attendance: at each demo community's past meetup (demo/events.py), the owner checked most
registrants in at the door (one stayed home: a no-show), and attendees gave feedback in their
community's language. Through the services, at the times it would have happened.

Idempotent: a meetup that already has attendance is left alone.
"""

from datetime import timedelta

from communities.models import Community
from communities.roles import Role
from demo.events import EVENTS
from events.models import Event, Registration, RegistrationStatus
from events.services.attendance import attendance_check_in
from events.services.feedback import feedback_give
from members.models import Membership

ATTENDANCE = {
    "python-beginners": {
        "no_show": "linus",
        "feedback": {
            "member": (
                5,
                "The quiz was the right level for beginners, and the bonus round taught me list "
                "comprehensions. More of these, please!",
            ),
            "grace": (
                4,
                "Great evening. The room got a bit loud during the pizza: a second room for "
                "laptops would help.",
            ),
        },
    },
    "street-photography": {
        "no_show": "liu.yang",
        "feedback": {
            "member": (5, "夜景路线选得很好，老师现场讲解测光特别有用。"),
            "wang.lei": (4, "人有点多，建议下次分两组走，拍人像时更从容。"),
        },
    },
}


def seed_events_attendance() -> int:
    """Check-ins and feedback at the demo meetups; the number of meetups given them."""
    seeded = 0
    for slug, spec in ATTENDANCE.items():
        community = Community.objects.filter(slug=slug).first()
        if community is None:
            continue
        meetup = Event.objects.for_community(community).filter(title=EVENTS[slug]["meetup"]["title"]).first()
        owner = (
            Membership.objects.for_community(community)
            .filter(role=Role.OWNER, status="active")
            .select_related("user")
            .first()
        )
        if meetup is None or owner is None or meetup.attended_count:
            continue
        registrations = (
            Registration.objects.for_community(community)
            .filter(event=meetup, status=RegistrationStatus.CONFIRMED)
            .select_related("membership__user")
            .order_by("pk")
        )
        at_the_door = meetup.starts_at - timedelta(minutes=10)
        for minute, registration in enumerate(registrations):
            if registration.membership.user.username == spec["no_show"]:
                continue
            attendance_check_in(
                actor=owner.user,
                community=community,
                event=meetup,
                registration_id=registration.pk,
                now=at_the_door + timedelta(minutes=2 * minute),
            )
        for username, (rating, comments) in spec["feedback"].items():
            member = Membership.objects.for_community(community).filter(user__username=username).first()
            if member is not None:
                feedback_give(
                    actor=member.user,
                    community=community,
                    event=meetup,
                    rating=rating,
                    comments=comments,
                    now=meetup.ends_at + timedelta(hours=20),
                )
        seeded += 1
    return seeded

"""Reminders before the start and invitations to give feedback after the end: once per member even when
the task runs twice, in the member's language, as their preferences say."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from communities.models import Notification, NotificationPreference
from communities.roles import MembershipStatus
from events.models import EventNotice, NoticeKind, RegistrationStatus
from events.services import notices as services
from events.tasks.attendance import invite_events_feedback, remind_events
from tests import factories
from tests.events.attendance_helpers import make_event, past_event, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit_now(monkeypatch, settings):
    """Tasks run in the test (also where REDIS_URL would send them to a worker), emails at once."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())


def test_beat_entries_are_scheduled():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "events.tasks.attendance.remind_events",
        "events.tasks.attendance.invite_events_feedback",
    } <= tasks


def test_reminders_go_once_to_confirmed_registrants_in_their_language(community, on_commit_now):
    event = make_event(community, starts_in=timedelta(hours=3), title="Night walk")
    later = make_event(community, starts_in=timedelta(days=3))
    chinese = register(
        event, factories.member(community=community, user=factories.UserFactory(language="zh-hans"))
    )
    english = register(
        event, factories.member(community=community, user=factories.UserFactory(language="en"))
    )
    quiet = register(event)
    NotificationPreference.objects.create(
        community=community, user=quiet.membership.user, kind="event", in_app=False, email=False
    )
    waitlisted = register(event, status=RegistrationStatus.WAITLISTED)
    departed = register(event, factories.member(community=community, status=MembershipStatus.LEFT))
    register(later)

    assert remind_events() == 1
    assert remind_events() == 1  # still due until it starts...
    assert services.event_remind(community=community, event_id=event.pk) == 0  # ...but nobody hears twice

    notices = Notification.objects.filter(kind="event.reminder")
    assert sorted(notices.values_list("recipient_id", flat=True)) == sorted(
        [chinese.membership.user_id, english.membership.user_id]
    )
    assert EventNotice.objects.filter(event=event, kind=NoticeKind.REMINDER).count() == 3  # quiet included
    assert not EventNotice.objects.filter(
        membership__in=[waitlisted.membership, departed.membership]
    ).exists()
    assert not EventNotice.objects.filter(event=later).exists()
    chinese_mail = [m for m in mail.outbox if chinese.membership.user.email in m.to]
    english_mail = [m for m in mail.outbox if english.membership.user.email in m.to]
    assert len(chinese_mail) == 1 and "即将开始" in chinese_mail[0].subject
    assert len(english_mail) == 1 and "starts soon" in english_mail[0].subject
    assert "Night walk" in english_mail[0].subject


def test_a_late_registrant_is_reminded_on_the_next_run(community):
    event = make_event(community, starts_in=timedelta(hours=3))
    register(event)
    assert services.event_remind(community=community, event_id=event.pk) == 1
    late = register(event)
    assert services.event_remind(community=community, event_id=event.pk) == 1
    assert services.event_remind(community=community, event_id=event.pk) == 0
    assert Notification.objects.filter(kind="event.reminder", recipient=late.membership.user).count() == 1


def test_no_reminder_for_started_or_draft_events(community):
    started = make_event(community, starts_in=-timedelta(minutes=5))
    draft = make_event(community, starts_in=timedelta(hours=2), status="draft")
    for event in (started, draft):
        register(event)
        assert services.event_remind(community=community, event_id=event.pk) == 0
    assert services.events_due_for_reminders() == []
    assert not Notification.objects.exists()


def test_feedback_invitations_go_once_to_attendees(community, on_commit_now):
    event = past_event(community, title="Potluck")
    came = register(event, checked_in_at=event.starts_at)
    stayed_home = register(event)
    recent_but_empty = past_event(community)
    register(recent_but_empty)

    assert services.events_due_for_feedback() == [(community.pk, event.pk)]
    assert invite_events_feedback() == 1
    assert invite_events_feedback() == 1
    notices = Notification.objects.filter(kind="event.feedback")
    assert list(notices.values_list("recipient_id", flat=True)) == [came.membership.user_id]
    assert notices.get().url.endswith(f"/events/{event.pk}/feedback/")
    assert not Notification.objects.filter(recipient=stayed_home.membership.user).exists()
    assert EventNotice.objects.filter(kind=NoticeKind.FEEDBACK).count() == 1


def test_feedback_is_not_invited_before_the_end_nor_long_after(community):
    running = make_event(community, starts_in=-timedelta(hours=1), hours=3)
    register(running, checked_in_at=timezone.now())
    assert services.event_invite_feedback(community=community, event_id=running.pk) == 0
    old = make_event(community, starts_in=-timedelta(days=40))
    register(old, checked_in_at=old.starts_at)
    assert services.event_invite_feedback(community=community, event_id=old.pk) == 0
    assert services.events_due_for_feedback() == []


def test_notices_render_in_the_readers_language(community):
    event = make_event(community, starts_in=timedelta(hours=3), title="Night walk")
    register(event, factories.member(community=community, user=factories.UserFactory(language="zh-hans")))
    services.event_remind(community=community, event_id=event.pk)
    notice = Notification.objects.get()
    assert notice.params["event"] == "Night walk"  # a kind and its parameters, never a sentence
    from django.utils import translation

    with translation.override("zh-hans"):
        assert "即将开始" in notice.title
    with translation.override("en"):
        assert notice.title.startswith("“Night walk”")

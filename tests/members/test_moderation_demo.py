"""The demo's moderation story: reported, warned, muted, banned, each step audited; idempotent."""

import pytest
from django.core.management import call_command

from members.models import AuditLogEntry, Membership, ModerationAction, Report

pytestmark = pytest.mark.django_db


def test_demo_moderation_story_is_audited_and_idempotent():
    call_command("seed_demo")
    subject = Membership.objects.get(community__slug="python-beginners", user__username="wang.lei")
    assert subject.status == "banned"
    actions = AuditLogEntry.objects.filter(community__slug="python-beginners", subject=subject)
    assert list(actions.order_by("created_at", "id").values_list("action", flat=True)) == [
        "member.warned",
        "member.muted",
        "member.banned",
    ]
    assert Report.objects.filter(community__slug="street-photography", status="open").count() == 1
    counts = (Report.objects.count(), ModerationAction.objects.count(), AuditLogEntry.objects.count())
    call_command("seed_demo")
    assert (Report.objects.count(), ModerationAction.objects.count(), AuditLogEntry.objects.count()) == counts

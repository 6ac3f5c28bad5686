"""The demo's private conversations: the demo member's inbox in both languages, an unread message waiting;
idempotent."""

import pytest
from django.core.management import call_command

from content.models import Conversation, ConversationParticipant, Message

pytestmark = pytest.mark.django_db


def test_demo_conversations():
    call_command("seed_demo")
    for slug in ("python-beginners", "street-photography"):
        inbox = ConversationParticipant.objects.filter(
            community__slug=slug, membership__user__username="member", left_at__isnull=True
        ).select_related("conversation")
        assert inbox.exists()
        assert any(row.unread_count for row in inbox), "the member has something unread"
    assert Conversation.objects.filter(
        community__slug="street-photography", subject__contains="街头"
    ).exists()
    assert Conversation.objects.filter(participants__membership__user__username="expert").exists()
    counts = (Conversation.objects.count(), Message.objects.count())
    call_command("seed_demo")
    assert (Conversation.objects.count(), Message.objects.count()) == counts

"""The demo's discussions: spaces in both languages, a members-only study group, a prompt of the week
with nested replies, a quote and reactions; idempotent."""

import pytest
from django.core.management import call_command

from content.models import Reply, Space, Topic

pytestmark = pytest.mark.django_db


def test_demo_discussions():
    call_command("seed_demo")
    for slug, prompt in (("python-beginners", "FizzBuzz"), ("street-photography", "雨天的城市")):
        spaces = Space.objects.filter(community__slug=slug)
        assert spaces.count() == 3 and spaces.filter(members_only=True, joining="invitation").count() == 1
        topic = Topic.objects.get(community__slug=slug, is_prompt=True)
        assert prompt in topic.title and topic.reply_count == 4 and topic.react_thumbs_up >= 1
        replies = Reply.objects.filter(topic=topic)
        assert replies.filter(parent__isnull=False).count() == 2
        assert replies.exclude(quote="").filter(body__contains="@").count() == 1
    counts = (Space.objects.count(), Topic.objects.count(), Reply.objects.count())
    call_command("seed_demo")
    assert (Space.objects.count(), Topic.objects.count(), Reply.objects.count()) == counts

"""Journey: a member opens a space, reads the topic of the week, answers linus's reply mentioning grace
with the autocomplete, edits that reply and opens the report form on linus's; a moderator locks the
topic; the member sees it locked; the mentioned member finds the notice in the inbox."""

import pytest

from accounts.models import User
from communities.models import Notification
from content.models import Reply, Topic

COMMUNITY = "/c/python-beginners/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_discuss_the_topic_of_the_week(journey, language):
    User.objects.filter(username__in=["member", "moderator", "grace"]).update(language=language)
    topic = Topic.objects.get(community__slug="python-beginners", is_prompt=True)
    first = Reply.objects.get(topic=topic, parent__isnull=True, author__user__username="linus")
    mentions = Notification.objects.filter(recipient__username="grace", kind="mention.discussion")
    told_before = mentions.count()
    trip = journey("discussions")

    member = trip.person("member")
    member.visit(COMMUNITY, "the community's home, with the topic of the week in the feed")
    member.click_link(f"{COMMUNITY}spaces/")
    member.check("the spaces and the recently active topics")
    member.click_link(f"{COMMUNITY}spaces/{topic.space.slug}/")
    member.check("the space, the prompt of the week first")
    member.click_link(f"{COMMUNITY}topics/{topic.pk}/")
    member.check("the topic of the week with nested replies, a quote and reactions")
    member.click_link(f"?reply_to={first.pk}#reply-form")
    member.check("the reply form, answering a reply")
    field = member.page.locator("textarea[name=body]")
    field.click()
    field.type("Nice one @gra")
    member.page.wait_for_selector(".mention-list button")
    member.page.locator(".mention-list button").first.click()
    field.type("thanks for the idea.")
    assert "@grace " in member.page.input_value("textarea[name=body]")
    member.submit("body")
    member.check("my reply, nested under the one I answered")
    reply = Reply.objects.get(topic=topic, body__startswith="Nice one @grace")
    assert reply.parent_id == first.pk
    assert mentions.count() == told_before + 1
    edit_url = f"{COMMUNITY}topics/{topic.pk}/replies/{reply.pk}/edit/"
    member.click_link(edit_url)
    member.check("the edit form of my reply")
    member.page.fill("textarea[name=body]", f"{reply.body} (edited)")
    member.submit("body")
    member.check("my reply, edited")
    reply.refresh_from_db()
    assert reply.edited_at is not None and reply.body.endswith("(edited)")
    member.click_link(f"{COMMUNITY}report/?target_type=content.reply&target_id={first.pk}")
    member.check("the report form, on linus's reply")

    moderator = trip.person("moderator")
    moderator.visit(f"{COMMUNITY}topics/{topic.pk}/", "the moderator on the topic")
    moderator.click_link(f"{COMMUNITY}topics/{topic.pk}/moderate/")
    moderator.check("the moderation page of the topic")
    with moderator.page.expect_navigation():
        moderator.page.locator("button[name=action][value=lock]").click()
    moderator.check("the topic locked")
    topic.refresh_from_db()
    assert topic.locked_at is not None

    member.visit(f"{COMMUNITY}topics/{topic.pk}/", "the member sees the topic locked, no reply form")
    assert not member.page.locator("textarea[name=body]").count()
    grace = trip.person("grace")
    grace.visit("/me/notifications/", "the mentioned member's inbox")
    trip.assert_clean()

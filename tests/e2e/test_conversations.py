"""Journey: the demo member opens their messages from the community bar, opens the moderator's welcome
conversation (the page marks it read with a small POST), replies, and finds the conversation read in the
inbox; then sets who may message them."""

import pytest

from accounts.models import User
from content.models import Conversation, ConversationParticipant

COMMUNITY = "/c/python-beginners/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_read_and_reply_to_a_conversation(journey, language):
    User.objects.filter(username="member").update(language=language)
    conversation = Conversation.objects.get(
        community__slug="python-beginners", subject__startswith="Welcome, and a tip"
    )
    place = ConversationParticipant.objects.get(
        conversation=conversation, membership__user__username="member"
    )
    assert place.unread_count == 1
    trip = journey("conversations")
    member = trip.person("member")
    member.visit(COMMUNITY, "the community's home")
    member.click_link(f"{COMMUNITY}messages/")
    member.check("the inbox, with an unread conversation")
    assert member.page.locator(".badge-unread").count() >= 1
    with member.page.expect_response(lambda response: response.url.endswith("/read/")):
        member.click_link(f"{COMMUNITY}messages/{conversation.pk}/")
    member.check("the conversation, oldest message first")
    place.refresh_from_db()
    assert place.unread_count == 0, "opening the page marked it read (a POST, not the GET)"
    member.page.fill("textarea[name=body]", "Thank you! I will ask about **dictionaries** next.")
    member.submit("body")
    member.check("my reply at the end of the conversation")
    conversation.refresh_from_db()
    assert conversation.message_count == 4
    assert member.page.locator(".message-mine strong").last.is_visible()
    member.visit(f"{COMMUNITY}messages/settings/", "who may message me")
    member.page.locator("input[name=accept_from][value=contacts]").check()
    member.submit("accept_from")
    member.check("the setting saved")
    trip.assert_clean()

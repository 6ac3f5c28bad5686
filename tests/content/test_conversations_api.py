"""Private conversations through the API: starting, listing with the unread filter and ordering, messages,
read and leave, the preference and the community's rule, refusals with their codes, query counts, XSS
and privacy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities.roles import Role
from content.models import AcceptFrom, Conversation, Message
from content.services import conversations as services
from tests import factories
from tests.api.helpers import assert_error
from tests.content.xss import XSS, assert_inert

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture
def alice(community):
    return factories.member(community=community, trust_level=1)


@pytest.fixture
def bob(community):
    return factories.member(community=community, trust_level=1)


def start(sender, recipients, body="Hello", **kwargs):
    return services.conversation_start(
        actor=sender.user,
        community=sender.community,
        recipient_ids=[recipient.pk for recipient in recipients],
        body=body,
        **kwargs,
    )


def test_start_list_reply_read_leave(api_client_for, community, alice, bob):
    created = api_client_for(alice.user).post(
        api("conversation-list", community),
        {"recipients": [bob.pk], "subject": "Film", "body": "Try *Portra*"},
        format="json",
    )
    assert created.status_code == 201, created.content
    conversation = created.json()
    assert conversation["subject"] == "Film" and conversation["message_count"] == 1
    assert conversation["unread_count"] == 0
    assert {p["membership_id"] for p in conversation["participants"]} == {alice.pk, bob.pk}
    listed = api_client_for(bob.user).get(api("conversation-list", community), {"unread": "true"}).json()
    assert [row["id"] for row in listed["results"]] == [conversation["id"]]
    assert listed["results"][0]["unread_count"] == 1
    messages_url = api("conversation-messages", community, conversation["id"])
    messages = api_client_for(bob.user).get(messages_url).json()["results"]
    assert messages[0]["body_html"] == "<p>Try <em>Portra</em></p>\n" and not messages[0]["removed"]
    assert messages[0]["sender"] == {"membership_id": alice.pk, "name": alice.user.name, "role": "member"}
    reply = api_client_for(bob.user).post(messages_url, {"body": "Thanks"}, format="json")
    assert reply.status_code == 201 and reply.json()["body"] == "Thanks"
    read = api_client_for(alice.user).post(api("conversation-read", community, conversation["id"]))
    assert read.status_code == 200 and read.json()["unread_count"] == 0
    empty = api_client_for(alice.user).get(api("conversation-list", community), {"unread": "true"}).json()
    assert empty["count"] == 0
    left = api_client_for(bob.user).post(api("conversation-leave", community, conversation["id"]))
    assert left.status_code == 204
    assert api_client_for(bob.user).get(api("conversation-list", community)).json()["count"] == 0
    assert_error(
        api_client_for(bob.user).get(api("conversation-detail", community, conversation["id"])),
        404,
        "conversation_not_found",
    )
    assert_error(
        api_client_for(alice.user).post(messages_url, {"body": "x"}, format="json"), 409, "conversation_ended"
    )


def test_ordering_of_the_list(api_client_for, community, alice, bob):
    first = start(alice, [bob], subject="first")
    second = start(alice, [factories.member(community=community)], subject="second")
    services.message_send(actor=bob.user, community=community, conversation=first, body="bump")
    client = api_client_for(alice.user)
    newest = client.get(api("conversation-list", community)).json()["results"]
    assert [row["subject"] for row in newest] == ["first", "second"]
    oldest = client.get(api("conversation-list", community), {"ordering": "last_message_at"}).json()[
        "results"
    ]
    assert [row["subject"] for row in oldest] == ["second", "first"]
    assert second.pk != first.pk


def test_refusals_answer_with_their_codes_and_write_nothing(api_client_for, community, alice, bob):
    services.messaging_preference_set(actor=bob.user, community=community, accept_from=AcceptFrom.NOBODY)
    newcomer = factories.member(community=community, trust_level=0)
    carol = factories.member(community=community, trust_level=1)
    url = api("conversation-list", community)
    cases = [
        (alice, {"recipients": [bob.pk], "body": "Hi"}, "recipient_refuses_messages"),
        (newcomer, {"recipients": [carol.pk], "body": "Hi"}, "trust_level_too_low"),
        (alice, {"recipients": [factories.member().pk], "body": "Hi"}, "recipient_not_found"),
        (alice, {"recipients": [alice.pk], "body": "Hi"}, "message_to_self"),
        (alice, {"recipients": [carol.pk], "body": "   "}, "blank"),
        (alice, {"recipients": [carol.pk], "body": "x" * 5001}, "max_length"),
        (alice, {"recipients": [], "body": "Hi"}, "min_length"),
        (alice, {"recipients": [carol.pk], "body": "Hi", "sender": 1}, "unknown_field"),
        (alice, {"recipients": ["x"], "body": "Hi"}, "invalid"),
    ]
    for sender, body, code in cases:
        response = api_client_for(sender.user).post(url, body, format="json")
        error = assert_error(response, 400, code)
        assert error["fields"], code
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_the_rate_limit_is_a_429(api_client_for, community, alice, bob, monkeypatch):
    monkeypatch.setattr(services, "RATE_LIMIT", 1)
    conversation = start(alice, [bob])
    response = api_client_for(alice.user).post(
        api("conversation-messages", community, conversation.pk), {"body": "again"}, format="json"
    )
    assert_error(response, 429, "message_rate_limited")


def test_only_participants_see_a_conversation(api_client_for, community, alice, bob):
    conversation = start(alice, [bob], subject="private matter")
    for role in (Role.OWNER, Role.MODERATOR, Role.MEMBER):
        client = api_client_for(factories.member(community=community, role=role).user)
        for name in ("conversation-detail", "conversation-messages"):
            assert_error(client.get(api(name, community, conversation.pk)), 404, "conversation_not_found")
        for name in ("conversation-read", "conversation-leave", "conversation-messages"):
            response = client.post(api(name, community, conversation.pk), {"body": "x"}, format="json")
            assert_error(response, 404, "conversation_not_found")
        assert client.get(api("conversation-list", community)).json()["count"] == 0
    elsewhere = factories.CommunityFactory()
    stranger = factories.member(community=elsewhere).user
    response = api_client_for(stranger).get(api("conversation-detail", elsewhere, conversation.pk))
    assert response.status_code == 404
    assert Message.objects.count() == 1


def test_list_costs_the_same_for_two_or_twelve_conversations(api_client_for, community, alice):
    client = api_client_for(alice.user)

    def cost(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for _ in range(2):
        start(alice, [factories.member(community=community), factories.member(community=community)])
    few = cost(api("conversation-list", community))
    for _ in range(10):
        start(factories.member(community=community, role=Role.MODERATOR), [alice])
    assert cost(api("conversation-list", community)) == few
    conversation = Conversation.objects.order_by("pk").first()
    few = cost(api("conversation-messages", community, conversation.pk))
    for index in range(12):
        services.message_send(
            actor=alice.user, community=community, conversation=conversation, body=f"m{index}"
        )
    assert cost(api("conversation-messages", community, conversation.pk)) == few


def test_xss_is_inert_in_body_html(api_client_for, community, alice, bob):
    conversation = start(alice, [bob], body=XSS[0])
    for body in XSS[1:]:
        services.message_send(actor=alice.user, community=community, conversation=conversation, body=body)
    rows = (
        api_client_for(bob.user)
        .get(api("conversation-messages", community, conversation.pk))
        .json()["results"]
    )
    assert len(rows) == len(XSS)
    for row in rows:
        assert_inert(row["body_html"])


def test_preference_and_rule(api_client_for, community, alice):
    client = api_client_for(alice.user)
    preference = api("messaging-preference", community)
    assert client.get(preference).json() == {"accept_from": "everyone"}
    assert client.put(preference, {"accept_from": "contacts"}, format="json").json() == {
        "accept_from": "contacts"
    }
    assert client.get(preference).json() == {"accept_from": "contacts"}
    assert_error(client.put(preference, {"accept_from": "all"}, format="json"), 400, "invalid_choice")
    rule = api("messaging-settings", community)
    assert client.get(rule).json() == {"min_trust_level": 1}
    assert client.put(rule, {"min_trust_level": 0}, format="json").status_code == 403
    owner = api_client_for(factories.member(community=community, role=Role.OWNER).user)
    assert owner.put(rule, {"min_trust_level": 2}, format="json").json() == {"min_trust_level": 2}
    assert_error(owner.put(rule, {"min_trust_level": 4}, format="json"), 400, "max_value")
    assert client.get(rule).json() == {"min_trust_level": 2}

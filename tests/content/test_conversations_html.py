"""Private conversation pages: the inbox with unread badges (a constant number of queries), starting a
conversation from a member's profile, reading (no write on GET, a POST marks it read), replying,
refusals on the form, leaving, the settings, removed messages, XSS, and privacy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities import services as community_services
from communities.roles import Role
from content.models import AcceptFrom, Conversation, ConversationParticipant, Message, MessagingSettings
from content.services import conversations as services
from members.services.moderation import content_remove
from members.services.reporting import report_create
from tests import factories
from tests.content.pages import client_for, url
from tests.content.xss import XSS, assert_inert

pytestmark = pytest.mark.django_db


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


def test_from_a_profile_to_a_conversation_and_a_reply(community, alice, bob):
    profile = client_for(alice.user).get(reverse("members:profile", args=[community.slug, bob.pk]))
    start_url = f"{url('conversation-start', community)}?to={bob.pk}"
    assert start_url in profile.content.decode()
    form = client_for(alice.user).get(start_url).content.decode()
    assert f'value="{bob.user.username}"' in form
    response = client_for(alice.user).post(
        url("conversation-start", community),
        {"recipients": f"@{bob.user.username}", "subject": "Lenses", "body": "Which *prime*?"},
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "conversation-detail", community, conversation.pk
    )
    inbox = client_for(bob.user).get(url("conversations", community)).content.decode()
    assert "Lenses" in inbox and "1 unread" in inbox
    page = client_for(bob.user).get(url("conversation-detail", community, conversation.pk)).content.decode()
    assert "<em>prime</em>" in page and url("conversation-read", community, conversation.pk) in page
    replied = client_for(bob.user).post(
        url("conversation-detail", community, conversation.pk), {"body": "The 35"}
    )
    assert replied.status_code == 302
    assert conversation.messages.count() == 2
    assert ConversationParticipant.objects.get(membership=bob).unread_count == 0, "replying reads it"


def test_opening_reads_only_and_the_page_marks_itself_read_with_a_post(community, alice, bob):
    conversation = start(alice, [bob])
    detail = url("conversation-detail", community, conversation.pk)
    reader = client_for(bob.user)
    with CaptureQueriesContext(connection) as captured:
        assert reader.get(detail).status_code == 200
    writes = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert all("analytics_activityevent" in sql or "django_session" in sql for sql in writes), writes
    assert ConversationParticipant.objects.get(membership=bob).unread_count == 1
    read = client_for(bob.user).post(
        url("conversation-read", community, conversation.pk), HTTP_HX_REQUEST="true"
    )
    assert read.status_code == 200 and read.content == b""
    assert ConversationParticipant.objects.get(membership=bob).unread_count == 0
    again = client_for(bob.user).post(url("conversation-read", community, conversation.pk))
    assert again.status_code == 302 and again["Location"] == detail
    page = client_for(bob.user).get(detail).content.decode()
    assert url("conversation-read", community, conversation.pk) not in page, "nothing left to mark"


def test_refusals_show_on_the_form_and_write_nothing(community, alice, bob):
    newcomer = factories.member(community=community, trust_level=0)
    services.messaging_preference_set(actor=bob.user, community=community, accept_from=AcceptFrom.NOBODY)
    cases = [
        (alice, bob.user.username, "Hi", "does not accept messages"),
        (newcomer, alice.user.username, "Hi", "trust level"),
        (alice, "nobody-here", "Hi", "nobody-here"),
        (alice, alice.user.username, "Hi", "yourself"),
        (alice, factories.member().user.username, "Hi", "No active member"),
        (alice, bob.user.username, "", "This field is required"),
        (alice, bob.user.username, "x" * 5001, "at most 5000"),
    ]
    for sender, to, body, text in cases:
        response = client_for(sender.user).post(
            url("conversation-start", community), {"recipients": to, "body": body}
        )
        assert response.status_code == 200 and text in response.content.decode(), (to, body)
    profile = (
        client_for(alice.user).get(reverse("members:profile", args=[community.slug, bob.pk])).content.decode()
    )
    assert url("conversation-start", community) not in profile, "no Message button for who refuses"
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_the_inbox_costs_the_same_for_two_or_twelve_conversations(community, alice):
    def cost():
        client = client_for(alice.user)
        client.get(url("conversations", community))  # the day's visit and caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("conversations", community)).status_code == 200
        return len(captured)

    for _ in range(2):
        start(alice, [factories.member(community=community), factories.member(community=community)])
    few = cost()
    for _ in range(10):
        start(factories.member(community=community, role=Role.MODERATOR), [alice])
    assert cost() == few


def test_messages_page_costs_the_same_for_few_or_many_messages(community, alice, bob):
    conversation = start(alice, [bob])
    detail = url("conversation-detail", community, conversation.pk)

    def cost():
        client = client_for(bob.user)
        client.get(detail)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(detail).status_code == 200
        return len(captured)

    few = cost()
    for index in range(12):
        services.message_send(
            actor=alice.user, community=community, conversation=conversation, body=f"m{index}"
        )
    assert cost() == few


def test_xss_in_messages_is_inert(community, alice, bob):
    conversation = start(alice, [bob], body=XSS[0])
    for body in XSS[1:]:
        services.message_send(actor=alice.user, community=community, conversation=conversation, body=body)
    page = client_for(bob.user).get(url("conversation-detail", community, conversation.pk)).content.decode()
    assert_inert(page)


def test_only_participants_open_it_operators_included(community, alice, bob):
    conversation = start(alice, [bob], subject="private matter")
    for role in (Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER):
        outsider = factories.member(community=community, role=role).user
        for name in ("conversation-detail",):
            assert client_for(outsider).get(url(name, community, conversation.pk)).status_code == 404
        for name in ("conversation-read", "conversation-leave", "conversation-detail"):
            assert (
                client_for(outsider).post(url(name, community, conversation.pk), {"body": "x"}).status_code
                == 404
            )
        assert (
            "private matter" not in client_for(outsider).get(url("conversations", community)).content.decode()
        )
    assert client_for().get(url("conversations", community)).status_code == 302
    assert Message.objects.count() == 1


def test_leaving_takes_it_out_of_the_inbox(community, alice, bob):
    conversation = start(alice, [bob], subject="Lenses")
    response = client_for(bob.user).post(url("conversation-leave", community, conversation.pk))
    assert response.status_code == 302 and response["Location"] == url("conversations", community)
    assert "Lenses" not in client_for(bob.user).get(url("conversations", community)).content.decode()
    page = client_for(alice.user).get(url("conversation-detail", community, conversation.pk)).content.decode()
    assert "(has left)" in page


def test_a_removed_message_shows_as_removed(community, alice, bob):
    owner = factories.member(community=community, role=Role.OWNER)
    rule = community_services.rule_create(
        actor=owner.user, community=community, category="conduct", title="Kind"
    )
    conversation = start(alice, [bob], body="rude words")
    message = conversation.messages.get()
    report = report_create(
        actor=bob.user,
        community=community,
        target_type="content.message",
        target_id=message.pk,
        rule_id=rule.pk,
        reason="Rude",
    )
    queue = client_for(owner.user).get(reverse("members:moderation", args=[community.slug])).content.decode()
    assert "rude words" in queue, "the moderators read a reported message in the queue"
    content_remove(actor=owner.user, community=community, report=report, reason="Rude")
    page = client_for(bob.user).get(url("conversation-detail", community, conversation.pk)).content.decode()
    assert "rude words" not in page and "removed by a moderator" in page


def test_settings_member_preference_and_operator_rule(community, alice):
    settings_url = url("messaging-settings", community)
    page = client_for(alice.user).get(settings_url).content.decode()
    assert "accept_from" in page and "min_trust_level" not in page
    assert client_for(alice.user).post(settings_url, {"accept_from": "contacts"}).status_code == 302
    assert client_for(alice.user).post(settings_url, {"accept_from": "whoever"}).status_code == 200
    rule_url = url("messaging-rule", community)
    assert client_for(alice.user).post(rule_url, {"min_trust_level": 0}).status_code == 403
    owner = factories.member(community=community, role=Role.OWNER).user
    assert "min_trust_level" in client_for(owner).get(settings_url).content.decode()
    assert client_for(owner).post(rule_url, {"min_trust_level": 2}).status_code == 302
    assert client_for(owner).post(rule_url, {"min_trust_level": 9}).status_code == 200
    assert MessagingSettings.objects.get(community=community).min_trust_level == 2
    assert client_for(owner).get(rule_url).status_code == 302

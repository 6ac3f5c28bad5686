"""Private conversations through the services: who may message whom (trust level, each member's setting,
the staff), replies and read state, coalesced notices, leaving, the rate limit, reports and removal, and
bad input that writes nothing."""

import pytest
from django.utils import translation

from analytics.models import ActivityEvent
from communities import services as community_services
from communities.errors import Forbidden
from communities.inbox import GROUP_KEYS, preference_set
from communities.models import Notification
from communities.roles import Role
from content.errors import conversations as errors
from content.models import AcceptFrom, Conversation, ConversationParticipant, Message
from content.selectors import conversations as selectors
from content.services import conversations as services
from members.errors import MemberMuted, ReportTargetInvalid
from members.services.moderation import content_remove, member_mute
from members.services.reporting import report_create
from tests import factories

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


def place(membership, conversation):
    return ConversationParticipant.objects.get(conversation=conversation, membership=membership)


def notices(membership):
    return Notification.objects.filter(recipient=membership.user, kind="message.received")


def test_start_reply_and_read_keep_the_counts(community, alice, bob):
    conversation = start(alice, [bob], body="Hi **Bob**", subject="  Film   swap ")
    assert conversation.subject == "Film swap" and conversation.message_count == 1
    assert place(alice, conversation).unread_count == 0
    assert place(bob, conversation).unread_count == 1
    services.message_send(actor=bob.user, community=community, conversation=conversation, body="Hi!")
    services.message_send(actor=bob.user, community=community, conversation=conversation, body="Still there?")
    conversation.refresh_from_db()
    assert conversation.message_count == 3
    assert place(alice, conversation).unread_count == 2 and place(bob, conversation).unread_count == 0
    services.conversation_mark_read(actor=alice.user, community=community, conversation=conversation)
    assert place(alice, conversation).unread_count == 0
    verbs = list(ActivityEvent.objects.filter(community=community).values_list("verb", flat=True))
    assert verbs.count("message.sent") == 3 and verbs.count("conversation.started") == 1


def test_notices_are_coalesced_per_conversation_and_never_carry_the_text(community, alice, bob):
    conversation = start(alice, [bob], body="secret plans")
    services.message_send(actor=alice.user, community=community, conversation=conversation, body="more")
    services.message_send(actor=alice.user, community=community, conversation=conversation, body="more")
    notice = notices(bob).get()
    assert notice.read_at is None and notice.params == {"name": alice.user.name, "count": 3}
    assert notice.url == services.conversation_url(conversation)
    assert "secret" not in f"{notice.title} {notice.body} {notice.note}"
    assert not notices(alice).exists()
    services.conversation_mark_read(actor=bob.user, community=community, conversation=conversation)
    assert notices(bob).get().read_at is not None
    services.message_send(actor=alice.user, community=community, conversation=conversation, body="again")
    assert notices(bob).count() == 2 and notices(bob).filter(read_at__isnull=True).count() == 1
    other = start(alice, [bob])
    assert notices(bob).filter(read_at__isnull=True).count() == 2, "one per conversation"
    assert other.pk != conversation.pk


def test_the_notice_reads_in_the_recipient_s_language(community, alice, bob):
    start(alice, [bob])
    notice = notices(bob).get()
    with translation.override("zh-hans"):
        title = notice.title
    assert alice.user.name in title and "私信" in title


def test_the_message_notice_group_follows_the_recipient_s_preference(community, alice, bob):
    preference_set(actor=bob.user, community=community, kind="message", in_app=False, email=False)
    start(alice, [bob])
    assert not notices(bob).exists()
    assert "message" in GROUP_KEYS


def test_a_group_conversation_notifies_everyone_else(community, alice, bob):
    carol = factories.member(community=community)
    conversation = start(alice, [bob, carol])
    assert conversation.participants.count() == 3
    assert notices(bob).count() == 1 and notices(carol).count() == 1
    services.message_send(actor=carol.user, community=community, conversation=conversation, body="Hi both")
    assert notices(alice).count() == 1 and notices(bob).get().params["count"] == 2


def test_below_the_trust_level_members_may_write_only_to_the_staff(community, bob):
    newcomer = factories.member(community=community, trust_level=0)
    with pytest.raises(errors.TrustLevelTooLow) as refused:
        start(newcomer, [bob])
    assert refused.value.fields["recipients"]
    moderator = factories.member(community=community, role=Role.MODERATOR, trust_level=0)
    assert start(newcomer, [moderator]).pk
    with pytest.raises(errors.TrustLevelTooLow):
        start(newcomer, [moderator, bob])
    assert start(moderator, [newcomer]).pk, "the staff write whatever their own level"
    owner = factories.member(community=community, role=Role.OWNER)
    services.messaging_settings_update(actor=owner.user, community=community, min_trust_level=0)
    assert start(newcomer, [bob]).pk
    with pytest.raises(Forbidden):
        services.messaging_settings_update(actor=bob.user, community=community, min_trust_level=3)


def test_each_member_chooses_who_may_write_to_them(community, alice, bob):
    services.messaging_preference_set(actor=bob.user, community=community, accept_from=AcceptFrom.CONTACTS)
    with pytest.raises(errors.RecipientRefusesMessages) as refused:
        start(alice, [bob])
    assert bob.user.name in str(refused.value.message)
    moderator = factories.member(community=community, role=Role.MODERATOR)
    start(moderator, [bob])
    start(bob, [alice])  # bob writes first: now they talk with each other
    assert start(alice, [bob]).pk
    services.messaging_preference_set(actor=bob.user, community=community, accept_from=AcceptFrom.NOBODY)
    for sender in (alice, moderator, factories.member(community=community, role=Role.OWNER)):
        with pytest.raises(errors.RecipientRefusesMessages):
            start(sender, [bob])
    # A conversation already under way goes on: leaving it is how to stop it.
    conversation = Conversation.objects.filter(started_by=bob).get()
    assert services.message_send(actor=alice.user, community=community, conversation=conversation, body="ok")


def test_bad_recipients_and_bodies_are_refused_and_write_nothing(community, alice, bob):
    elsewhere = factories.member()
    banned = factories.member(community=community, status="banned")
    left = factories.member(community=community, status="left")
    cases = [
        ([alice], "Hi", errors.MessageToSelf),
        ([elsewhere], "Hi", errors.RecipientNotFound),
        ([banned], "Hi", errors.RecipientNotFound),
        ([left], "Hi", errors.RecipientNotFound),
        ([], "Hi", errors.RecipientNotFound),
        ([bob], "   ", errors.MessageInvalid),
        ([bob], "x" * 5001, errors.MessageInvalid),
        ([factories.member(community=community) for _ in range(10)], "Hi", errors.TooManyParticipants),
    ]
    for recipients, body, error in cases:
        with pytest.raises(error):
            start(alice, recipients, body=body)
    with pytest.raises(errors.MessageInvalid):
        start(alice, [bob], subject="s" * 121)
    with pytest.raises(errors.RecipientNotFound):
        services.conversation_start(actor=alice.user, community=community, recipient_ids=["x"], body="Hi")
    assert not Conversation.objects.exists() and not Message.objects.exists()
    assert not Notification.objects.filter(kind="message.received").exists()
    assert not ActivityEvent.objects.filter(verb__in=["message.sent", "conversation.started"]).exists()


def test_muted_and_banned_members_cannot_send(community, alice, bob):
    conversation = start(alice, [bob])
    owner = factories.member(community=community, role=Role.OWNER)
    member_mute(actor=owner.user, community=community, membership=bob, days=1, reason="Spam")
    with pytest.raises(MemberMuted):
        services.message_send(actor=bob.user, community=community, conversation=conversation, body="x")
    bob.status = "banned"
    bob.save(update_fields=["status"])
    with pytest.raises(Forbidden):
        services.message_send(actor=bob.user, community=community, conversation=conversation, body="x")
    assert Message.objects.count() == 1


def test_the_rate_limit_stops_a_flood(community, alice, bob, monkeypatch):
    monkeypatch.setattr(services, "RATE_LIMIT", 3)
    conversation = start(alice, [bob])
    for _ in range(2):
        services.message_send(actor=alice.user, community=community, conversation=conversation, body="x")
    with pytest.raises(errors.MessageRateLimited) as refused:
        services.message_send(actor=alice.user, community=community, conversation=conversation, body="x")
    assert refused.value.status == 429
    with pytest.raises(errors.MessageRateLimited):
        start(alice, [factories.member(community=community)])
    assert Message.objects.count() == 3
    services.message_send(actor=bob.user, community=community, conversation=conversation, body="mine count")


def test_only_participants_reach_a_conversation(community, alice, bob):
    conversation = start(alice, [bob])
    for outsider in (
        factories.member(community=community, role=Role.OWNER),
        factories.member(community=community, role=Role.MODERATOR),
        factories.member(community=community),
    ):
        with pytest.raises(errors.ConversationNotFound):
            selectors.participant_get(
                community=community, membership=outsider, conversation_id=conversation.pk
            )
        with pytest.raises(errors.ConversationNotFound):
            services.message_send(
                actor=outsider.user, community=community, conversation=conversation, body="x"
            )
        assert not selectors.inbox_list(community=community, membership=outsider).exists()
    other_community = factories.CommunityFactory()
    with pytest.raises(errors.ConversationNotFound):
        selectors.participant_get(
            community=other_community, membership=alice, conversation_id=conversation.pk
        )


def test_leaving_ends_it_for_the_leaver_and_then_for_the_last_one(community, alice, bob):
    conversation = start(alice, [bob])
    services.conversation_leave(actor=bob.user, community=community, conversation=conversation)
    assert not selectors.inbox_list(community=community, membership=bob).exists()
    with pytest.raises(errors.ConversationNotFound):
        selectors.participant_get(community=community, membership=bob, conversation_id=conversation.pk)
    with pytest.raises(errors.ConversationNotFound):
        services.conversation_leave(actor=bob.user, community=community, conversation=conversation)
    with pytest.raises(errors.ConversationEnded):
        services.message_send(actor=alice.user, community=community, conversation=conversation, body="x")
    assert selectors.inbox_list(community=community, membership=alice).count() == 1


def test_messages_are_reported_by_participants_only_and_removed_in_place(community, alice, bob):
    owner = factories.member(community=community, role=Role.OWNER)
    rule = community_services.rule_create(
        actor=owner.user, community=community, category="conduct", title="Kind"
    )
    conversation = start(alice, [bob], body="rude words")
    message = conversation.messages.get()
    for stranger in (owner, factories.member(community=community)):
        with pytest.raises(ReportTargetInvalid):
            report_create(
                actor=stranger.user,
                community=community,
                target_type="content.message",
                target_id=message.pk,
                rule_id=rule.pk,
                reason="x",
            )
    report = report_create(
        actor=bob.user,
        community=community,
        target_type="content.message",
        target_id=message.pk,
        rule_id=rule.pk,
        reason="Rude",
    )
    assert report.subject_id == alice.pk
    content_remove(actor=owner.user, community=community, report=report, reason="Rude")
    message.refresh_from_db()
    assert message.removed_at is not None
    rows = list(selectors.message_list(community=community, conversation=conversation))
    assert rows == [message], "a removed message keeps its place"
    assert selectors.held_message_ids(community=community, messages=rows) == {message.pk}

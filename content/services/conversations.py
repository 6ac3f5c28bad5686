"""Writes of private conversations: starting one, sending, reading, leaving, the settings, and removal by
moderators (decision 0024).

Who may start a conversation with whom is decided here, in this order: the sender may publish
(`ensure_may_post`: active, not muted, within their trust level's link limits), the recipients are
other active members of the community (at most MAX_PARTICIPANTS people in all), the sender's trust
level reaches the community's minimum (unless they hold `message_without_limits` or write only to
holders of it), and every recipient's "who may message me" lets them in. Replies inside a conversation
need only that the sender takes part in it and may publish.

Counts the inbox shows are columns changed here only: the conversation row is locked while a message
is added (its `message_count` and `last_message_at`), and the sender's membership row while their
messages in the rate window are counted, so concurrent sends neither lose a count nor pass the limit.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community, Notification
from communities.notifications import notify
from communities.permissions import ensure_can, ensure_writable
from communities.races import sequential_on_race
from communities.roles import MembershipStatus
from communities.validators import ID_MAX
from communities.versioning import inbox_changed
from content.errors import conversations as errors
from content.models import (
    AcceptFrom,
    Conversation,
    ConversationParticipant,
    Message,
    MessagingPreference,
    MessagingSettings,
)
from content.models.conversations import BODY_MAX, MAX_PARTICIPANTS, SUBJECT_MAX
from content.selectors.conversations import reach_refusal
from members.errors import NotAMember
from members.models import Membership
from members.services.publishing import ensure_may_post

RATE_LIMIT = 30  # messages per member...
RATE_WINDOW = timedelta(minutes=10)  # ...in this window
NOTICE_KIND = "message.received"


def conversation_url(conversation: Conversation, community: Community | None = None) -> str:
    community = community or conversation.community
    return reverse(
        "content:conversation-detail", kwargs={"slug": community.slug, "conversation_id": conversation.pk}
    )


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise errors.MessageInvalid(fields={"body": [str(errors.MessageInvalid.message)]})
    if len(body) > BODY_MAX:
        message = gettext("A message has at most %(n)s characters.") % {"n": BODY_MAX}
        raise errors.MessageInvalid(message, fields={"body": [message]})
    return body


def _may_send(actor, community: Community, body: str) -> tuple[Membership, str]:
    """The sender's membership, locked, within the rate limit, and the cleaned body."""
    membership = ensure_may_post(actor=actor, community=community, text=body)
    body = _clean_body(body)
    Membership.objects.select_for_update().filter(community=community, pk=membership.pk).get()
    recent = (
        Message.objects.for_community(community)
        .filter(sender=membership, created_at__gte=timezone.now() - RATE_WINDOW)
        .count()
    )
    if recent >= RATE_LIMIT:
        raise errors.MessageRateLimited()
    return membership, body


def _recipients(community: Community, membership: Membership, recipient_ids) -> list[Membership]:
    """The other active members named by `recipient_ids` (duplicates dropped, order kept)."""
    field = "recipients"
    not_found = errors.RecipientNotFound(fields={field: [str(errors.RecipientNotFound.message)]})
    try:
        ids = list(dict.fromkeys(int(pk) for pk in recipient_ids or []))
    except (TypeError, ValueError) as exc:
        raise not_found from exc
    if any(not 1 <= pk <= ID_MAX for pk in ids):
        raise not_found
    if not ids:
        raise errors.RecipientNotFound(fields={field: [gettext("Choose who to write to.")]})
    if membership.pk in ids:
        raise errors.MessageToSelf(fields={field: [str(errors.MessageToSelf.message)]})
    if len(ids) + 1 > MAX_PARTICIPANTS:
        message = str(errors.TooManyParticipants.message) % {"n": MAX_PARTICIPANTS}
        raise errors.TooManyParticipants(message, fields={field: [message]})
    found = {
        member.pk: member
        for member in Membership.objects.for_community(community)
        .filter(pk__in=ids, status=MembershipStatus.ACTIVE)
        .select_related("user")
    }
    if len(found) != len(ids):
        raise not_found
    return [found[pk] for pk in ids]


@transaction.atomic
def conversation_start(
    *, actor, community: Community, recipient_ids, body: str, subject: str = ""
) -> Conversation:
    """Start a conversation with other members of the community, with its first message."""
    membership, body = _may_send(actor, community, body)
    subject = " ".join((subject or "").split())
    if len(subject) > SUBJECT_MAX:
        message = gettext("A subject has at most %(n)s characters.") % {"n": SUBJECT_MAX}
        raise errors.MessageInvalid(message, fields={"subject": [message]})
    recipients = _recipients(community, membership, recipient_ids)
    refusal = reach_refusal(community=community, membership=membership, recipients=recipients)
    if refusal is not None:
        raise refusal
    conversation = Conversation.objects.create(community=community, subject=subject, started_by=membership)
    ConversationParticipant.objects.bulk_create(
        [
            ConversationParticipant(community=community, conversation=conversation, membership=member)
            for member in [membership, *recipients]
        ]
    )
    record(community=community, actor=actor, verb="conversation.started", target=conversation)
    _add_message(community, conversation, membership, body, actor)
    return conversation


@transaction.atomic
def message_send(*, actor, community: Community, conversation: Conversation, body: str) -> Message:
    """Reply in a conversation the actor takes part in (and has not left); the others hear of it."""
    membership, body = _may_send(actor, community, body)
    _own_place(community, conversation, membership)
    conversation = (
        Conversation.objects.select_for_update().filter(community=community, pk=conversation.pk).get()
    )
    others = _others(community, conversation, membership)
    if not others:
        raise errors.ConversationEnded()
    return _add_message(community, conversation, membership, body, actor, others=others)


def _own_place(community: Community, conversation: Conversation, membership: Membership | None):
    """The member's participant row in the conversation, locked; ConversationNotFound when they are not in
    it (or left it)."""
    if membership is None:
        raise NotAMember()
    participant = (
        ConversationParticipant.objects.select_for_update()
        .filter(
            community=community, conversation_id=conversation.pk, membership=membership, left_at__isnull=True
        )
        .first()
    )
    if participant is None:
        raise errors.ConversationNotFound()
    return participant


def _others(community: Community, conversation: Conversation, membership: Membership) -> list:
    """The other participants still in the conversation and still active members, with their accounts."""
    return list(
        ConversationParticipant.objects.for_community(community)
        .filter(conversation=conversation, left_at__isnull=True, membership__status=MembershipStatus.ACTIVE)
        .exclude(membership=membership)
        .select_related("membership__user")
    )


def _add_message(community, conversation, membership, body, actor, *, others=None) -> Message:
    """Write the message, count it on the (locked or new) conversation, mark it read for its sender, record
    it and tell the others."""
    message = Message(community=community, conversation=conversation, sender=membership, body=body)
    message.full_clean(exclude=["conversation", "sender"])
    message.save()
    conversation.message_count += 1
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["message_count", "last_message_at", "updated_at"])
    ConversationParticipant.objects.filter(
        community=community, conversation=conversation, membership=membership
    ).update(read_count=conversation.message_count, last_read_at=message.created_at)
    record(
        community=community,
        actor=actor,
        verb="message.sent",
        target=message,
        data={"conversation_id": conversation.pk},
    )
    for participant in others if others is not None else _others(community, conversation, membership):
        _notify(community, conversation, participant, actor)
    return message


def _notify(community: Community, conversation: Conversation, participant, actor) -> None:
    """One notice per conversation and recipient until they read the conversation: a later message
    updates the one waiting (who wrote last, how many wait) instead of adding another, so there is at most
    one unread notice, and one email for those who take notices by email only (their notice is stored
    read). The conversation's lock keeps two sends from both adding one. It never carries the text."""
    url = conversation_url(conversation, community)
    last_read = participant.last_read_at
    since_read = Q() if last_read is None else Q(read_at__isnull=True) | Q(created_at__gt=last_read)
    waiting = (
        Notification.objects.filter(
            community=community, recipient_id=participant.membership.user_id, kind=NOTICE_KIND, url=url
        )
        .filter(since_read)
        .order_by("-created_at")
        .first()
    )
    if waiting is not None:
        waiting.params = {"name": actor.name, "count": int(waiting.params.get("count", 1)) + 1}
        waiting.save(update_fields=["params", "updated_at"])
        return
    notify(
        community=community,
        recipient=participant.membership.user,
        kind=NOTICE_KIND,
        params={"name": actor.name, "count": 1},
        url=url,
    )


@transaction.atomic
def conversation_mark_read(
    *, actor, community: Community, conversation: Conversation
) -> ConversationParticipant:
    """Everything in the conversation is read by the actor; their notices of it are marked read too.

    Reading and leaving need no more than `view` (a member whose rules acceptance is pending still may),
    but they are writes: an archived community refuses them."""
    membership = ensure_can(actor, "view", community)
    ensure_writable(community)
    participant = _own_place(community, conversation, membership)
    conversation = Conversation.objects.for_community(community).get(pk=conversation.pk)
    now = timezone.now()
    participant.read_count = conversation.message_count
    participant.last_read_at = now
    participant.save(update_fields=["read_count", "last_read_at", "updated_at"])
    participant.conversation = conversation
    notices = Notification.objects.filter(
        community=community,
        recipient=actor,
        kind=NOTICE_KIND,
        url=conversation_url(conversation, community),
        read_at__isnull=True,
    )
    if notices.update(read_at=now, updated_at=now):
        inbox_changed(actor.pk)  # an update without model signals (decision 0018)
    return participant


@transaction.atomic
def conversation_leave(*, actor, community: Community, conversation: Conversation) -> None:
    """The actor leaves: the conversation leaves their inbox and they hear nothing more of it. The others
    keep it and see that they left; when nobody else is left, replies are `conversation_ended`."""
    membership = ensure_can(actor, "view", community)
    ensure_writable(community)
    participant = _own_place(community, conversation, membership)
    participant.left_at = timezone.now()
    participant.save(update_fields=["left_at", "updated_at"])
    record(community=community, actor=actor, verb="conversation.left", target=conversation)


@sequential_on_race
@transaction.atomic
def messaging_preference_set(*, actor, community: Community, accept_from: str) -> MessagingPreference:
    """Set who may start a conversation with the actor in this community."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    if accept_from not in AcceptFrom.values:
        raise errors.MessageInvalid(
            gettext("Choose one of the listed options."),
            fields={"accept_from": [gettext("Choose one of the listed options.")]},
        )
    preference, _created = MessagingPreference.objects.update_or_create(
        community=community, membership=membership, defaults={"accept_from": accept_from}
    )
    return preference


@sequential_on_race  # the first change of two at once: the rerun updates the winner's row
@transaction.atomic
def messaging_settings_update(*, actor, community: Community, min_trust_level: int) -> MessagingSettings:
    """Operators set the minimum trust level to start a conversation (0-3)."""
    ensure_can(actor, "manage_community", community)
    current = MessagingSettings.objects.select_for_update().filter(
        community=community
    ).first() or MessagingSettings(community=community)
    current.min_trust_level = min_trust_level
    current.full_clean(exclude=["community"])
    current.save()
    record(
        community=community,
        actor=actor,
        verb="messaging_settings.updated",
        data={"min_trust_level": min_trust_level},
    )
    return current


def message_remove_for_moderation(message: Message, actor) -> None:
    """Take a message down (members.reportables `remove`): it stays in its place, shown as removed."""
    message.removed_at = timezone.now()
    message.save(update_fields=["removed_at", "updated_at"])

"""Reads of private conversations: a member's inbox, one conversation, its messages, the settings.

Only participants read a conversation: every read starts from the caller's own participant row, so an
operator who is not in it gets `conversation_not_found` like anyone else (moderators see a reported
message in the moderation queue, through members.reportables). Reads never write: the settings and a
member's preference are returned unsaved until someone changes them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Prefetch, QuerySet
from django.utils.translation import gettext

from communities.errors import DomainError
from communities.models import Community
from communities.permissions import has_capability
from communities.roles import MembershipStatus
from content.errors.conversations import (
    ConversationNotFound,
    RecipientNotFound,
    RecipientRefusesMessages,
    TrustLevelTooLow,
)
from content.models import (
    AcceptFrom,
    Conversation,
    ConversationParticipant,
    Message,
    MessagingPreference,
    MessagingSettings,
)
from members.models import ContentHold, Membership

# Starting conversations beyond the trust level rule and members' "operators and contacts" setting.
FREE = "message_without_limits"


def messaging_settings_for(*, community: Community) -> MessagingSettings:
    """The community's rule; the defaults, unsaved, until an operator changes it."""
    return MessagingSettings.objects.for_community(community).first() or MessagingSettings(
        community=community
    )


def messaging_preference_for(*, community: Community, membership: Membership) -> MessagingPreference:
    """The member's "who may message me"; everyone (unsaved) until they choose."""
    return MessagingPreference.objects.for_community(community).filter(
        membership=membership
    ).first() or MessagingPreference(community=community, membership=membership)


def accept_from_of(*, community: Community, memberships: list[Membership]) -> dict[int, str]:
    """{membership id: AcceptFrom value} for each of `memberships` (one query; defaults filled in)."""
    stored = dict(
        MessagingPreference.objects.for_community(community)
        .filter(membership__in=memberships)
        .values_list("membership_id", "accept_from")
    )
    return {member.pk: stored.get(member.pk, AcceptFrom.EVERYONE) for member in memberships}


def reach_refusal(
    *, community: Community, membership: Membership, recipients: list[Membership]
) -> DomainError | None:
    """Why `membership` may not start a conversation with `recipients` (other active members), or None.

    The community's minimum trust level (not for holders of `message_without_limits`, nor when every
    recipient holds it: newcomers may always write to the staff), then each recipient's own setting.
    Services raise the answer; the profile page asks it to show its "Message" button or not.
    """
    free = has_capability(membership, FREE)
    level = messaging_settings_for(community=community).min_trust_level
    if not free and membership.trust_level < level and not all(has_capability(r, FREE) for r in recipients):
        message = str(TrustLevelTooLow.message) % {"level": level}
        return TrustLevelTooLow(message, fields={"recipients": [message]})
    accepts = accept_from_of(community=community, memberships=recipients)
    for recipient in recipients:
        setting = accepts[recipient.pk]
        if setting == AcceptFrom.EVERYONE:
            continue
        if setting == AcceptFrom.CONTACTS and (
            free or shares_conversation(community=community, membership=membership, other=recipient)
        ):
            continue
        message = str(RecipientRefusesMessages.message) % {"name": recipient.user.name}
        return RecipientRefusesMessages(message, fields={"recipients": [message]})
    return None


def _other_participants(community: Community) -> Prefetch:
    """Every participant of the conversations, with their names, on the community's shard."""
    return Prefetch(
        "conversation__participants",
        queryset=ConversationParticipant.objects.for_community(community)
        .select_related("membership__user")
        .order_by("created_at", "id"),
    )


def inbox_list(*, community: Community, membership: Membership) -> QuerySet[ConversationParticipant]:
    """The member's conversations (their participant rows, with the conversation and everyone in it), the
    latest message first. Unread counts come from columns (`unread_count`; `unread` for filtering), so a
    page costs two queries whatever its size, and the paginator's count one more."""
    return (
        ConversationParticipant.objects.for_community(community)
        .filter(membership=membership, left_at__isnull=True)
        .select_related("conversation")
        .prefetch_related(_other_participants(community))
        .annotate(
            last_message_at=F("conversation__last_message_at"),
            unread=F("conversation__message_count") - F("read_count"),
        )
        .order_by("-last_message_at", "-conversation_id")
    )


def participant_get(
    *, community: Community, membership: Membership | None, conversation_id
) -> ConversationParticipant:
    """The caller's own place in a conversation named in a URL: the one way to load a conversation.

    Missing, another community's, one the caller never joined or has left: all `conversation_not_found`.
    """
    if membership is None or membership.pk is None:
        raise ConversationNotFound()
    participant = (
        inbox_list(community=community, membership=membership).filter(conversation_id=conversation_id).first()
    )
    if participant is None:
        raise ConversationNotFound()
    return participant


def message_list(*, community: Community, conversation: Conversation) -> QuerySet[Message]:
    """A conversation's messages, oldest first, with their senders (removed and held ones included: the
    page shows them as such in their place, see `held_message_ids`)."""
    return (
        Message.objects.for_community(community)
        .filter(conversation=conversation)
        .select_related("sender__user")
        .order_by("created_at", "id")
    )


def held_message_ids(*, community: Community, messages) -> set[int]:
    """Which of `messages` (a page) reports hold for review: one query on the holds of the community."""
    ids = [str(message.pk) for message in messages]
    if not ids:
        return set()
    return {
        int(target_id)
        for target_id in ContentHold.objects.filter(
            community=community,
            target_type=ContentType.objects.get_for_model(Message),
            target_id__in=ids,
            released_at__isnull=True,
        ).values_list("target_id", flat=True)
    }


def shares_conversation(*, community: Community, membership: Membership, other: Membership) -> bool:
    """Do the two members both take part (neither having left) in some conversation?"""
    mine = ConversationParticipant.objects.for_community(community).filter(
        membership=membership, left_at__isnull=True
    )
    return (
        ConversationParticipant.objects.for_community(community)
        .filter(membership=other, left_at__isnull=True, conversation_id__in=mine.values("conversation_id"))
        .exists()
    )


def recipient_ids_for(*, community: Community, usernames: list[str]) -> list[int]:
    """The memberships of the active members named (the start form's usernames), in the order given;
    RecipientNotFound naming the first unknown one."""
    found = dict(
        Membership.objects.for_community(community)
        .filter(user__username__in=usernames, status=MembershipStatus.ACTIVE)
        .values_list("user__username", "pk")
    )
    for name in usernames:
        if name not in found:
            message = gettext("No active member of this community is called %(name)s.") % {"name": name}
            raise RecipientNotFound(message, fields={"recipients": [message]})
    return [found[name] for name in usernames]


def contact_for(*, community: Community, membership_id) -> Membership | None:
    """An active member named by the profile's "Message" link (`?to=`), or None."""
    return (
        Membership.objects.for_community(community)
        .filter(pk=membership_id, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .first()
    )

"""Errors of private conversations. Refusals of who may message whom are 400s naming the field."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class ConversationNotFound(NotFound):
    """Missing, another community's, or one the caller does not take part in (operators included)."""

    code = "conversation_not_found"
    message = _("No such conversation.")


class RecipientNotFound(DomainError):
    code = "recipient_not_found"
    message = _("Choose active members of this community.")


class MessageToSelf(DomainError):
    code = "message_to_self"
    message = _("You cannot start a conversation with yourself.")


class TooManyParticipants(DomainError):
    code = "too_many_participants"
    message = _("A conversation has at most %(n)s people.")


class RecipientRefusesMessages(DomainError):
    code = "recipient_refuses_messages"
    message = _("%(name)s does not accept messages from you.")


class TrustLevelTooLow(DomainError):
    code = "trust_level_too_low"
    message = _(
        "Starting conversations needs trust level %(level)s in this community; until then you may write "
        "to operators and moderators."
    )


class MessageInvalid(DomainError):
    code = "message_invalid"
    message = _("Write a message.")


class MessageRateLimited(DomainError):
    code = "message_rate_limited"
    message = _("You sent many messages in a short time: wait a few minutes before sending more.")
    status = 429


class ConversationEnded(Conflict):
    code = "conversation_ended"
    message = _("Everyone else has left this conversation: start a new one instead.")

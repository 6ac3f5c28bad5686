"""Private conversations between members of one community (decision 0024).

A `Conversation` has two or more `ConversationParticipant` rows (at most MAX_PARTICIPANTS) and its
`Message` rows. What the inbox shows is kept in columns by content.services.conversations, so no list
counts child rows: the conversation's `message_count` and `last_message_at`, and each participant's
`read_count` (the conversation's `message_count` when they last read it): unread = message_count -
read_count. Who may start a conversation is the community's `MessagingSettings` and each member's
`MessagingPreference`; both are read as unsaved defaults until someone changes them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import bounded

SUBJECT_MAX = 120
BODY_MAX = 5_000
MAX_PARTICIPANTS = 10  # the starter and up to nine others
TRUST_LEVEL_RANGE = (0, 3)  # members.services.trust.TRUST_LEVELS


class AcceptFrom(models.TextChoices):
    """Who may start a conversation with a member (their own setting)."""

    EVERYONE = "everyone", _("Everyone in the community")
    CONTACTS = "contacts", _("Only operators, moderators and people I already talk with")
    NOBODY = "nobody", _("Nobody")


class MessagingSettings(TenantModel):
    """The community's rule for starting conversations; operators and moderators are never held by it."""

    min_trust_level = models.PositiveSmallIntegerField(
        _("minimum trust level to start a conversation"),
        default=1,
        validators=bounded(*TRUST_LEVEL_RANGE),
        help_text=_(
            "Members below this level may still write to operators and moderators, and reply in "
            "conversations others start with them."
        ),
    )

    class Meta:
        verbose_name = _("messaging settings")
        verbose_name_plural = _("messaging settings")
        constraints = [models.UniqueConstraint(fields=["community"], name="messagingsettings_unique")]

    def __str__(self):
        return str(self.min_trust_level)


class MessagingPreference(TenantModel):
    """One member's "who may message me"; a member without a row accepts messages from everyone."""

    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    accept_from = models.CharField(
        _("who may start a conversation with me"),
        max_length=10,
        choices=AcceptFrom.choices,
        default=AcceptFrom.EVERYONE,
    )

    class Meta:
        verbose_name = _("messaging preference")
        verbose_name_plural = _("messaging preferences")
        constraints = [
            models.UniqueConstraint(fields=["community", "membership"], name="messagingpreference_unique")
        ]

    def __str__(self):
        return f"{self.membership_id}: {self.get_accept_from_display()}"


class Conversation(TenantModel):
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX, blank=True)
    started_by = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("started by")
    )
    message_count = models.PositiveIntegerField(_("messages"), default=0, editable=False)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return f"#{self.pk}"  # never the subject: the admin lists conversations without it


class ConversationParticipant(TenantModel):
    """A member in a conversation, with where they stopped reading; `left_at` once they leave it."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants", verbose_name=_("conversation")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    read_count = models.PositiveIntegerField(_("messages read"), default=0, editable=False)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation participant")
        verbose_name_plural = _("conversation participants")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "conversation", "membership"], name="conversationparticipant_unique"
            )
        ]
        indexes = [
            models.Index(fields=["community", "membership", "left_at"], name="content_participant_inbox"),
        ]

    def __str__(self):
        return f"{self.membership_id} → {self.conversation_id}"

    @property
    def unread_count(self) -> int:
        """Messages after the last read (needs the conversation, usually selected with the row)."""
        return max(self.conversation.message_count - self.read_count, 0)


class Message(TenantModel):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages", verbose_name=_("conversation")
    )
    sender = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("sender")
    )
    body = models.TextField(_("message (Markdown)"), max_length=BODY_MAX)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["community", "conversation", "created_at"], name="content_message_thread"),
            models.Index(fields=["community", "sender", "created_at"], name="content_message_rate"),
        ]

    def __str__(self):
        return f"#{self.pk}"  # never the text: the admin lists messages without it

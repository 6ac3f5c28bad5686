"""Private conversations in the admin: read-only, and without the messages' text (decision 0024: only
the people in a conversation read it; moderators read a reported message in the moderation queue)."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from content.models import (
    Conversation,
    ConversationParticipant,
    Message,
    MessagingPreference,
    MessagingSettings,
)


class ParticipantInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ConversationParticipant
    fields = ("membership", "read_count", "last_read_at", "left_at")
    readonly_fields = fields
    extra = 0


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("pk", "community", "started_by", "message_count", "last_message_at")
    list_filter = ("community",)
    list_select_related = ("community", "started_by__user")
    fields = ("community", "started_by", "message_count", "last_message_at", "created_at")
    readonly_fields = fields
    inlines = [ParticipantInline]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("pk", "community", "conversation", "sender", "created_at", "removed_at")
    list_filter = ("community",)
    list_select_related = ("community", "conversation", "sender__user")
    fields = ("community", "conversation", "sender", "created_at", "removed_at")
    readonly_fields = fields


@admin.register(MessagingSettings)
class MessagingSettingsAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("community", "min_trust_level")


@admin.register(MessagingPreference)
class MessagingPreferenceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("membership", "community", "accept_from")
    list_filter = ("accept_from",)
    list_select_related = ("community", "membership__user")

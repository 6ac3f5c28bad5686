"""Spaces and discussions in the admin: read-only (written by content.services.spaces and
discussions, whose rules and counters an edit here would skip; moderators take content down through
reports, operators manage spaces on the site)."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from content.models import DiscussionSettings, Reply, Space, SpaceMember, Topic


class SpaceMemberInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = SpaceMember
    fk_name = "space"
    fields = ("membership", "added_by", "created_at")
    readonly_fields = fields
    extra = 0


@admin.register(Space)
class SpaceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "community", "slug", "who_may_post", "joining", "members_only", "topic_count")
    list_filter = ("community", "members_only", "joining")
    search_fields = ("name", "slug")
    list_select_related = ("community",)
    inlines = [SpaceMemberInline]


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "space", "reply_count", "is_prompt", "locked_at", "removed_at")
    list_filter = ("community", "is_prompt")
    search_fields = ("title",)
    list_select_related = ("community", "space")


@admin.register(Reply)
class ReplyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "community", "topic", "parent", "created_at", "removed_at")
    list_filter = ("community",)
    list_select_related = ("community", "topic", "parent")


@admin.register(DiscussionSettings)
class DiscussionSettingsAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("community", "read_only_until")
    list_select_related = ("community",)

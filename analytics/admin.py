"""Django admin for the append-only activity log: read-only."""

from django.contrib import admin

from analytics.models import ActivityEvent
from communities.admin import ReadOnlyAdminMixin


@admin.register(ActivityEvent)
class ActivityEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("occurred_at", "community", "verb", "actor", "target_type", "target_id")
    list_filter = ("verb",)
    search_fields = ("verb", "community__slug", "actor__username")
    list_select_related = ("community", "actor", "target_type")
    date_hierarchy = "occurred_at"
    fields = ("community", "actor", "verb", "target_type", "target_id", "data", "occurred_at", "created_at")
    readonly_fields = fields

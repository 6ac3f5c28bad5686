"""Attendance in the admin: read-only (checked in, reminded, invited and given through
events.services). A calendar address can be deleted there (revoking it); its key is never shown."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from events.models import CalendarFeed, EventFeedback, EventNotice


@admin.register(EventFeedback)
class EventFeedbackAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("event", "membership", "rating", "community", "created_at", "updated_at")
    list_filter = ("community", "rating")
    list_select_related = ("community", "event", "membership__user")
    search_fields = ("comments",)


@admin.register(EventNotice)
class EventNoticeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("event", "membership", "kind", "community", "created_at")
    list_filter = ("community", "kind")
    list_select_related = ("community", "event", "membership__user")


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ("user", "prefix", "created_at")
    readonly_fields = ("user", "prefix", "created_at")
    fields = readonly_fields
    search_fields = ("user__username", "user__email")
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

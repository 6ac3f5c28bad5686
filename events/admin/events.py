"""Events in the admin: read-only (created, edited, registered and cancelled through events.services,
which keep the counters and the capacity exact)."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from events.models import Event, EventSeries, Registration


class RegistrationInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Registration
    fk_name = "event"
    fields = ("membership", "status", "position", "confirmed_at", "cancelled_at", "checked_in_at")
    readonly_fields = fields
    extra = 0


@admin.register(Event)
class EventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = (
        "title",
        "community",
        "kind",
        "status",
        "starts_at",
        "capacity",
        "confirmed_count",
        "waitlist_count",
    )
    list_filter = ("community", "kind", "status")
    search_fields = ("title", "slug")
    list_select_related = ("community",)
    inlines = [RegistrationInline]


@admin.register(EventSeries)
class EventSeriesAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "rrule", "occurrence_count", "created_at")
    list_filter = ("community",)
    list_select_related = ("community",)

"""Django admin for memberships and rule acceptances."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from members.models import Membership, RuleAcceptance


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "community", "role", "status", "joined_at", "left_at")
    list_filter = ("role", "status")
    search_fields = (
        "user__username",
        "user__email",
        "user__display_name",
        "community__name",
        "community__slug",
    )
    list_select_related = ("user", "community")
    raw_id_fields = ("user", "community")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "joined_at"


@admin.register(RuleAcceptance)
class RuleAcceptanceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The record of which member accepted which rules version: evidence, never edited."""

    list_display = ("membership", "rules_version", "community", "created_at")
    search_fields = ("membership__user__username", "community__name", "community__slug")
    list_select_related = ("membership__user", "membership__community", "rules_version", "community")
    fields = ("community", "membership", "rules_version", "created_at")
    readonly_fields = fields

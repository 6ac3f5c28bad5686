"""Django admin for content. The critique exchange's rows are written by its services only (credits move
with a ledger entry under a row lock), so the admin shows them read-only."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from content.models import (
    CreditAccount,
    CreditTransaction,
    Critique,
    CritiqueSettings,
    RubricCriterion,
    Work,
)


@admin.register(RubricCriterion)
class RubricCriterionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "community", "position", "active")
    list_filter = ("active",)
    list_select_related = ("community",)


@admin.register(CritiqueSettings)
class CritiqueSettingsAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("community", "request_cost", "critique_reward")
    list_select_related = ("community",)


@admin.register(Work)
class WorkAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "author", "critique_count", "time_to_first_critique", "created_at")
    search_fields = ("title", "community__slug", "author__user__username")
    list_select_related = ("community", "author__user")


@admin.register(Critique)
class CritiqueAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("work", "critic", "helpful", "community", "created_at")
    list_filter = ("helpful",)
    list_select_related = ("community", "work", "critic__user")


@admin.register(CreditAccount)
class CreditAccountAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("membership", "community", "balance", "critiques_given", "helpful_received")
    search_fields = ("membership__user__username", "community__slug")
    list_select_related = ("community", "membership__user")


@admin.register(CreditTransaction)
class CreditTransactionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("account", "kind", "amount", "balance_after", "community", "created_at")
    list_filter = ("kind",)
    list_select_related = ("community", "account__membership__user")

"""Expert sessions in the admin: read-only (scheduled, asked, answered and reminded through
content.services.sessions)."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from content.models import ExpertSession, GuestExpert, SessionQuestion


class SessionQuestionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = SessionQuestion
    fk_name = "session"
    fields = ("author", "body", "vote_count", "answered_at", "removed_at")
    readonly_fields = fields
    extra = 0


@admin.register(ExpertSession)
class ExpertSessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "starts_at", "ends_at", "question_count", "answered_count")
    list_filter = ("community",)
    search_fields = ("title", "topic")
    list_select_related = ("community",)
    inlines = [SessionQuestionInline]


@admin.register(GuestExpert)
class GuestExpertAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("membership", "community", "invited_by", "created_at")
    list_filter = ("community",)
    list_select_related = ("community", "membership__user", "invited_by")

"""Q&A in the admin: read-only (questions, answers and votes are written by content.services.questions;
moderators take content down through reports)."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from content.models import Answer, Question


class AnswerInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Answer
    fk_name = "question"
    fields = ("author", "by_expert", "vote_count", "removed_at", "created_at")
    readonly_fields = fields
    extra = 0


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "answer_count", "accepted_answer", "created_at", "removed_at")
    list_filter = ("community",)
    search_fields = ("title",)
    list_select_related = ("community", "accepted_answer")
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "community", "question", "by_expert", "vote_count", "created_at", "removed_at")
    list_filter = ("community", "by_expert")
    list_select_related = ("community", "question")

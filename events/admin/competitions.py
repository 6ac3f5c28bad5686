"""Competitions and projects in the admin: read-only (entries, scores, votes, awards and teams are written
through events.services, which keep the stored counts, the phases and the team sizes exact)."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from events.models import Award, Entry, Project, ProjectUpdate


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = (
        "title",
        "community",
        "event",
        "team_name",
        "member_count",
        "vote_count",
        "judge_score",
        "rank",
        "withdrawn_at",
        "disqualified",
    )
    list_filter = ("community", "disqualified")
    search_fields = ("title", "team_name")
    list_select_related = ("community", "event")


@admin.register(Award)
class AwardAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("membership", "community", "event", "rank", "created_at")
    list_filter = ("community", "rank")
    list_select_related = ("community", "event", "membership__user")


@admin.register(Project)
class ProjectAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "event", "member_count", "update_count", "showcased_at")
    list_filter = ("community",)
    search_fields = ("title",)
    list_select_related = ("community", "event")


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("project", "community", "author", "created_at")
    list_filter = ("community",)
    list_select_related = ("community", "project", "author__user")

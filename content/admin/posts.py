"""Django admin of posts and series. They are written through the site and the API (their services
keep revisions, reviews and the activity log); here they are viewable only."""

from django.contrib import admin

from communities.admin import ReadOnlyAdminMixin
from content.models import Post, PostImage, PostRevision, PostSettings, PostTag, Series


@admin.register(Post)
class PostAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "kind", "status", "published_at", "pinned_at", "featured_at")
    list_filter = ("kind", "status")
    search_fields = ("title",)
    list_select_related = ("community",)


@admin.register(PostRevision)
class PostRevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("post", "number", "editor", "created_at")
    list_select_related = ("post", "editor")


@admin.register(PostTag)
class PostTagAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "community")
    list_select_related = ("community",)


@admin.register(Series)
class SeriesAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "community", "created_at")
    list_select_related = ("community",)


@admin.register(PostImage)
class PostImageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("image", "community", "uploaded_by", "created_at")
    list_select_related = ("community", "uploaded_by")


@admin.register(PostSettings)
class PostSettingsAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("community", "member_posts_need_review")
    list_select_related = ("community",)

"""Posts API routes under /api/v1/communities/<community_slug>/."""

from django.urls import path

from content.api.views import posts as views

urlpatterns = [
    path("posts/", views.PostViewSet.as_view({"get": "list", "post": "create"}), name="post-list"),
    path("posts/mine/", views.PostViewSet.as_view({"get": "mine"}), name="post-mine"),
    path("posts/review-queue/", views.PostViewSet.as_view({"get": "review_queue"}), name="post-review-queue"),
    path("posts/preview/", views.PostPreviewViewSet.as_view({"post": "create"}), name="post-preview"),
    path("posts/images/", views.PostImageViewSet.as_view({"post": "create"}), name="post-image-list"),
    path(
        "posts/<int:post_id>/",
        views.PostViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="post-detail",
    ),
    path("posts/<int:post_id>/publish/", views.PostViewSet.as_view({"post": "publish"}), name="post-publish"),
    path("posts/<int:post_id>/pin/", views.PostViewSet.as_view({"post": "pin"}), name="post-pin"),
    path("posts/<int:post_id>/feature/", views.PostViewSet.as_view({"post": "feature"}), name="post-feature"),
    path("posts/<int:post_id>/review/", views.PostViewSet.as_view({"post": "review"}), name="post-review"),
    path(
        "posts/<int:post_id>/revisions/",
        views.PostViewSet.as_view({"get": "revisions"}),
        name="post-revisions",
    ),
    path("post-tags/", views.PostTagViewSet.as_view({"get": "list", "post": "create"}), name="post-tag-list"),
    path(
        "post-tags/<int:post_tag_id>/",
        views.PostTagViewSet.as_view({"delete": "destroy"}),
        name="post-tag-detail",
    ),
    path(
        "post-settings/",
        views.PostSettingsViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="post-settings",
    ),
]

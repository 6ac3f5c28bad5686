"""HTML routes of posts under c/<slug>/."""

from django.urls import path

from content.views import posts as views

urlpatterns = [
    path("c/<slug:slug>/posts/", views.PostListView.as_view(), name="post-list"),
    path("c/<slug:slug>/posts/new/", views.PostCreateView.as_view(), name="post-create"),
    path("c/<slug:slug>/posts/mine/", views.MyPostsView.as_view(), name="post-mine"),
    path("c/<slug:slug>/posts/preview/", views.PostPreviewView.as_view(), name="post-preview"),
    path("c/<slug:slug>/posts/images/", views.PostImageUploadView.as_view(), name="post-image-upload"),
    path("c/<slug:slug>/posts/<int:post_id>/", views.PostDetailView.as_view(), name="post-detail"),
    path("c/<slug:slug>/posts/<int:post_id>/edit/", views.PostEditView.as_view(), name="post-edit"),
    path("c/<slug:slug>/posts/<int:post_id>/publish/", views.PostPublishView.as_view(), name="post-publish"),
    path("c/<slug:slug>/posts/<int:post_id>/pin/", views.PostPinView.as_view(), name="post-pin"),
    path("c/<slug:slug>/posts/<int:post_id>/feature/", views.PostFeatureView.as_view(), name="post-feature"),
    path(
        "c/<slug:slug>/posts/<int:post_id>/revisions/",
        views.PostRevisionsView.as_view(),
        name="post-revisions",
    ),
    path("c/<slug:slug>/manage/posts/review/", views.ReviewQueueView.as_view(), name="post-review-queue"),
    path(
        "c/<slug:slug>/manage/posts/review/<int:post_id>/",
        views.ReviewDecisionView.as_view(),
        name="post-review",
    ),
    path("c/<slug:slug>/manage/posts/settings/", views.PostSettingsView.as_view(), name="post-settings"),
    path("c/<slug:slug>/manage/posts/tags/", views.PostTagCreateView.as_view(), name="post-tag-create"),
    path(
        "c/<slug:slug>/manage/posts/tags/<int:post_tag_id>/delete/",
        views.PostTagDeleteView.as_view(),
        name="post-tag-delete",
    ),
]

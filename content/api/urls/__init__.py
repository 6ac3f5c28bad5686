"""Content API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module each."""

from content.api.urls import (
    conversations,
    critiques,
    discussions,
    polls,
    posts,
    questions,
    search,
    series,
    sessions,
)

urlpatterns = [
    *posts.urlpatterns,
    *series.urlpatterns,
    *discussions.urlpatterns,
    *questions.urlpatterns,
    *sessions.urlpatterns,
    *critiques.urlpatterns,
    *search.urlpatterns,
    *polls.urlpatterns,
    *conversations.urlpatterns,
]

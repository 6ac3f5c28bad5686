"""HTML routes of content (namespace "content"), one module per sub-domain, all under c/<slug>/ but
the content images' (files)."""

from content.urls import (
    conversations,
    critiques,
    discussions,
    files,
    polls,
    posts,
    questions,
    search,
    series,
    sessions,
)

app_name = "content"

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
    *files.urlpatterns,
]

"""Content API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module each."""

from content.api.urls import critiques, questions, search, sessions

urlpatterns = [
    *questions.urlpatterns,
    *sessions.urlpatterns,
    *critiques.urlpatterns,
    *search.urlpatterns,
]

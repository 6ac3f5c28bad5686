"""Events API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module each."""

from events.api.urls import competitions, events, projects

urlpatterns = [
    *events.urlpatterns,
    *competitions.urlpatterns,
    *projects.urlpatterns,
]

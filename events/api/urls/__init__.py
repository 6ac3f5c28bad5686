"""Events API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module each."""

from events.api.urls import attendance, competitions, events, projects, registrations

urlpatterns = [
    *events.urlpatterns,
    *registrations.urlpatterns,
    *attendance.urlpatterns,
    *competitions.urlpatterns,
    *projects.urlpatterns,
]

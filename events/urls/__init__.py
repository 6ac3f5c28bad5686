"""HTML routes of events (namespace "events"), one module per sub-domain, all under c/<slug>/."""

from events.urls import attendance, competitions, events, projects, series

app_name = "events"

urlpatterns = [
    *attendance.urlpatterns,
    *events.urlpatterns,
    *competitions.urlpatterns,
    *projects.urlpatterns,
    *series.urlpatterns,
]

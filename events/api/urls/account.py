"""Events API routes of the caller's own account, under /api/v1/ (namespace "api")."""

from django.urls import path

from events.api.views import attendance as views

urlpatterns = [
    path("calendar-feed/", views.CalendarFeedView.as_view(), name="calendar-feed"),
]

from django.urls import path

from events.api.views import attendance as views

EVENT = "events/<int:event_id>/"

urlpatterns = [
    path(
        EVENT + "attendance/", views.AttendanceViewSet.as_view({"get": "list"}), name="event-attendance-list"
    ),
    path(
        EVENT + "attendance/check-in/",
        views.AttendanceViewSet.as_view({"post": "check_in"}),
        name="event-check-in",
    ),
    path(
        EVENT + "attendance/undo/",
        views.AttendanceViewSet.as_view({"post": "undo"}),
        name="event-check-in-undo",
    ),
    path(
        EVENT + "attendance/no-shows/",
        views.AttendanceViewSet.as_view({"get": "no_shows"}),
        name="event-no-shows",
    ),
    path(EVENT + "feedback/", views.FeedbackViewSet.as_view({"get": "list"}), name="event-feedback-list"),
    path(
        EVENT + "feedback/results/",
        views.FeedbackViewSet.as_view({"get": "results"}),
        name="event-feedback-results",
    ),
    path(
        EVENT + "feedback/mine/",
        views.FeedbackViewSet.as_view({"get": "mine", "put": "give"}),
        name="event-feedback-mine",
    ),
]

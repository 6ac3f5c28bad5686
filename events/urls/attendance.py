from django.urls import path

from events.views import attendance as views

EVENT = "c/<slug:slug>/events/<int:event_id>/"

urlpatterns = [
    path(
        "c/<slug:slug>/events/calendar.ics", views.CommunityCalendarView.as_view(), name="community-calendar"
    ),
    path(EVENT + "calendar.ics", views.EventCalendarView.as_view(), name="event-calendar"),
    path(EVENT + "ticket/", views.TicketView.as_view(), name="ticket"),
    path(EVENT + "check-in/", views.CheckInView.as_view(), name="check-in"),
    path(EVENT + "check-in/undo/", views.CheckInUndoView.as_view(), name="check-in-undo"),
    path(EVENT + "check-in/scan/", views.CheckInScanView.as_view(), name="check-in-scan"),
    path(EVENT + "no-shows/", views.NoShowsView.as_view(), name="no-shows"),
    path(EVENT + "feedback/", views.FeedbackView.as_view(), name="feedback"),
    path(EVENT + "feedback/results/", views.FeedbackResultsView.as_view(), name="feedback-results"),
    path("me/calendar/", views.CalendarFeedView.as_view(), name="calendar-feed"),
    path("calendar/<str:key>.ics", views.MemberCalendarView.as_view(), name="member-calendar"),
]

from django.urls import path

from events.api.views import events as views

EVENT = "events/<int:event_id>/"

urlpatterns = [
    path("events/", views.EventViewSet.as_view({"get": "list", "post": "create"}), name="event-list"),
    path(
        "events/settings/",
        views.EventSettingsViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="event-settings",
    ),
    path(
        "events/series/",
        views.EventSeriesViewSet.as_view({"get": "list", "post": "create"}),
        name="event-series-list",
    ),
    path(
        "events/series/<int:event_series_id>/",
        views.EventSeriesViewSet.as_view({"get": "retrieve"}),
        name="event-series-detail",
    ),
    path(
        EVENT, views.EventViewSet.as_view({"get": "retrieve", "patch": "partial_update"}), name="event-detail"
    ),
    path(EVENT + "publish/", views.EventViewSet.as_view({"post": "publish"}), name="event-publish"),
    path(EVENT + "cancel/", views.EventViewSet.as_view({"post": "cancel"}), name="event-cancel"),
    path(EVENT + "cover/", views.EventCoverViewSet.as_view({"post": "cover"}), name="event-cover"),
]

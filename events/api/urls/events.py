from django.urls import path

from events.api.views import events as views

EVENT = "events/<int:event_id>/"

urlpatterns = [
    path("events/", views.EventViewSet.as_view({"get": "list", "post": "create"}), name="event-list"),
    path(
        "events/registrations/mine/",
        views.MyRegistrationListViewSet.as_view({"get": "list"}),
        name="event-registration-mine",
    ),
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
    path(
        EVENT + "registration/",
        views.MyRegistrationViewSet.as_view({"post": "create", "delete": "destroy"}),
        name="event-registration",
    ),
    path(
        EVENT + "registrations/",
        views.RegistrationViewSet.as_view({"get": "list"}),
        name="event-registration-list",
    ),
    path(
        EVENT + "registrations/export/",
        views.RegistrationViewSet.as_view({"get": "export"}),
        name="event-registration-export",
    ),
    path(
        EVENT + "registrations/<int:registration_id>/approve/",
        views.RegistrationViewSet.as_view({"post": "approve"}),
        name="event-registration-approve",
    ),
    path(
        EVENT + "registrations/<int:registration_id>/decline/",
        views.RegistrationViewSet.as_view({"post": "decline"}),
        name="event-registration-decline",
    ),
    path(
        EVENT + "questions/",
        views.RegistrationQuestionViewSet.as_view({"get": "list", "post": "create"}),
        name="event-question-list",
    ),
    path(
        EVENT + "questions/<int:registration_question_id>/",
        views.RegistrationQuestionViewSet.as_view({"delete": "destroy"}),
        name="event-question-detail",
    ),
]

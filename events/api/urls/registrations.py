from django.urls import path

from events.api.views import questions, registrations, tickets

EVENT = "events/<int:event_id>/"

urlpatterns = [
    path(
        "events/registrations/mine/",
        registrations.MyRegistrationListViewSet.as_view({"get": "list"}),
        name="event-registration-mine",
    ),
    path(
        EVENT + "registration/",
        registrations.MyRegistrationViewSet.as_view({"post": "create", "delete": "destroy"}),
        name="event-registration",
    ),
    path(EVENT + "ticket/", tickets.TicketViewSet.as_view({"get": "retrieve"}), name="event-ticket"),
    path(
        EVENT + "registrations/",
        registrations.RegistrationViewSet.as_view({"get": "list"}),
        name="event-registration-list",
    ),
    path(
        EVENT + "registrations/export/",
        registrations.RegistrationViewSet.as_view({"get": "export"}),
        name="event-registration-export",
    ),
    path(
        EVENT + "registrations/<int:registration_id>/approve/",
        registrations.RegistrationViewSet.as_view({"post": "approve"}),
        name="event-registration-approve",
    ),
    path(
        EVENT + "registrations/<int:registration_id>/decline/",
        registrations.RegistrationViewSet.as_view({"post": "decline"}),
        name="event-registration-decline",
    ),
    path(
        EVENT + "questions/",
        questions.RegistrationQuestionViewSet.as_view({"get": "list", "post": "create"}),
        name="event-question-list",
    ),
    path(
        EVENT + "questions/reorder/",
        questions.RegistrationQuestionViewSet.as_view({"post": "reorder"}),
        name="event-question-reorder",
    ),
    path(
        EVENT + "questions/<int:registration_question_id>/",
        questions.RegistrationQuestionViewSet.as_view({"patch": "partial_update", "delete": "destroy"}),
        name="event-question-detail",
    ),
]

from django.urls import path

from events.views import events as views
from events.views import registrations

EVENTS = "c/<slug:slug>/events/"
EVENT = EVENTS + "<int:event_id>/"

urlpatterns = [
    path(EVENTS, views.EventListView.as_view(), name="list"),
    path(EVENTS + "new/", views.EventCreateView.as_view(), name="create"),
    path(EVENTS + "settings/", views.EventSettingsView.as_view(), name="settings"),
    path(EVENT, views.EventDetailView.as_view(), name="detail"),
    path(EVENT + "edit/", views.EventEditView.as_view(), name="edit"),
    path(EVENT + "publish/", views.EventPublishView.as_view(), name="publish"),
    path(EVENT + "cancel/", views.EventCancelView.as_view(), name="cancel"),
    path(EVENT + "unregister/", views.EventUnregisterView.as_view(), name="unregister"),
    path(EVENT + "registrations/", registrations.EventRegistrationsView.as_view(), name="registrations"),
    path(
        EVENT + "registrations/export/",
        registrations.EventRegistrationsExportView.as_view(),
        name="registrations-export",
    ),
    path(
        EVENT + "registrations/<int:registration_id>/approve/",
        registrations.RegistrationDecisionView.as_view(decision="approve"),
        name="registration-approve",
    ),
    path(
        EVENT + "registrations/<int:registration_id>/decline/",
        registrations.RegistrationDecisionView.as_view(decision="decline"),
        name="registration-decline",
    ),
    path(
        EVENT + "questions/<int:registration_question_id>/edit/",
        registrations.RegistrationQuestionEditView.as_view(),
        name="question-edit",
    ),
    path(
        EVENT + "questions/<int:registration_question_id>/move/",
        registrations.RegistrationQuestionMoveView.as_view(),
        name="question-move",
    ),
    path(
        EVENT + "questions/<int:registration_question_id>/delete/",
        registrations.RegistrationQuestionDeleteView.as_view(),
        name="question-delete",
    ),
]

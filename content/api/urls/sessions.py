from django.urls import path

from content.api.views import sessions as views

SESSION = "sessions/<int:session_id>/"
QUESTION = SESSION + "questions/<int:session_question_id>/"

urlpatterns = [
    path("sessions/", views.SessionViewSet.as_view({"get": "list", "post": "create"}), name="session-list"),
    path(SESSION, views.SessionViewSet.as_view({"get": "retrieve"}), name="session-detail"),
    path(
        SESSION + "questions/",
        views.SessionQuestionViewSet.as_view({"get": "list", "post": "create"}),
        name="session-question-list",
    ),
    path(
        QUESTION + "vote/",
        views.SessionQuestionViewSet.as_view({"post": "vote", "delete": "unvote"}),
        name="session-question-vote",
    ),
    path(
        QUESTION + "answer/",
        views.SessionQuestionViewSet.as_view({"post": "answer"}),
        name="session-question-answer",
    ),
    path(
        "guest-experts/",
        views.GuestExpertViewSet.as_view({"get": "list", "post": "create"}),
        name="guest-expert-list",
    ),
]

from django.urls import path

from content.views import sessions as views

SESSION = "c/<slug:slug>/sessions/<int:session_id>/"
QUESTION = SESSION + "questions/<int:session_question_id>/"

urlpatterns = [
    path("c/<slug:slug>/sessions/", views.SessionListView.as_view(), name="sessions"),
    path("c/<slug:slug>/sessions/new/", views.SessionScheduleView.as_view(), name="session-schedule"),
    path("c/<slug:slug>/sessions/guests/", views.GuestExpertView.as_view(), name="session-guests"),
    path(SESSION, views.SessionDetailView.as_view(), name="session-detail"),
    path(QUESTION + "vote/", views.SessionQuestionVoteView.as_view(), name="session-question-vote"),
    path(QUESTION + "answer/", views.SessionQuestionAnswerView.as_view(), name="session-question-answer"),
]

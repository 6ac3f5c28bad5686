from django.urls import path

from content.views import questions as views

QUESTION = "c/<slug:slug>/questions/<int:qa_question_id>/"
ANSWER = QUESTION + "answers/<int:qa_answer_id>/"

urlpatterns = [
    path("c/<slug:slug>/questions/", views.QuestionListView.as_view(), name="questions"),
    path(
        "c/<slug:slug>/questions/unanswered/", views.UnansweredListView.as_view(), name="questions-unanswered"
    ),
    path("c/<slug:slug>/questions/ask/", views.QuestionAskView.as_view(), name="question-ask"),
    path(QUESTION, views.QuestionDetailView.as_view(), name="question-detail"),
    path(QUESTION + "edit/", views.QuestionEditView.as_view(), name="question-edit"),
    path(ANSWER + "edit/", views.AnswerEditView.as_view(), name="answer-edit"),
    path(ANSWER + "vote/", views.AnswerVoteView.as_view(), name="answer-vote"),
    path(ANSWER + "accept/", views.AnswerAcceptView.as_view(), name="answer-accept"),
]

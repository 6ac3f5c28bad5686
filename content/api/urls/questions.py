from django.urls import path

from content.api.views import questions as views

QUESTION = "questions/<int:qa_question_id>/"
ANSWER = QUESTION + "answers/<int:qa_answer_id>/"

urlpatterns = [
    path(
        "questions/", views.QuestionViewSet.as_view({"get": "list", "post": "create"}), name="question-list"
    ),
    path(
        "questions/unanswered/",
        views.QuestionViewSet.as_view({"get": "unanswered"}),
        name="question-unanswered",
    ),
    path(
        QUESTION,
        views.QuestionViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="question-detail",
    ),
    path(
        QUESTION + "accept/", views.QuestionAcceptViewSet.as_view({"post": "accept"}), name="question-accept"
    ),
    path(
        QUESTION + "answers/",
        views.AnswerViewSet.as_view({"get": "list", "post": "create"}),
        name="answer-list",
    ),
    path(ANSWER, views.AnswerViewSet.as_view({"patch": "partial_update"}), name="answer-detail"),
    path(
        ANSWER + "vote/",
        views.AnswerViewSet.as_view({"post": "vote", "delete": "unvote"}),
        name="answer-vote",
    ),
]

from django.urls import path

from members.api.views import applications as views

QUESTION = "application-questions/<int:application_question_id>/"
APPLICATION = "applications/<int:application_id>/"

urlpatterns = [
    path(
        "application-questions/",
        views.ApplicationQuestionViewSet.as_view({"get": "list", "post": "create"}),
        name="application-question-list",
    ),
    path(
        "application-questions/reorder/",
        views.ApplicationQuestionViewSet.as_view({"post": "reorder"}),
        name="application-question-reorder",
    ),
    path(
        QUESTION,
        views.ApplicationQuestionViewSet.as_view(
            {"get": "retrieve", "patch": "partial_update", "delete": "destroy"}
        ),
        name="application-question-detail",
    ),
    path(
        QUESTION + "retire/",
        views.ApplicationQuestionViewSet.as_view({"post": "retire"}),
        name="application-question-retire",
    ),
    path(
        QUESTION + "restore/",
        views.ApplicationQuestionViewSet.as_view({"post": "restore"}),
        name="application-question-restore",
    ),
    path(
        "applications/",
        views.ApplicationViewSet.as_view({"get": "list", "post": "create"}),
        name="application-list",
    ),
    path(
        "applications/mine/",
        views.ApplicationViewSet.as_view({"get": "mine", "delete": "withdraw"}),
        name="application-mine",
    ),
    path(
        "applications/bulk-decide/",
        views.ApplicationViewSet.as_view({"post": "bulk_decide"}),
        name="application-bulk-decide",
    ),
    path(APPLICATION, views.ApplicationViewSet.as_view({"get": "retrieve"}), name="application-detail"),
    path(
        APPLICATION + "decide/",
        views.ApplicationViewSet.as_view({"post": "decide"}),
        name="application-decide",
    ),
]

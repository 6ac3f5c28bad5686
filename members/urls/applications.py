from django.urls import path

from members.views import applications as views

urlpatterns = [
    path("c/<slug:slug>/apply/", views.ApplyView.as_view(), name="apply"),
    path("c/<slug:slug>/application/", views.MyApplicationView.as_view(), name="application-mine"),
    path("c/<slug:slug>/applications/", views.ApplicationQueueView.as_view(), name="applications"),
    path(
        "c/<slug:slug>/applications/<int:application_id>/approve/",
        views.ApplicationDecideView.as_view(decision="approve"),
        name="application-approve",
    ),
    path(
        "c/<slug:slug>/applications/<int:application_id>/reject/",
        views.ApplicationDecideView.as_view(decision="reject"),
        name="application-reject",
    ),
    path(
        "c/<slug:slug>/applications/questions/",
        views.QuestionsView.as_view(),
        name="application-questions",
    ),
    path(
        "c/<slug:slug>/applications/questions/<int:question_id>/",
        views.QuestionEditView.as_view(),
        name="application-question-edit",
    ),
    path(
        "c/<slug:slug>/applications/questions/<int:question_id>/<str:action>/",
        views.QuestionActionView.as_view(),
        name="application-question-action",
    ),
]

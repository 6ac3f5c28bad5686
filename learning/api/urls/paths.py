"""Learning paths, progress, reviews and plans over the API, under learning/."""

from django.urls import path

from learning.api.views import paths as views
from learning.api.views import progress

BASE = "learning/"
PATH = BASE + "paths/<int:path_id>/"
STEP = PATH + "steps/<int:path_step_id>/"

urlpatterns = [
    path(
        BASE + "paths/",
        views.PathViewSet.as_view({"get": "list", "post": "create"}),
        name="learning-path-list",
    ),
    path(
        PATH,
        views.PathViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="learning-path-detail",
    ),
    path(PATH + "publish/", views.PathViewSet.as_view({"post": "publish"}), name="learning-path-publish"),
    path(PATH + "copy/", views.PathViewSet.as_view({"post": "copy"}), name="learning-path-copy"),
    path(
        PATH + "steps/",
        views.StepViewSet.as_view({"get": "list", "post": "create"}),
        name="learning-step-list",
    ),
    path(
        STEP,
        views.StepViewSet.as_view({"get": "retrieve", "patch": "partial_update", "delete": "destroy"}),
        name="learning-step-detail",
    ),
    path(STEP + "move/", views.StepViewSet.as_view({"post": "move"}), name="learning-step-move"),
    path(
        STEP + "prerequisites/",
        views.StepViewSet.as_view({"put": "prerequisites"}),
        name="learning-step-prerequisites",
    ),
    path(STEP + "quiz/", views.StepViewSet.as_view({"put": "quiz"}), name="learning-step-quiz"),
    path(
        STEP + "complete/",
        progress.StepActionViewSet.as_view({"post": "complete"}),
        name="learning-step-complete",
    ),
    path(
        STEP + "submissions/",
        progress.StepActionViewSet.as_view({"post": "submit"}),
        name="learning-step-submit",
    ),
    path(
        STEP + "attempts/",
        progress.StepActionViewSet.as_view({"post": "attempt"}),
        name="learning-quiz-attempt",
    ),
    path(
        STEP + "attempts/answer/",
        progress.StepActionViewSet.as_view({"post": "answer"}),
        name="learning-quiz-answer",
    ),
    path(
        PATH + "mentors/",
        views.MentorViewSet.as_view({"get": "list", "post": "create"}),
        name="learning-mentor-list",
    ),
    path(
        PATH + "mentors/<int:membership_id>/",
        views.MentorViewSet.as_view({"delete": "destroy"}),
        name="learning-mentor-detail",
    ),
    path(
        PATH + "enrolments/",
        progress.EnrolmentViewSet.as_view({"get": "list", "post": "create"}),
        name="learning-enrolment-list",
    ),
    path(
        BASE + "submissions/",
        progress.SubmissionViewSet.as_view({"get": "list"}),
        name="learning-submission-list",
    ),
    path(
        BASE + "submissions/<int:submission_id>/",
        progress.SubmissionViewSet.as_view({"get": "retrieve"}),
        name="learning-submission-detail",
    ),
    path(
        BASE + "submissions/<int:submission_id>/review/",
        progress.SubmissionViewSet.as_view({"post": "review"}),
        name="learning-submission-review",
    ),
    path(BASE + "plan/", progress.PlanViewSet.as_view({"get": "plan"}), name="learning-plan"),
    path(
        BASE + "goals/",
        progress.PlanViewSet.as_view({"get": "list", "post": "create"}),
        name="learning-goal-list",
    ),
    path(
        BASE + "goals/reached/", progress.PlanViewSet.as_view({"post": "reach"}), name="learning-goal-reach"
    ),
    path(
        BASE + "goals/remove/", progress.PlanViewSet.as_view({"post": "remove"}), name="learning-goal-remove"
    ),
]

"""HTML routes of learning paths, progress, reviews and the plan (namespace "learning")."""

from django.urls import path

from learning.views import paths as views
from learning.views import progress

HOME = "c/<slug:slug>/learning/"
PATH = HOME + "paths/<int:path_id>/"
STEP = PATH + "steps/<int:path_step_id>/"

urlpatterns = [
    path(HOME, views.LearningHomeView.as_view(), name="home"),
    path(HOME + "plan/", progress.PlanView.as_view(), name="plan"),
    path(HOME + "reviews/", progress.ReviewQueueView.as_view(), name="reviews"),
    path(HOME + "reviews/<int:submission_id>/", progress.ReviewView.as_view(), name="review"),
    path(HOME + "paths/new/", views.PathCreateView.as_view(), name="path-create"),
    path(PATH, views.PathDetailView.as_view(), name="path"),
    path(PATH + "edit/", views.PathEditView.as_view(), name="path-edit"),
    path(PATH + "publish/", views.PathPublishView.as_view(), name="path-publish"),
    path(PATH + "copy/", views.PathCopyView.as_view(), name="path-copy"),
    path(PATH + "mentors/", views.MentorsView.as_view(), name="path-mentors"),
    path(PATH + "enrol/", progress.EnrolView.as_view(), name="path-enrol"),
    path(PATH + "progress/", progress.PathProgressView.as_view(), name="path-progress"),
    path(PATH + "steps/new/", views.StepCreateView.as_view(), name="step-create"),
    path(STEP, progress.StepDetailView.as_view(), name="step"),
    path(STEP + "edit/", views.StepEditView.as_view(), name="step-edit"),
    path(STEP + "move/", views.StepMoveView.as_view(), name="step-move"),
    path(STEP + "delete/", views.StepDeleteView.as_view(), name="step-delete"),
    path(STEP + "complete/", progress.StepCompleteView.as_view(), name="step-complete"),
    path(STEP + "quiz/start/", progress.QuizStartView.as_view(), name="quiz-start"),
    path(STEP + "quiz/", progress.QuizAnswerView.as_view(), name="quiz-answer"),
]

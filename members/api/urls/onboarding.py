from django.urls import path

from members.api.views import onboarding as views

steps = views.OnboardingStepViewSet

urlpatterns = [
    path(
        "onboarding/checklist/", views.ChecklistViewSet.as_view({"get": "list"}), name="onboarding-checklist"
    ),
    path(
        "onboarding/introductions/",
        views.IntroductionViewSet.as_view({"get": "list", "post": "create"}),
        name="onboarding-introductions",
    ),
    path("onboarding/steps/", steps.as_view({"get": "list", "post": "create"}), name="onboarding-step-list"),
    path(
        "onboarding/steps/customise/",
        steps.as_view({"post": "customise"}),
        name="onboarding-step-customise",
    ),
    path(
        "onboarding/steps/<int:onboarding_step_id>/",
        steps.as_view({"patch": "partial_update", "delete": "destroy"}),
        name="onboarding-step-detail",
    ),
    path(
        "onboarding/progress/",
        views.OnboardingProgressViewSet.as_view({"get": "retrieve"}),
        name="onboarding-progress",
    ),
]

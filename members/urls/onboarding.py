from django.urls import path

from members.views import onboarding as views

urlpatterns = [
    path("c/<slug:slug>/welcome/", views.WelcomeView.as_view(), name="welcome"),
    path("c/<slug:slug>/rules/", views.RulesView.as_view(), name="rules"),
    path("c/<slug:slug>/rules/accept/", views.RulesAcceptView.as_view(), name="rules-accept"),
    path("c/<slug:slug>/onboarding/", views.OnboardingProgressView.as_view(), name="onboarding-progress"),
    path(
        "c/<slug:slug>/settings/onboarding/",
        views.OnboardingSettingsView.as_view(),
        name="onboarding-settings",
    ),
    path(
        "c/<slug:slug>/settings/onboarding/<int:step_id>/",
        views.OnboardingStepEditView.as_view(),
        name="onboarding-step-edit",
    ),
]

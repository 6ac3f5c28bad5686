from django.urls import path

from content.api.views import critiques as views

urlpatterns = [
    path("rubric/", views.CriterionViewSet.as_view({"get": "list", "post": "create"}), name="criterion-list"),
    path(
        "rubric/<int:criterion_id>/",
        views.CriterionViewSet.as_view({"put": "update"}),
        name="criterion-detail",
    ),
    path(
        "critique-settings/",
        views.CritiqueSettingsViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="critique-settings",
    ),
    path("works/", views.WorkViewSet.as_view({"get": "list", "post": "create"}), name="work-list"),
    path("works/queue/", views.WorkViewSet.as_view({"get": "queue"}), name="work-queue"),
    path(
        "works/<int:work_id>/",
        views.WorkViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="work-detail",
    ),
    path(
        "works/<int:work_id>/critiques/",
        views.CritiqueViewSet.as_view({"get": "list", "post": "create"}),
        name="critique-list",
    ),
    path(
        "works/<int:work_id>/critiques/<int:critique_id>/helpful/",
        views.CritiqueViewSet.as_view({"post": "helpful"}),
        name="critique-helpful",
    ),
    path("credits/mine/", views.MyCreditsViewSet.as_view({"get": "retrieve"}), name="credits-mine"),
    path(
        "credits/mine/transactions/",
        views.MyCreditsViewSet.as_view({"get": "transactions"}),
        name="credits-mine-transactions",
    ),
    path("credits/", views.CreditAccountViewSet.as_view({"get": "list"}), name="credit-account-list"),
    path(
        "credits/<int:membership_id>/transactions/",
        views.CreditAccountViewSet.as_view({"get": "transactions"}),
        name="credit-account-transactions",
    ),
    path(
        "credits/<int:membership_id>/grant/",
        views.CreditAccountViewSet.as_view({"post": "grant"}),
        name="credit-account-grant",
    ),
]

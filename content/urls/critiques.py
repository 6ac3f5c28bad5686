from django.urls import path

from content.views import critiques as views

urlpatterns = [
    path("c/<slug:slug>/critiques/", views.WorkListView.as_view(), name="works"),
    path("c/<slug:slug>/critiques/new/", views.WorkCreateView.as_view(), name="work-create"),
    path("c/<slug:slug>/critiques/credits/", views.CreditsView.as_view(), name="credits"),
    path("c/<slug:slug>/critiques/manage/", views.CritiqueManageView.as_view(), name="critique-manage"),
    path(
        "c/<slug:slug>/critiques/manage/criteria/",
        views.CriterionCreateView.as_view(),
        name="criterion-create",
    ),
    path(
        "c/<slug:slug>/critiques/manage/criteria/<int:criterion_id>/",
        views.CriterionEditView.as_view(),
        name="criterion-edit",
    ),
    path(
        "c/<slug:slug>/critiques/manage/prices/",
        views.CritiqueSettingsView.as_view(),
        name="critique-settings",
    ),
    path(
        "c/<slug:slug>/critiques/manage/credits/<int:membership_id>/",
        views.MemberLedgerView.as_view(),
        name="member-ledger",
    ),
    path("c/<slug:slug>/critiques/manage/grant/", views.CreditsGrantView.as_view(), name="credits-grant"),
    path("c/<slug:slug>/critiques/<int:work_id>/", views.WorkDetailView.as_view(), name="work-detail"),
    path("c/<slug:slug>/critiques/<int:work_id>/edit/", views.WorkEditView.as_view(), name="work-edit"),
    path(
        "c/<slug:slug>/critiques/<int:work_id>/critiques/<int:critique_id>/helpful/",
        views.CritiqueHelpfulView.as_view(),
        name="critique-helpful",
    ),
]

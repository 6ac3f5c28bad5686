from django.urls import path

from members.views import relationships as views

urlpatterns = [
    path("c/<slug:slug>/relationships/", views.RelationshipListView.as_view(), name="relationships"),
    path(
        "c/<slug:slug>/relationships/<int:membership_id>/",
        views.RelationshipDetailView.as_view(),
        name="relationship-detail",
    ),
    path(
        "c/<slug:slug>/relationships/<int:membership_id>/touchpoints/",
        views.TouchpointCreateView.as_view(),
        name="touchpoint-create",
    ),
    path(
        "c/<slug:slug>/relationships/<int:membership_id>/cadence/",
        views.CadenceSetView.as_view(),
        name="cadence-set",
    ),
    path(
        "c/<slug:slug>/relationships/<int:membership_id>/cadence/clear/",
        views.CadenceClearView.as_view(),
        name="cadence-clear",
    ),
]

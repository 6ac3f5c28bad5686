"""Routes under /api/v1/communities/<community_slug>/ (included by config/urls.py, namespace "api")."""

from django.urls import path

from members.api.views import membership as views

urlpatterns = [
    path(
        "membership/",
        views.MembershipViewSet.as_view({"get": "retrieve", "post": "create", "delete": "destroy"}),
        name="membership",
    ),
    path(
        "membership/accept-rules/",
        views.MembershipViewSet.as_view({"post": "accept_rules"}),
        name="membership-accept-rules",
    ),
    path("members/", views.MemberViewSet.as_view({"get": "list"}), name="member-list"),
    path("members/export/", views.MemberViewSet.as_view({"get": "export"}), name="member-export"),
]

"""Recruitment routes under /api/v1/communities/<community_slug>/."""

from django.urls import path

from members.api.views import recruitment as views

urlpatterns = [
    path(
        "invitations/",
        views.InvitationViewSet.as_view({"get": "list", "post": "create"}),
        name="invitation-list",
    ),
    path(
        "invitations/accept/",
        views.InvitationAcceptViewSet.as_view({"post": "create"}),
        name="invitation-accept",
    ),
    path(
        "invitations/<int:invitation_id>/",
        views.InvitationViewSet.as_view({"get": "retrieve"}),
        name="invitation-detail",
    ),
    path(
        "invitations/<int:invitation_id>/revoke/",
        views.InvitationViewSet.as_view({"post": "revoke"}),
        name="invitation-revoke",
    ),
    path(
        "invitations/<int:invitation_id>/uses/",
        views.InvitationViewSet.as_view({"get": "uses"}),
        name="invitation-uses",
    ),
    path(
        "join-links/", views.JoinLinkViewSet.as_view({"get": "list", "post": "create"}), name="join-link-list"
    ),
    path(
        "join-links/<int:join_link_id>/",
        views.JoinLinkViewSet.as_view({"get": "retrieve"}),
        name="join-link-detail",
    ),
    path(
        "join-links/<int:join_link_id>/retire/",
        views.JoinLinkViewSet.as_view({"post": "retire"}),
        name="join-link-retire",
    ),
    path(
        "join-links/<int:join_link_id>/qr/",
        views.JoinLinkViewSet.as_view({"get": "qr"}),
        name="join-link-qr",
    ),
    path("referral/", views.ReferralViewSet.as_view({"get": "retrieve", "post": "create"}), name="referral"),
    path("growth/", views.GrowthViewSet.as_view({"get": "retrieve"}), name="growth"),
]

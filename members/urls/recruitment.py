from django.urls import path

from members.views import recruitment as views

urlpatterns = [
    path("c/<slug:slug>/invite/<str:code>/", views.InviteView.as_view(), name="invite"),
    path("c/<slug:slug>/join/code/", views.InvitationCodeView.as_view(), name="invitation-code"),
    path("c/<slug:slug>/j/<str:code>/", views.JoinLinkView.as_view(), name="join-link"),
    path("c/<slug:slug>/referral/", views.ReferralView.as_view(), name="referral"),
    path("c/<slug:slug>/settings/invitations/", views.InvitationListView.as_view(), name="invitations"),
    path(
        "c/<slug:slug>/settings/invitations/<int:invitation_id>/",
        views.InvitationDetailView.as_view(),
        name="invitation-detail",
    ),
    path(
        "c/<slug:slug>/settings/invitations/<int:invitation_id>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation-revoke",
    ),
    path("c/<slug:slug>/settings/join-links/", views.JoinLinkListView.as_view(), name="join-links"),
    path(
        "c/<slug:slug>/settings/join-links/<int:join_link_id>/retire/",
        views.JoinLinkRetireView.as_view(),
        name="join-link-retire",
    ),
    path(
        "c/<slug:slug>/settings/join-links/<int:join_link_id>/qr.png",
        views.JoinLinkQRView.as_view(),
        name="join-link-qr",
    ),
    path("c/<slug:slug>/settings/growth/", views.GrowthView.as_view(), name="growth"),
]

from django.urls import path

from members.views import roles as views

urlpatterns = [
    path("c/<slug:slug>/people/", views.PeopleView.as_view(), name="people"),
    path(
        "c/<slug:slug>/people/<int:membership_id>/role/", views.MemberRoleView.as_view(), name="member-role"
    ),
    path(
        "c/<slug:slug>/people/<int:membership_id>/transfer-ownership/",
        views.TransferOwnershipView.as_view(),
        name="member-transfer",
    ),
    path(
        "c/<slug:slug>/people/<int:membership_id>/remove/",
        views.MemberRemoveView.as_view(),
        name="member-remove",
    ),
]

from django.urls import path

from members.api.views import roles as views

urlpatterns = [
    path("people/", views.RoleViewSet.as_view({"get": "list"}), name="people-list"),
    path(
        "members/<int:membership_id>/role/", views.RoleViewSet.as_view({"patch": "role"}), name="member-role"
    ),
    path(
        "members/<int:membership_id>/transfer-ownership/",
        views.RoleViewSet.as_view({"post": "transfer_ownership"}),
        name="member-transfer-ownership",
    ),
    path(
        "members/<int:membership_id>/remove/",
        views.RoleViewSet.as_view({"post": "remove"}),
        name="member-remove",
    ),
]

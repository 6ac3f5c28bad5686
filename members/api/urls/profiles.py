from django.urls import path

from members.api.views import profiles as views

notes = views.MemberNoteViewSet
tags = views.MemberTagViewSet

urlpatterns = [
    path("profile/", views.MyProfileViewSet.as_view({"get": "retrieve", "put": "update"}), name="my-profile"),
    path(
        "members/<int:membership_id>/profile/",
        views.MemberProfileViewSet.as_view({"get": "retrieve"}),
        name="member-profile",
    ),
    path(
        "members/<int:membership_id>/notes/",
        notes.as_view({"get": "list", "post": "create"}),
        name="member-note-list",
    ),
    path(
        "members/<int:membership_id>/notes/<int:note_id>/",
        notes.as_view({"delete": "destroy"}),
        name="member-note-detail",
    ),
    path(
        "members/<int:membership_id>/tags/",
        tags.as_view({"get": "list", "post": "create"}),
        name="member-tag-list",
    ),
    path(
        "members/<int:membership_id>/tags/<int:tag_id>/",
        tags.as_view({"delete": "destroy"}),
        name="member-tag-detail",
    ),
]

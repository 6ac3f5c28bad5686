from django.urls import path

from members.views import profiles as views

urlpatterns = [
    path("c/<slug:slug>/members/", views.MemberDirectoryView.as_view(), name="directory"),
    path("c/<slug:slug>/members/export.csv", views.MemberExportView.as_view(), name="directory-export"),
    path("c/<slug:slug>/members/<int:membership_id>/", views.MemberProfileView.as_view(), name="profile"),
    path("c/<slug:slug>/members/<int:membership_id>/notes/", views.NoteAddView.as_view(), name="note-add"),
    path(
        "c/<slug:slug>/members/<int:membership_id>/notes/<int:note_id>/delete/",
        views.NoteDeleteView.as_view(),
        name="note-delete",
    ),
    path("c/<slug:slug>/members/<int:membership_id>/tags/", views.TagAddView.as_view(), name="tag-add"),
    path(
        "c/<slug:slug>/members/<int:membership_id>/tags/<int:tag_id>/delete/",
        views.TagRemoveView.as_view(),
        name="tag-remove",
    ),
    path("c/<slug:slug>/profile/", views.ProfileEditView.as_view(), name="profile-edit"),
]

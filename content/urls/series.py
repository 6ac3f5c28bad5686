"""HTML routes of series under c/<slug>/."""

from django.urls import path

from content.views import series as views

urlpatterns = [
    path("c/<slug:slug>/series/", views.SeriesListView.as_view(), name="series-list"),
    path("c/<slug:slug>/series/new/", views.SeriesCreateView.as_view(), name="series-create"),
    path("c/<slug:slug>/series/<int:series_id>/", views.SeriesDetailView.as_view(), name="series-detail"),
    path("c/<slug:slug>/series/<int:series_id>/edit/", views.SeriesEditView.as_view(), name="series-edit"),
    path(
        "c/<slug:slug>/series/<int:series_id>/delete/", views.SeriesDeleteView.as_view(), name="series-delete"
    ),
    path(
        "c/<slug:slug>/series/<int:series_id>/posts/<int:post_id>/move/",
        views.SeriesMoveView.as_view(),
        name="series-move",
    ),
]

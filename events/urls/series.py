from django.urls import path

from events.views import series as views

urlpatterns = [
    path(
        "c/<slug:slug>/events/series/<int:event_series_id>/",
        views.SeriesDetailView.as_view(),
        name="series",
    ),
]

"""Series API routes under /api/v1/communities/<community_slug>/."""

from django.urls import path

from content.api.views import series as views

urlpatterns = [
    path("series/", views.SeriesViewSet.as_view({"get": "list", "post": "create"}), name="series-list"),
    path(
        "series/<int:series_id>/",
        views.SeriesViewSet.as_view({"get": "retrieve", "patch": "partial_update", "delete": "destroy"}),
        name="series-detail",
    ),
    path("series/<int:series_id>/posts/", views.SeriesViewSet.as_view({"get": "posts"}), name="series-posts"),
    path(
        "series/<int:series_id>/order/", views.SeriesViewSet.as_view({"post": "order"}), name="series-order"
    ),
]

from django.urls import path

from learning.api.views import resources as views

LIBRARY = "learning/resources/"
RESOURCE = LIBRARY + "<int:resource_id>/"
FEATURED = LIBRARY + "featured/"

urlpatterns = [
    path(LIBRARY, views.ResourceViewSet.as_view({"get": "list", "post": "create"}), name="resource-list"),
    path(
        LIBRARY + "broken/", views.BrokenResourceViewSet.as_view({"get": "list"}), name="resource-broken-list"
    ),
    path(
        FEATURED,
        views.FeaturedListViewSet.as_view({"get": "list", "post": "create"}),
        name="resource-featured-list",
    ),
    path(
        FEATURED + "<int:featured_list_id>/",
        views.FeaturedListViewSet.as_view({"get": "retrieve", "put": "update", "delete": "destroy"}),
        name="resource-featured-detail",
    ),
    path(
        RESOURCE,
        views.ResourceViewSet.as_view({"get": "retrieve", "patch": "partial_update", "delete": "destroy"}),
        name="resource-detail",
    ),
    path(RESOURCE + "ratings/", views.RatingViewSet.as_view({"get": "list"}), name="resource-rating-list"),
    path(
        RESOURCE + "ratings/mine/",
        views.RatingViewSet.as_view({"put": "update", "delete": "destroy"}),
        name="resource-rating-mine",
    ),
]

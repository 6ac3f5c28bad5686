from django.urls import path

from learning.views import resources as views

LIBRARY = "c/<slug:slug>/learning/resources/"
RESOURCE = LIBRARY + "<int:resource_id>/"
FEATURED = LIBRARY + "featured/<int:featured_list_id>/"

urlpatterns = [
    path(LIBRARY, views.ResourceLibraryView.as_view(), name="resources"),
    path(LIBRARY + "new/", views.ResourceCreateView.as_view(), name="resource-new"),
    path(LIBRARY + "broken/", views.BrokenLinksView.as_view(), name="resource-broken"),
    path(LIBRARY + "featured/", views.FeaturedListsView.as_view(), name="resource-featured"),
    path(FEATURED, views.FeaturedListEditView.as_view(), name="resource-featured-edit"),
    path(FEATURED + "items/", views.FeaturedItemsView.as_view(), name="resource-featured-items"),
    path(FEATURED + "delete/", views.FeaturedListDeleteView.as_view(), name="resource-featured-delete"),
    path(RESOURCE, views.ResourceDetailView.as_view(), name="resource"),
    path(RESOURCE + "edit/", views.ResourceEditView.as_view(), name="resource-edit"),
    path(RESOURCE + "delete/", views.ResourceDeleteView.as_view(), name="resource-delete"),
    path(RESOURCE + "rating/delete/", views.RatingDeleteView.as_view(), name="resource-rating-delete"),
]

from django.urls import path

from content.api.views import search as views

urlpatterns = [
    path("search/", views.SearchViewSet.as_view({"get": "list"}), name="search"),
]

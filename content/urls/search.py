from django.urls import path

from content.views import search as views

urlpatterns = [
    path("c/<slug:slug>/search/", views.SearchView.as_view(), name="search"),
]

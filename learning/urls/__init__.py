"""HTML routes of learning (namespace "learning"), one module per sub-domain, all under c/<slug>/.

Each sub-domain's module (paths, resources, mentoring) adds its `urlpatterns` here."""

from learning.urls import paths, resources

app_name = "learning"

urlpatterns: list = [
    *paths.urlpatterns,
    *resources.urlpatterns,
]

"""Learning API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module each.

Each sub-domain's module (paths, resources, mentoring) adds its `urlpatterns` here."""

from learning.api.urls import paths, resources

urlpatterns: list = [
    *paths.urlpatterns,
    *resources.urlpatterns,
]

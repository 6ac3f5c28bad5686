"""Learning API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module each.

Each sub-domain's module (paths, resources, mentoring) adds its `urlpatterns` here."""

from learning.api.urls import resources

urlpatterns: list = [
    *resources.urlpatterns,
]

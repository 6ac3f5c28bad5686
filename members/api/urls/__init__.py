"""API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module per sub-domain."""

from members.api.urls import applications, membership

urlpatterns = [*membership.urlpatterns, *applications.urlpatterns]

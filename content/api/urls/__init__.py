"""Content API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module per sub-domain."""

urlpatterns = []

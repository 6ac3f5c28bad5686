"""API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module per sub-domain."""

from members.api.urls import applications, membership, onboarding, profiles

urlpatterns = [
    *profiles.urlpatterns,
    *onboarding.urlpatterns,
    *membership.urlpatterns,
    *applications.urlpatterns,
]

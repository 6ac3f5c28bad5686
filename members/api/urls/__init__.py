"""API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module per sub-domain."""

from members.api.urls import applications, membership, onboarding, policy, profiles, relationships

urlpatterns = [
    *profiles.urlpatterns,
    *onboarding.urlpatterns,
    *membership.urlpatterns,
    *applications.urlpatterns,
    *policy.urlpatterns,
    *relationships.urlpatterns,
]

"""API routes under /api/v1/communities/<community_slug>/ (namespace "api"), one module per sub-domain."""

from members.api.urls import (
    applications,
    audit,
    membership,
    moderation,
    onboarding,
    policy,
    profiles,
    recruitment,
    relationships,
    roles,
)

urlpatterns = [
    *profiles.urlpatterns,
    *onboarding.urlpatterns,
    *membership.urlpatterns,
    *applications.urlpatterns,
    *roles.urlpatterns,
    *moderation.urlpatterns,
    *audit.urlpatterns,
    *policy.urlpatterns,
    *relationships.urlpatterns,
    *recruitment.urlpatterns,
]

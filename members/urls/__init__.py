"""HTML routes of the people side (namespace "members"), one module per sub-domain."""

from members.urls import (
    applications,
    audit,
    manage,
    membership,
    moderation,
    onboarding,
    policy,
    profiles,
    recruitment,
    relationships,
    roles,
)

app_name = "members"

urlpatterns = [
    *profiles.urlpatterns,
    *onboarding.urlpatterns,
    *membership.urlpatterns,
    *applications.urlpatterns,
    *roles.urlpatterns,
    *moderation.urlpatterns,
    *audit.urlpatterns,
    *manage.urlpatterns,
    *policy.urlpatterns,
    *relationships.urlpatterns,
    *recruitment.urlpatterns,
]

"""HTML routes of the people side (namespace "members"), one module per sub-domain."""

from members.urls import applications, membership, onboarding, policy, profiles, relationships

app_name = "members"

urlpatterns = [
    *profiles.urlpatterns,
    *onboarding.urlpatterns,
    *membership.urlpatterns,
    *applications.urlpatterns,
    *policy.urlpatterns,
    *relationships.urlpatterns,
]

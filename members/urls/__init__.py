"""HTML routes of the people side (namespace "members"), one module per sub-domain."""

from members.urls import applications, membership

app_name = "members"

urlpatterns = [*membership.urlpatterns, *applications.urlpatterns]

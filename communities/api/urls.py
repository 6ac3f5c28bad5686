"""Routes of /api/v1/communities/... (included under the "api" namespace by config/urls.py).

Everything under `communities/<community_slug>/` is resolved by CommunityViewSet; id arguments are named
after their model (`rule_id`) so that tests/security/test_route_matrix.py knows how to fill them.
"""

from django.urls import path

from communities.api import notifications, views

community_list = views.CommunityListViewSet.as_view({"get": "list", "post": "create"})
community_detail = views.CommunityDetailViewSet.as_view(
    {"get": "retrieve", "patch": "partial_update", "delete": "destroy"}
)
rule_list = views.RuleViewSet.as_view({"get": "list", "post": "create"})
rule_detail = views.RuleViewSet.as_view({"get": "retrieve", "patch": "partial_update", "delete": "destroy"})

urlpatterns = [
    path(
        "notifications/",
        notifications.NotificationViewSet.as_view({"get": "list"}),
        name="notification-list",
    ),
    path(
        "notifications/<int:notification_id>/read/",
        notifications.NotificationViewSet.as_view({"post": "read"}),
        name="notification-read",
    ),
    path(
        "notifications/read-all/",
        notifications.NotificationViewSet.as_view({"post": "read_all"}),
        name="notification-read-all",
    ),
    path(
        "communities/<slug:community_slug>/notifications/preferences/",
        notifications.PreferenceViewSet.as_view({"get": "list", "post": "create"}),
        name="notification-preferences",
    ),
    path("communities/", community_list, name="community-list"),
    path("communities/<slug:community_slug>/", community_detail, name="community-detail"),
    path(
        "communities/<slug:community_slug>/archive/",
        views.CommunityDetailViewSet.as_view({"post": "archive"}),
        name="community-archive",
    ),
    path(
        "communities/<slug:community_slug>/unarchive/",
        views.CommunityDetailViewSet.as_view({"post": "unarchive"}),
        name="community-unarchive",
    ),
    path("communities/<slug:community_slug>/rules/", rule_list, name="rule-list"),
    path(
        "communities/<slug:community_slug>/rules/reorder/",
        views.RuleViewSet.as_view({"post": "reorder"}),
        name="rule-reorder",
    ),
    path(
        "communities/<slug:community_slug>/rules/versions/",
        views.RulesVersionViewSet.as_view({"get": "list"}),
        name="rules-version-list",
    ),
    path(
        "communities/<slug:community_slug>/rules/versions/current/",
        views.RulesVersionViewSet.as_view({"get": "current"}),
        name="rules-version-current",
    ),
    path("communities/<slug:community_slug>/rules/<int:rule_id>/", rule_detail, name="rule-detail"),
]

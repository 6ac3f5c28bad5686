from django.urls import path

from members.api.views import relationships as views

urlpatterns = [
    path("relationships/", views.RelationshipViewSet.as_view({"get": "list"}), name="relationship-list"),
    path(
        "relationships/<int:membership_id>/touchpoints/",
        views.TouchpointViewSet.as_view({"get": "list", "post": "create"}),
        name="touchpoint-list",
    ),
    path(
        "relationships/<int:membership_id>/cadence/",
        views.CadenceViewSet.as_view({"put": "update", "delete": "destroy"}),
        name="cadence-detail",
    ),
]

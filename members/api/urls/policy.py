from django.urls import path

from members.api.views import policy as views

urlpatterns = [
    path(
        "member-policy/",
        views.MemberPolicyViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="member-policy",
    ),
]

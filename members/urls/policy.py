from django.urls import path

from members.views import policy as views

urlpatterns = [
    path("c/<slug:slug>/settings/members/", views.MemberPolicyView.as_view(), name="policy"),
]

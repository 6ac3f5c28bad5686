from django.urls import path

from members.views import membership as views

urlpatterns = [
    path("c/<slug:slug>/join/", views.JoinView.as_view(), name="join"),
    path("c/<slug:slug>/leave/", views.LeaveView.as_view(), name="leave"),
]

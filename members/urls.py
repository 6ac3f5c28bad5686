from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("c/<slug:slug>/join/", views.JoinView.as_view(), name="join"),
    path("c/<slug:slug>/leave/", views.LeaveView.as_view(), name="leave"),
]

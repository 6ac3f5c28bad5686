from django.urls import path

from members.views import manage as views

urlpatterns = [path("c/<slug:slug>/manage/", views.ManageView.as_view(), name="manage")]

from django.urls import path

from members.views import audit as views

urlpatterns = [
    path("c/<slug:slug>/audit/", views.AuditLogView.as_view(), name="audit"),
    path("c/<slug:slug>/audit/export.csv", views.AuditExportView.as_view(), name="audit-export"),
]

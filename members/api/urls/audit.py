from django.urls import path

from members.api.views import audit as views

urlpatterns = [
    path("audit-log/", views.AuditLogViewSet.as_view({"get": "list"}), name="audit-log"),
    path("audit-log/export/", views.AuditLogViewSet.as_view({"get": "export"}), name="audit-log-export"),
]

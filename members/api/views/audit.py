"""The audit log, read-only: filters and cursor pagination (newest first)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from communities.api.base import CommunityViewSet, CsvExportMixin
from communities.api.pagination import NewestFirstCursorPagination
from communities.csvexport import EXPORT_DESCRIPTION, csv_response
from members.api.serializers.audit import AuditLogEntryOutputSerializer
from members.forms.audit import AuditLogFilter
from members.models import AuditLogEntry
from members.selectors.audit import audit_list
from members.selectors.exports import audit_export


class AuditCursorPagination(NewestFirstCursorPagination):
    ordering = ("-created_at", "-id")


@extend_schema_view(
    list=extend_schema(summary=_("The audit log: every vetting, role and moderation decision"))
)
class AuditLogViewSet(CsvExportMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = AuditLogEntry.objects.none()  # names the model for the schema; rows come from the selector
    serializer_class = AuditLogEntryOutputSerializer
    capability = {"list": "view_audit_log", "export": "view_audit_log"}
    filterset_class = AuditLogFilter
    pagination_class = AuditCursorPagination
    search_fields = []
    ordering_fields = []

    def get_queryset(self):
        return audit_list(community=self.request.community)

    @extend_schema(
        summary=_("The audit log as CSV, with the same filters (the site's export)"),
        description=EXPORT_DESCRIPTION,
        responses={(200, "text/csv"): OpenApiTypes.STR},
    )
    def export(self, request, community_slug):
        entries = self.filter_queryset(self.get_queryset())
        return csv_response(audit_export(community=request.community, entries=entries))

"""The audit log, read-only: filters and cursor pagination (newest first)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from communities.api.base import CommunityViewSet
from communities.api.pagination import NewestFirstCursorPagination
from members.api.serializers.audit import AuditLogEntryOutputSerializer
from members.forms.audit import AuditLogFilter
from members.models import AuditLogEntry
from members.selectors.audit import audit_list


class AuditCursorPagination(NewestFirstCursorPagination):
    ordering = ("-created_at", "-id")


@extend_schema_view(
    list=extend_schema(summary=_("The audit log: every vetting, role and moderation decision"))
)
class AuditLogViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = AuditLogEntry.objects.none()  # names the model for the schema; rows come from the selector
    serializer_class = AuditLogEntryOutputSerializer
    capability = {"list": "view_audit_log"}
    filterset_class = AuditLogFilter
    pagination_class = AuditCursorPagination
    search_fields = []
    ordering_fields = []

    def get_queryset(self):
        return audit_list(community=self.request.community)

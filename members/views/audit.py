"""The audit log page and its CSV export (same filters); read-only, like every path to the log."""

from django.core.paginator import Paginator
from django.views import View
from django.views.generic import TemplateView

from communities.csvexport import csv_response
from communities.mixins import CommunityMixin
from members.forms.audit import AuditLogFilter
from members.selectors.audit import audit_list
from members.selectors.exports import audit_export

PAGE_SIZE = 50


class AuditMixin(CommunityMixin):
    capability = "view_audit_log"

    def filtered(self) -> AuditLogFilter:
        return AuditLogFilter(self.request.GET or None, queryset=audit_list(community=self.community))


class AuditLogView(AuditMixin, TemplateView):
    template_name = "members/audit/log.html"

    def get_context_data(self, **kwargs):
        filterset = self.filtered()
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=filterset, page=page, query=query.urlencode(), **kwargs)


class AuditExportView(AuditMixin, View):
    """CSV of the filtered log, streamed row by row (an invalid filter exports the whole log)."""

    def get(self, request, *args, **kwargs):
        return csv_response(audit_export(community=self.community, entries=self.filtered().qs))

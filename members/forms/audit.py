"""The audit log's filters: one FilterSet for the HTML page, its CSV export and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateFilter
from communities.filters import IdFilter
from members.models import AuditLogEntry


class AuditLogFilter(django_filters.FilterSet):
    action = django_filters.CharFilter(label=_("Action"), help_text=_("For example member.banned"))
    actor = django_filters.CharFilter(
        field_name="actor__username", label=_("By (username)"), help_text=_("Who took the decision.")
    )
    subject = IdFilter(
        field_name="subject_id", label=_("Member (membership id)"), widget=forms.NumberInput(attrs={"min": 1})
    )
    since = BoundedDateFilter(field_name="created_at", lookup_expr="date__gte", label=_("From"))
    until = BoundedDateFilter(field_name="created_at", lookup_expr="date__lte", label=_("Until"))

    class Meta:
        model = AuditLogEntry
        fields = ["action", "actor", "subject", "since", "until"]

"""django-filter filter sets of the communities API."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import filters

from communities.models import Community
from communities.roles import MembershipStatus


class CommunityFilter(django_filters.FilterSet):
    mine = django_filters.BooleanFilter(
        method="filter_mine", label=_("Only communities where I am an active member")
    )

    class Meta:
        model = Community
        fields = ["skill_domain", "visibility", "join_policy", "status"]

    def filter_mine(self, queryset, name, value):
        """Uses the `my_status` annotation of the list, so it costs no extra join."""
        if value:
            return queryset.filter(my_status=MembershipStatus.ACTIVE)
        return queryset


class SearchFilter(filters.SearchFilter):
    """DRF's search, documented only on views that name `search_fields` (elsewhere it does nothing)."""

    def get_schema_operation_parameters(self, view):
        if not getattr(view, "search_fields", None):
            return []
        return super().get_schema_operation_parameters(view)


class OrderingFilter(filters.OrderingFilter):
    """DRF's ordering, closed by default: a view names its `ordering_fields`, and the schema lists the values
    (each field, ascending or with `-` descending) as an enum."""

    def get_valid_fields(self, queryset, view, context=None):
        if not getattr(view, "ordering_fields", None):
            return []
        return super().get_valid_fields(queryset, view, context or {})

    def get_schema_operation_parameters(self, view):
        fields = getattr(view, "ordering_fields", None)
        if not fields:
            return []
        parameters = super().get_schema_operation_parameters(view)
        values = [value for field in fields for value in (field, f"-{field}")]
        for parameter in parameters:
            parameter["schema"] = {"type": "string", "enum": values}
        return parameters

import django_filters

from communities.dates import BoundedDateFilter
from members.models import Application


class ApplicationFilter(django_filters.FilterSet):
    submitted_from = BoundedDateFilter(field_name="created_at", lookup_expr="date__gte")
    submitted_to = BoundedDateFilter(field_name="created_at", lookup_expr="date__lte")

    class Meta:
        model = Application
        fields = ["status"]

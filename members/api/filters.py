import django_filters

from members.models import Application


class ApplicationFilter(django_filters.FilterSet):
    submitted_from = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    submitted_to = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")

    class Meta:
        model = Application
        fields = ["status"]

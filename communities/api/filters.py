"""django-filter filter sets of the communities API."""

import django_filters
from django.utils.translation import gettext_lazy as _

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

import django_filters

from members.models import Membership


class MemberFilter(django_filters.FilterSet):
    class Meta:
        model = Membership
        fields = ["role"]

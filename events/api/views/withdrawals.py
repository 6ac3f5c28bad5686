"""Withdrawals over the API (decision 0030): an entry's members withdraw it before the deadline, the
operators disqualify it with a reason until the results are published, and list the withdrawn entries
(their record). A withdrawn entry is found by the operators and its own members only."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from events.api.serializers import competitions as s
from events.api.views.competitions import MANAGE, CompetitionMixin
from events.models import Entry
from events.selectors import competitions as selectors
from events.services.competitions import entries as entry_services


@extend_schema_view(
    list=extend_schema(summary=_("Withdrawn and disqualified entries, most recent first (operators)")),
)
class EntryWithdrawalViewSet(CompetitionMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Entry.objects.none()
    serializer_class = s.EntryOutputSerializer
    capability = {"list": MANAGE, "withdraw": "participate", "disqualify": MANAGE}
    filter_backends = []  # most recently withdrawn first
    paginated_actions = ("list",)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["results_shown"] = False  # a withdrawn entry has no place
        return context

    def get_queryset(self):
        return selectors.withdrawn_entry_list(community=self.request.community, event=self.event)

    def respond(self, entry):
        entry = selectors.entry_get(
            community=self.request.community,
            event=self.event,
            entry_id=entry.pk,
            membership=self.request.membership,
        )
        return Response(self.get_serializer(entry).data)

    @extend_schema(
        summary=_("Withdraw my entry (its members, before the deadline; final for this competition)"),
        request=None,
        responses={200: s.EntryOutputSerializer},
    )
    def withdraw(self, request, community_slug, event_id, entry_id):
        entry = entry_services.entry_withdraw(
            actor=request.user, community=request.community, entry=self.entry()
        )
        return self.respond(entry)

    @extend_schema(
        summary=_("Disqualify an entry with a reason its members are told (until the results are published)"),
        request=s.DisqualifyInputSerializer,
        responses={200: s.EntryOutputSerializer},
    )
    def disqualify(self, request, community_slug, event_id, entry_id):
        entry = self.entry()
        serializer = s.DisqualifyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry = entry_services.entry_disqualify(
            actor=request.user, community=request.community, entry=entry, **serializer.validated_data
        )
        return self.respond(entry)

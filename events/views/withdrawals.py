"""Pages that take an entry out of a competition (decision 0030): its members withdraw it before the
deadline (a confirmation on the entry's page posts here), the operators disqualify it with a reason
until the results are published (a page with the form). The entry's row stays; operators list the
withdrawn entries on the judging page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from communities.mixins import ServiceFormMixin
from events.forms.competitions import DisqualifyForm
from events.services.competitions import entries as entry_services
from events.views.competitions import MANAGE, CompetitionMixin


class EntryWithdrawView(CompetitionMixin, View):
    """POST: a member of the entry withdraws it (the other members of a team are told)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        entry_services.entry_withdraw(actor=request.user, community=self.community, entry=self.entry)
        messages.success(request, _("Your entry is withdrawn from the competition."))
        return self.back()


class EntryDisqualifyView(CompetitionMixin, ServiceFormMixin, FormView):
    """The operators disqualify an entry: the reason goes to its members, in their notice."""

    capability = MANAGE
    template_name = "events/competitions/disqualify.html"
    form_class = DisqualifyForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, entry=self.entry, **kwargs)

    def perform(self, form):
        entry_services.entry_disqualify(
            actor=self.request.user, community=self.community, entry=self.entry, **form.cleaned_data
        )
        messages.success(self.request, _("The entry is disqualified and its members are told why."))
        return redirect("events:competition-manage", slug=self.community.slug, event_id=self.event.pk)

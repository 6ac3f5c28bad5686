"""HTML pages to join and leave a community."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from communities.arrival import RememberArrivalMixin, arrival_for, forget_arrival
from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.selectors import rule_list, rules_version_current
from members.forms.membership import JoinForm
from members.forms.recruitment import InvitationCodeForm
from members.services import membership_leave
from members.services.recruitment import membership_join_from


class JoinView(CommunityMixin, RememberArrivalMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    """Show the current rules and a required acceptance checkbox (open communities), or the way in for the
    others: an invitation code, or the application. The join records where the visitor arrived from."""

    capability = PUBLIC  # signed in; the service decides (join policy, bans, rules acceptance)
    template_name = "members/join.html"
    form_class = JoinForm

    @cached_property
    def rules_version(self):
        return rules_version_current(community=self.community)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rules_version": self.rules_version}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rules=rule_list(community=self.community),
            rules_version=self.rules_version,
            code_form=InvitationCodeForm(),
        )
        return context

    def perform(self, form):
        membership_join_from(
            actor=self.request.user,
            community=self.community,
            accepted_rules_version=form.accepted_version(),
            arrival=arrival_for(self.request, self.community),
        )
        forget_arrival(self.request, self.community)
        messages.success(self.request, _("Welcome to %(name)s!") % {"name": self.community.name})
        return redirect("communities:home", slug=self.community.slug)


class LeaveView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    capability = PUBLIC  # signed in; the service refuses non-members and the last owner
    template_name = "members/leave.html"
    form_class = forms.Form

    def perform(self, form):
        membership_leave(actor=self.request.user, community=self.community)
        messages.success(self.request, _("You have left %(name)s.") % {"name": self.community.name})
        return redirect("communities:home", slug=self.community.slug)

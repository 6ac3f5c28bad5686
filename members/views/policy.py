"""The member-policy settings tab: vetting cool-down, welcome, skill scale, trust ladder, post limits."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from members.forms.policy import policy_forms
from members.selectors.policy import policy_for
from members.services.policy import member_policy_update


class MemberPolicyView(CommunityMixin, ServiceFormMixin, TemplateView):
    """One page, several forms (main, trust thresholds, post limits); a service refusal shows on the main."""

    capability = "manage_community"
    template_name = "members/policy/settings.html"

    def get(self, request, *args, **kwargs):
        self.forms = policy_forms(self._policy())
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.forms = main, thresholds, limits = policy_forms(self._policy(), request.POST)
        every_form = [main, *thresholds.values(), *limits.values()]
        if all(form.is_valid() for form in every_form):
            return self.form_valid(main)
        return self.form_invalid(main)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data())

    def perform(self, form):
        _main, thresholds, limits = self.forms
        member_policy_update(
            actor=self.request.user,
            community=self.community,
            **form.cleaned_data,
            trust_thresholds={level: sub.cleaned_data for level, sub in thresholds.items()},
            new_member_limits={level: sub.cleaned_data for level, sub in limits.items()},
        )
        messages.success(self.request, _("The member policy is saved."))
        return redirect("members:policy", slug=self.community.slug)

    def _policy(self):
        return policy_for(community=self.community)

    def get_context_data(self, **kwargs):
        main, thresholds, limits = self.forms
        return super().get_context_data(
            tab="members",
            form=main,
            threshold_forms=sorted(thresholds.items()),
            limit_forms=sorted(limits.items()),
            **kwargs,
        )

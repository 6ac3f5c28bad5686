"""The member-policy settings tab: vetting cool-down, welcome, skill scale, trust ladder, post limits."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from communities.errors import DomainError
from communities.mixins import CommunityMixin, add_service_errors
from members.forms.policy import policy_forms
from members.selectors.policy import policy_for
from members.services.policy import member_policy_update


class MemberPolicyView(CommunityMixin, TemplateView):
    capability = "manage_community"
    template_name = "members/policy/settings.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(forms=policy_forms(self._policy())))

    def post(self, request, *args, **kwargs):
        main, thresholds, limits = forms = policy_forms(self._policy(), request.POST)
        every_form = [main, *thresholds.values(), *limits.values()]
        if all(form.is_valid() for form in every_form):
            try:
                member_policy_update(
                    actor=request.user,
                    community=self.community,
                    **main.cleaned_data,
                    trust_thresholds={level: form.cleaned_data for level, form in thresholds.items()},
                    new_member_limits={level: form.cleaned_data for level, form in limits.items()},
                )
            except (DomainError, ValidationError) as exc:
                add_service_errors(main, exc)
            else:
                messages.success(request, _("The member policy is saved."))
                return redirect("members:policy", slug=self.community.slug)
        return self.render_to_response(self.get_context_data(forms=forms))

    def _policy(self):
        return policy_for(community=self.community)

    def get_context_data(self, *, forms, **kwargs):
        main, thresholds, limits = forms
        return super().get_context_data(
            tab="members",
            form=main,
            threshold_forms=sorted(thresholds.items()),
            limit_forms=sorted(limits.items()),
            **kwargs,
        )

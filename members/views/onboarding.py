"""HTML pages: the welcome page (guide, checklist, introductions), the rules page, and the operators'
checklist settings and onboarding progress."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.selectors import rule_list, rules_version_current
from communities.tenancy import request_can
from members.forms.onboarding import IntroductionForm, OnboardingStepForm, RulesAcceptForm
from members.selectors import onboarding as selectors
from members.selectors.policy import policy_for
from members.services import membership as membership_services
from members.services import onboarding as services


class WelcomeView(CommunityMixin, ServiceFormMixin, FormView):
    """The newcomer guide, my checklist, and the introductions; active members may introduce themselves."""

    capability = {"GET": PUBLIC, "POST": "participate"}
    template_name = "members/onboarding/welcome.html"
    form_class = IntroductionForm

    def get_context_data(self, **kwargs):
        active = self.membership is not None and self.membership.is_active
        # Introductions are the members' (as in the API's list): visitors see the guide and rules only.
        members_see = request_can(self.request, "view")
        return super().get_context_data(
            guide=policy_for(community=self.community).newcomer_guide,
            checklist=selectors.checklist_for(community=self.community, user=self.request.user)
            if active
            else [],
            introductions=selectors.introduction_list(community=self.community) if members_see else [],
            show_introductions=members_see,
            can_introduce=active,
            **kwargs,
        )

    def perform(self, form):
        services.introduction_post(
            actor=self.request.user, community=self.community, text=form.cleaned_data["text"]
        )
        messages.success(self.request, _("Thanks for introducing yourself!"))
        return redirect("members:welcome", slug=self.community.slug)


class RulesView(CommunityMixin, TemplateView):
    """The community's rules; opening it ticks the "read the rules" step for an active member."""

    capability = PUBLIC
    template_name = "members/onboarding/rules.html"

    def get(self, request, *args, **kwargs):
        services.rules_viewed(actor=request.user, community=self.community)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rules=rule_list(community=self.community),
            rules_version=rules_version_current(community=self.community),
            **kwargs,
        )


class RulesAcceptView(CommunityMixin, View):
    """POST: an active member accepts the current rules version (the banner's and the rules page's form)."""

    capability = "accept_rules"

    def post(self, request, *args, **kwargs):
        form = RulesAcceptForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Accept the rules version shown on the rules page."))
            return redirect("members:rules", slug=self.community.slug)
        membership_services.rules_version_accept(
            actor=request.user,
            community=self.community,
            accepted_rules_version=form.cleaned_data["accepted_rules_version"],
        )
        messages.success(request, _("Thank you: you accepted the community's rules."))
        return redirect("members:rules", slug=self.community.slug)


class OnboardingSettingsView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    """Operators: the checklist's steps, and a form to add one.

    While the community uses the default steps they are shown unsaved; "Customise" stores them.
    """

    template_name = "members/onboarding/settings.html"
    form_class = OnboardingStepForm
    capability = "manage_community"

    def get_context_data(self, **kwargs):
        steps = selectors.onboarding_steps(community=self.community)
        return super().get_context_data(
            steps=steps, using_defaults=bool(steps) and steps[0].pk is None, tab="onboarding", **kwargs
        )

    def post(self, request, *args, **kwargs):
        if "customise" in request.POST:
            services.onboarding_steps_customise(actor=request.user, community=self.community)
            messages.success(request, _("The default steps are now your own: edit them one by one."))
            return redirect("members:onboarding-settings", slug=self.community.slug)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        services.onboarding_step_create(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Step added."))
        return redirect("members:onboarding-settings", slug=self.community.slug)


class OnboardingStepEditView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "members/onboarding/step_edit.html"
    form_class = OnboardingStepForm
    capability = "manage_community"

    @cached_property
    def step(self):
        return selectors.onboarding_step_get(
            community=self.community, onboarding_step_id=self.kwargs["step_id"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.step}

    def get_context_data(self, **kwargs):
        return super().get_context_data(step=self.step, **kwargs)

    def post(self, request, *args, **kwargs):
        if "delete" in request.POST:
            services.onboarding_step_delete(actor=request.user, community=self.community, step=self.step)
            messages.success(request, _("Step deleted."))
            return redirect("members:onboarding-settings", slug=self.community.slug)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        services.onboarding_step_update(
            actor=self.request.user, community=self.community, step=self.step, **form.cleaned_data
        )
        messages.success(self.request, _("Step saved."))
        return redirect("members:onboarding-settings", slug=self.community.slug)


class OnboardingProgressView(CommunityMixin, LoginRequiredMixin, TemplateView):
    """Operators: members who joined recently with the first step they have not done, and counts per step."""

    template_name = "members/onboarding/progress.html"
    capability = "manage_community"
    DAY_CHOICES = (7, 30, 90)

    def get_context_data(self, **kwargs):
        report = selectors.onboarding_progress_report(
            community=self.community, days=self.request.GET.get("days")
        )
        return super().get_context_data(
            rows=report.rows,
            counts=report.counts,
            finished=report.finished,
            days=report.days,
            day_choices=self.DAY_CHOICES,
            **kwargs,
        )

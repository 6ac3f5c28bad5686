"""Reporting, the moderation queue, one target's review, a member's record and the settings page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from members.forms.moderation import ModerationActionForm, ModerationSettingsForm, ReportForm, ladder_to_text
from members.models import Report
from members.selectors.moderation import moderation_record, report_get, report_queue
from members.selectors.policy import policy_for
from members.selectors.roles import member_get
from members.services import moderation as services
from members.services import reporting

DONE = {
    "dismiss": _("The reports were dismissed."),
    "warn": _("The member was warned."),
    "mute": _("The member was muted."),
    "remove": _("The content was removed."),
    "ban": _("The member was banned."),
    "unmute": _("The mute was lifted."),
    "unban": _("The ban was lifted."),
}


class ReportCreateView(CommunityMixin, ServiceFormMixin, FormView):
    """/c/<slug>/report/?target_type=members.membership&target_id=12: any registered object."""

    capability = "report"
    template_name = "members/moderation/report.html"
    form_class = ReportForm

    def get_initial(self):
        return {
            "target_type": self.request.GET.get("target_type"),
            "target_id": self.request.GET.get("target_id"),
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community}

    def perform(self, form):
        data = form.cleaned_data
        reporting.report_create(
            actor=self.request.user,
            community=self.community,
            target_type=data["target_type"],
            target_id=data["target_id"],
            rule_id=data["rule"].pk,
            reason=data["reason"],
        )
        messages.success(self.request, _("Thank you: the moderators will review your report."))
        return redirect("communities:home", slug=self.community.slug)


class ModerationQueueView(CommunityMixin, TemplateView):
    capability = "moderate"
    template_name = "members/moderation/queue.html"

    def get_context_data(self, **kwargs):
        policy = policy_for(community=self.community)
        return super().get_context_data(
            groups=report_queue(community=self.community, policy=policy), **kwargs
        )


class ActionFormView(CommunityMixin, ServiceFormMixin, FormView):
    """Shared by the report review and the member record pages: one form, one service call per action."""

    capability = "moderate"
    form_class = ModerationActionForm
    actions: list[str] = []

    @cached_property
    def policy(self):
        return policy_for(community=self.community)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community, "actions": self.available_actions()}

    def available_actions(self) -> list[str]:
        return self.actions

    def initial_for(self, proposal: dict | None) -> dict:
        if not proposal:
            return {}
        return {"action": proposal["action"], "days": proposal.get("days")}

    def call(self, action: str, data: dict, *, membership, report=None):
        rule_id = data["rule"].pk if data.get("rule") else None
        common = {"actor": self.request.user, "community": self.community, "reason": data["reason"]}
        if action == "dismiss":
            return reporting.report_dismiss(report=report, **common)
        if action == "remove":
            return services.content_remove(report=report, rule_id=rule_id, **common)
        if action == "warn":
            return services.member_warn(membership=membership, rule_id=rule_id, report=report, **common)
        if action == "mute":
            return services.member_mute(
                membership=membership, days=data["days"], rule_id=rule_id, report=report, **common
            )
        if action == "ban":
            return services.member_ban(membership=membership, rule_id=rule_id, report=report, **common)
        if action == "unmute":
            return services.member_unmute(membership=membership, **common)
        return services.member_unban(membership=membership, **common)


class ReportReviewView(ActionFormView):
    """Every open report on one target, the subject's record, the ladder's proposal and the actions."""

    template_name = "members/moderation/review.html"

    @cached_property
    def report(self) -> Report:
        return report_get(community=self.community, report_id=self.kwargs["report_id"])

    @cached_property
    def group(self):
        groups = report_queue(community=self.community, policy=self.policy, of=self.report)
        return groups[0] if groups else None

    def available_actions(self):
        actions = ["dismiss"]
        if self.report.subject_id:
            actions += ["warn", "mute"]
        if self.group is not None and self.group.removable:
            actions.append("remove")
        if self.report.subject_id:
            actions.append("ban")
        return actions

    def get_initial(self):
        return self.initial_for(self.group.proposal if self.group else None)

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, group=self.group, **kwargs)

    def perform(self, form):
        action = form.cleaned_data["action"]
        self.call(action, form.cleaned_data, membership=self.report.subject, report=self.report)
        messages.success(self.request, DONE[action])
        return redirect("members:moderation", slug=self.community.slug)


class MemberModerationView(ActionFormView):
    template_name = "members/moderation/member.html"

    @cached_property
    def subject(self):
        return member_get(community=self.community, membership_id=self.kwargs["membership_id"])

    @cached_property
    def record(self):
        return moderation_record(community=self.community, membership=self.subject, policy=self.policy)

    def available_actions(self):
        if self.subject.status == "banned":
            return ["unban"]
        actions = ["warn", "mute", "ban"]
        if self.subject.muted_until and self.subject.muted_until > timezone.now():
            actions.insert(2, "unmute")
        return actions

    def get_initial(self):
        return self.initial_for(self.record.proposed_step)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.subject,
            record=self.record.actions,
            proposal=self.record.proposed_step,
            now=timezone.now(),
            **kwargs,
        )

    def perform(self, form):
        action = form.cleaned_data["action"]
        self.call(action, form.cleaned_data, membership=self.subject)
        messages.success(self.request, DONE[action])
        return redirect("members:moderation-member", slug=self.community.slug, membership_id=self.subject.pk)


class ModerationSettingsView(CommunityMixin, ServiceFormMixin, FormView):
    capability = "manage_community"
    template_name = "members/moderation/settings.html"
    form_class = ModerationSettingsForm

    def get_initial(self):
        policy = policy_for(community=self.community)
        return {
            "report_hide_threshold": policy.report_hide_threshold,
            "warning_ladder": ladder_to_text(policy.warning_ladder),
            "penalty_decay_days": policy.penalty_decay_days,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab="moderation", **kwargs)

    def perform(self, form):
        services.moderation_settings_update(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Moderation settings saved."))
        return redirect("members:moderation-settings", slug=self.community.slug)

"""The relationship log: followed members with their cadence and trend, and one member's touchpoints."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from members.forms.relationships import CadenceForm, FollowForm, TouchpointForm
from members.selectors.relationships import (
    TREND_WEEKS,
    cadence_for,
    relationship_list,
    touchpoint_list,
)
from members.selectors.roles import member_get
from members.services.relationships import cadence_clear, cadence_set, touchpoint_create

SPARK_WIDTH, SPARK_HEIGHT = 120, 24


def sparkline_points(counts: list[int]) -> str:
    """SVG polyline points for weekly counts, scaled to the sparkline box (no JavaScript needed)."""
    top = max(counts, default=0) or 1
    step = SPARK_WIDTH / max(len(counts) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{SPARK_HEIGHT - 2 - (n / top) * (SPARK_HEIGHT - 4):.1f}"
        for i, n in enumerate(counts)
    )


class RelationshipMixin(CommunityMixin):
    capability = "manage_relationships"


class RelationshipListView(RelationshipMixin, ServiceFormMixin, FormView):
    """The log, with an "overdue" filter (?overdue=1) and a form to start following a member."""

    template_name = "members/relationships/list.html"
    form_class = FollowForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community}

    def get_context_data(self, **kwargs):
        overdue_only = self.request.GET.get("overdue") == "1"
        members = relationship_list(community=self.community, overdue=True if overdue_only else None)
        for member in members:
            member.sparkline = sparkline_points(member.trend)
        return super().get_context_data(
            members=members,
            overdue_only=overdue_only,
            trend_weeks=TREND_WEEKS,
            spark_width=SPARK_WIDTH,
            spark_height=SPARK_HEIGHT,
            **kwargs,
        )

    def perform(self, form):
        caretaker = form.cleaned_data["caretaker"]
        cadence_set(
            actor=self.request.user,
            community=self.community,
            membership=form.membership,
            every_days=form.cleaned_data["every_days"],
            caretaker=caretaker.user if caretaker else None,
        )
        messages.success(
            self.request, _("%(name)s is now in the relationship log.") % {"name": form.membership.user}
        )
        return redirect("members:relationships", slug=self.community.slug)


class RelationshipMemberMixin(RelationshipMixin):
    @cached_property
    def member(self):
        return member_get(community=self.community, membership_id=self.kwargs["membership_id"])

    def detail_context(self, *, touchpoint_form=None, cadence_form=None) -> dict:
        cadence = cadence_for(community=self.community, membership=self.member)
        initial = {"every_days": cadence.every_days} if cadence else {}
        if cadence and cadence.caretaker_id:
            initial["caretaker"] = self.community.memberships.filter(user_id=cadence.caretaker_id).first()
        return {
            "member": self.member,
            "cadence": cadence,
            "touchpoints": touchpoint_list(community=self.community, membership=self.member),
            "touchpoint_form": touchpoint_form or TouchpointForm(),
            "cadence_form": cadence_form or CadenceForm(community=self.community, initial=initial),
        }

    def done(self, message):
        messages.success(self.request, message)
        return redirect("members:relationship-detail", slug=self.community.slug, membership_id=self.member.pk)


class RelationshipDetailView(RelationshipMemberMixin, TemplateView):
    """One member: cadence, touchpoint history, and the two forms that post to the views below."""

    template_name = "members/relationships/detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.detail_context(), **kwargs)


class MemberFormView(RelationshipMemberMixin, ServiceFormMixin, FormView):
    """A form of the detail page: it posts here and, when invalid, the detail page shows it with errors."""

    template_name = "members/relationships/detail.html"
    form_slot = ""

    def get(self, request, *args, **kwargs):
        return redirect("members:relationship-detail", slug=self.community.slug, membership_id=self.member.pk)

    def get_context_data(self, **kwargs):
        slot = {self.form_slot: kwargs["form"]} if self.form_slot else {}
        return super().get_context_data(**self.detail_context(**slot), **kwargs)


class TouchpointCreateView(MemberFormView):
    form_class = TouchpointForm
    form_slot = "touchpoint_form"

    def perform(self, form):
        touchpoint_create(
            actor=self.request.user, community=self.community, membership=self.member, **form.cleaned_data
        )
        return self.done(_("The touchpoint is recorded."))


class CadenceSetView(MemberFormView):
    form_class = CadenceForm
    form_slot = "cadence_form"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community}

    def perform(self, form):
        caretaker = form.cleaned_data["caretaker"]
        cadence_set(
            actor=self.request.user,
            community=self.community,
            membership=self.member,
            every_days=form.cleaned_data["every_days"],
            caretaker=caretaker.user if caretaker else None,
        )
        return self.done(_("The contact cadence is saved."))


class CadenceClearView(MemberFormView):
    form_class = forms.Form

    def perform(self, form):
        cadence_clear(actor=self.request.user, community=self.community, membership=self.member)
        return self.done(_("The contact cadence is removed."))

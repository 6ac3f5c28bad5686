"""HTML pages of recruitment: invitation links and codes, join links, referral links, the growth report."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from communities.arrival import forget_arrival, remember_arrival
from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import membership_of
from communities.selectors import community_get, rule_list, rules_version_current
from members.forms.membership import JoinForm
from members.forms.recruitment import GrowthPeriodForm, InvitationCodeForm, InvitationForm, JoinLinkForm
from members.models import Invitation, JoinLink
from members.selectors import recruitment as selectors
from members.services import recruitment as services

PAGE_SIZE = 50


# --- The invitee's side -----------------------------------------------------------------------------------


class InviteView(LoginRequiredMixin, ServiceFormMixin, FormView):
    """/c/<slug>/invite/<code>/: the invitation is the proof, so the invitee sees the community's name and
    the join form even when the community is private; an unknown code is a 404 like any hidden page."""

    template_name = "members/recruitment/invite.html"
    form_class = JoinForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        self.community = community_get(slug=kwargs["slug"])
        self.invitation = selectors.invitation_get_by_code(community=self.community, code=kwargs["code"])
        self.membership = membership_of(request.user, self.community)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def rules_version(self):
        return rules_version_current(community=self.community)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rules_version": self.rules_version}

    def get_context_data(self, **kwargs):
        problem = selectors.invitation_problem(self.invitation)
        return super().get_context_data(
            community=self.community,
            invitation=self.invitation,
            membership=self.membership,
            problem=problem,
            rules=rule_list(community=self.community) if problem is None else [],
            rules_version=self.rules_version,
            **kwargs,
        )

    def perform(self, form):
        services.invitation_accept(
            actor=self.request.user,
            community=self.community,
            code=self.invitation.code,
            accepted_rules_version=form.accepted_version(),
        )
        forget_arrival(self.request, self.community)
        messages.success(self.request, _("Welcome to %(name)s!") % {"name": self.community.name})
        return redirect("communities:home", slug=self.community.slug)


class InvitationCodeView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    """A code typed on the join page leads to that invitation's page; another community's code is invalid."""

    capability = PUBLIC  # signed in
    template_name = "members/recruitment/code.html"
    form_class = InvitationCodeForm

    def perform(self, form):
        invitation = selectors.invitation_get_by_code(
            community=self.community, code=form.cleaned_data["code"]
        )
        return redirect("members:invite", slug=self.community.slug, code=invitation.code)


class JoinLinkView(CommunityMixin, View):
    """/c/<slug>/j/<code>/: remember the channel for the join that follows, then show the join page."""

    capability = PUBLIC

    def get(self, request, *args, **kwargs):
        link = selectors.join_link_get_active(community=self.community, code=kwargs["code"])
        remember_arrival(request, self.community, link=link.code)
        return redirect("members:join", slug=self.community.slug)


class ReferralView(CommunityMixin, TemplateView):
    """The member's personal referral link; the first POST makes its code (a GET never writes)."""

    template_name = "members/recruitment/referral.html"
    capability = "participate"

    def get_context_data(self, **kwargs):
        membership = self.membership
        url = selectors.referral_url(self.request, community=self.community, membership=membership) or ""
        brought = membership.referrals.select_related("user").order_by("-joined_at")[:PAGE_SIZE]
        return super().get_context_data(referral_url=url, brought=brought, **kwargs)

    def post(self, request, *args, **kwargs):
        services.referral_code_ensure(actor=request.user, community=self.community)
        return redirect("members:referral", slug=self.community.slug)


# --- Operators --------------------------------------------------------------------------------------------


class OperatorMixin(CommunityMixin):
    capability = "manage_invitations"
    tab = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab=self.tab, **kwargs)


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


class InvitationListView(OperatorMixin, ServiceFormMixin, FormView):
    template_name = "members/recruitment/invitations.html"
    form_class = InvitationForm
    tab = "invitations"

    def get_context_data(self, **kwargs):
        page = _page(self.request, selectors.invitation_list(community=self.community))
        now = timezone.now()
        for invitation in page:
            invitation.status = selectors.invitation_status(invitation, now)
            invitation.url = selectors.site_url(
                self.request, reverse("members:invite", args=[self.community.slug, invitation.code])
            )
        return super().get_context_data(page=page, **kwargs)

    def perform(self, form):
        invitation = services.invitation_create(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Invitation “%(label)s” created.") % {"label": invitation})
        return redirect("members:invitation-detail", slug=self.community.slug, invitation_id=invitation.pk)


class InvitationMixin(OperatorMixin):
    tab = "invitations"

    @cached_property
    def invitation(self) -> Invitation:
        return selectors.invitation_get(community=self.community, invitation_id=self.kwargs["invitation_id"])


class InvitationDetailView(InvitationMixin, TemplateView):
    template_name = "members/recruitment/invitation_detail.html"

    def get_context_data(self, **kwargs):
        invitation = self.invitation
        invitation.status = selectors.invitation_status(invitation)
        page = _page(self.request, selectors.invitation_uses(community=self.community, invitation=invitation))
        url = selectors.site_url(
            self.request, reverse("members:invite", args=[self.community.slug, invitation.code])
        )
        return super().get_context_data(invitation=invitation, invitation_url=url, page=page, **kwargs)


class InvitationRevokeView(InvitationMixin, ServiceFormMixin, FormView):
    template_name = "members/recruitment/invitation_revoke.html"
    form_class = forms.Form

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, **kwargs)

    def perform(self, form):
        services.invitation_revoke(
            actor=self.request.user, community=self.community, invitation=self.invitation
        )
        messages.success(self.request, _("Invitation revoked: its link no longer works."))
        return redirect("members:invitations", slug=self.community.slug)


class JoinLinkListView(OperatorMixin, ServiceFormMixin, FormView):
    template_name = "members/recruitment/join_links.html"
    form_class = JoinLinkForm
    tab = "join-links"

    def get_context_data(self, **kwargs):
        page = _page(self.request, selectors.join_link_list(community=self.community))
        for link in page:
            link.url = selectors.join_link_url(self.request, self.community, link)
        return super().get_context_data(page=page, **kwargs)

    def perform(self, form):
        link = services.join_link_create(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Join link for “%(channel)s” created.") % {"channel": link.channel})
        return redirect("members:join-links", slug=self.community.slug)


class JoinLinkMixin(OperatorMixin):
    tab = "join-links"

    @cached_property
    def join_link(self) -> JoinLink:
        return selectors.join_link_get(community=self.community, join_link_id=self.kwargs["join_link_id"])


class JoinLinkRetireView(JoinLinkMixin, ServiceFormMixin, FormView):
    template_name = "members/recruitment/join_link_retire.html"
    form_class = forms.Form

    def get_context_data(self, **kwargs):
        return super().get_context_data(join_link=self.join_link, **kwargs)

    def perform(self, form):
        services.join_link_retire(actor=self.request.user, community=self.community, join_link=self.join_link)
        messages.success(self.request, _("Join link retired: it no longer tags new members."))
        return redirect("members:join-links", slug=self.community.slug)


class JoinLinkQRView(JoinLinkMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(
            selectors.qr_png(selectors.join_link_url(self.request, self.community, self.join_link)),
            content_type="image/png",
        )
        response["Content-Disposition"] = f'inline; filename="join-{self.join_link.code}.png"'
        return response


class GrowthView(OperatorMixin, TemplateView):
    """Where members come from over a period: sources and tags, invitations, join links, referrers."""

    template_name = "members/recruitment/growth.html"
    capability = "view_analytics"
    tab = "growth"

    def get_context_data(self, **kwargs):
        period_form = GrowthPeriodForm(self.request.GET)
        report = selectors.growth_report_for_days(community=self.community, days=period_form.days())
        return super().get_context_data(period_form=period_form, report=report, days=report["days"], **kwargs)

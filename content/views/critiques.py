"""Pages of the critique exchange: works and the reviewers' queue, a work with its critiques, my credits,
and the operators' page (rubric, prices, grants)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from content.errors.critiques import WorkNotEditable
from content.forms.critiques import (
    CriterionForm,
    CritiqueForm,
    CritiqueSettingsForm,
    GrantForm,
    NewCriterionForm,
    WorkEditForm,
    WorkForm,
)
from content.selectors import critiques as selectors
from content.services import critiques as services
from members.selectors.roles import member_get

PAGE_SIZE = 20
TABS = ("all", "waiting", "mine")


def page_of(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


class WorkListView(CommunityMixin, TemplateView):
    """Works: all (newest first), waiting for a first critique (oldest first: the reviewers' queue), mine."""

    capability = "view"
    template_name = "content/critiques/list.html"

    def get_context_data(self, **kwargs):
        tab = self.request.GET.get("show")
        tab = tab if tab in TABS else "all"
        if tab == "waiting":
            works = selectors.review_queue(community=self.community, viewer=self.membership)
        elif tab == "mine":
            works = selectors.work_list(community=self.community, author=self.membership)
        else:
            works = selectors.work_list(community=self.community)
        page = page_of(self.request, works)
        return super().get_context_data(
            tab=tab,
            page_obj=page,
            works=page.object_list,
            page_query=f"show={tab}",
            account=selectors.account_for(community=self.community, membership=self.membership),
            prices=selectors.settings_for(community=self.community),
            **kwargs,
        )


class WorkCreateView(CommunityMixin, ServiceFormMixin, FormView):
    capability = "participate"
    template_name = "content/critiques/work_form.html"
    form_class = WorkForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=selectors.account_for(community=self.community, membership=self.membership),
            prices=selectors.settings_for(community=self.community),
            **kwargs,
        )

    def perform(self, form):
        work = services.work_post(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("Your work is posted: critics will find it in the queue."))
        return redirect("content:work-detail", slug=self.community.slug, work_id=work.pk)


class WorkMixin(CommunityMixin):
    @cached_property
    def work(self):
        return selectors.work_get(community=self.community, work_id=self.kwargs["work_id"])


class WorkDetailView(WorkMixin, ServiceFormMixin, FormView):
    """A work with its critiques (GET); the rubric form posts a critique here (POST)."""

    capability = {"GET": "view", "POST": "critique"}
    template_name = "content/critiques/work.html"
    form_class = CritiqueForm

    @cached_property
    def criteria(self):
        return list(selectors.criterion_list(community=self.community))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criteria": self.criteria}

    def get_context_data(self, **kwargs):
        critiques = list(selectors.critique_list(community=self.community, work=self.work))
        mine = self.membership is not None and self.work.author_id == self.membership.pk
        critiqued = any(c.critic_id == getattr(self.membership, "pk", None) for c in critiques)
        return super().get_context_data(
            work=self.work,
            critiques=critiques,
            is_author=mine,
            may_edit=services.may_edit_work(self.request.user, self.membership, self.work),
            may_critique=not mine and not critiqued and bool(self.criteria),
            criteria=self.criteria,
            **kwargs,
        )

    def perform(self, form):
        services.critique_give(
            actor=self.request.user,
            community=self.community,
            work=self.work,
            overall=form.cleaned_data["overall"],
            scores=form.scores(),
        )
        messages.success(self.request, _("Thank you: your critique is posted and your credits are added."))
        return redirect("content:work-detail", slug=self.community.slug, work_id=self.work.pk)


class WorkEditView(WorkMixin, ServiceFormMixin, FormView):
    """The author edits the work's title, description and links until its first critique; operators
    always."""

    capability = "participate"
    template_name = "content/critiques/work_edit.html"
    form_class = WorkEditForm

    def get_form(self, form_class=None):
        if not services.may_edit_work(self.request.user, self.membership, self.work):
            raise WorkNotEditable()
        return super().get_form(form_class)

    def get_initial(self):
        work = self.work
        return {"title": work.title, "description": work.description, "links": "\n".join(work.links)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(work=self.work, **kwargs)

    def perform(self, form):
        services.work_edit(
            actor=self.request.user, community=self.community, work=self.work, **form.cleaned_data
        )
        messages.success(self.request, _("Your changes are saved."))
        return redirect("content:work-detail", slug=self.community.slug, work_id=self.work.pk)


class CritiqueHelpfulView(WorkMixin, View):
    capability = "participate"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        critique = selectors.critique_get(
            community=self.community, work=self.work, critique_id=self.kwargs["critique_id"]
        )
        services.critique_mark_helpful(actor=request.user, community=self.community, critique=critique)
        messages.success(request, _("Marked helpful: the critic hears of it."))
        return redirect("content:work-detail", slug=self.community.slug, work_id=self.work.pk)


class CreditsView(CommunityMixin, TemplateView):
    """My review credits, critic record and ledger."""

    capability = "participate"
    template_name = "content/critiques/credits.html"

    def get_context_data(self, **kwargs):
        page = page_of(
            self.request, selectors.transaction_list(community=self.community, membership=self.membership)
        )
        return super().get_context_data(
            account=selectors.account_for(community=self.community, membership=self.membership),
            prices=selectors.settings_for(community=self.community),
            page_obj=page,
            entries=page.object_list,
            **kwargs,
        )


class ManageMixin(CommunityMixin):
    capability = "manage_critiques"

    def manage_context(self, **forms_given) -> dict:
        prices = selectors.settings_for(community=self.community)
        page = page_of(self.request, selectors.account_list(community=self.community))
        return {
            "criteria": selectors.criterion_list(community=self.community, active_only=False),
            "criterion_form": forms_given.get("criterion_form") or NewCriterionForm(),
            "settings_form": forms_given.get("settings_form") or CritiqueSettingsForm(instance=prices),
            "grant_form": forms_given.get("grant_form") or GrantForm(community=self.community),
            "page_obj": page,
            "accounts": page.object_list,
        }

    def done(self, message):
        messages.success(self.request, message)
        return redirect("content:critique-manage", slug=self.community.slug)


class CritiqueManageView(ManageMixin, TemplateView):
    template_name = "content/critiques/manage.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.manage_context(), **kwargs)


class ManageFormView(ManageMixin, ServiceFormMixin, FormView):
    """A form of the operators' page: it posts here; when invalid, the page shows it with its errors."""

    template_name = "content/critiques/manage.html"
    form_slot = ""

    def get(self, request, *args, **kwargs):
        return redirect("content:critique-manage", slug=self.community.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.manage_context(**{self.form_slot: kwargs["form"]}), **kwargs)


class CriterionCreateView(ManageFormView):
    form_class = NewCriterionForm
    form_slot = "criterion_form"

    def perform(self, form):
        services.criterion_create(actor=self.request.user, community=self.community, **form.cleaned_data)
        return self.done(_("The criterion is added to the rubric."))


class CritiqueSettingsView(ManageFormView):
    form_class = CritiqueSettingsForm
    form_slot = "settings_form"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": selectors.settings_for(community=self.community)}

    def perform(self, form):
        services.critique_settings_update(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        return self.done(_("The prices are saved."))


class CreditsGrantView(ManageFormView):
    form_class = GrantForm
    form_slot = "grant_form"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community}

    def perform(self, form):
        data = form.cleaned_data
        services.credits_grant(
            actor=self.request.user,
            community=self.community,
            membership=data["username"],
            amount=data["amount"],
            reason=data["reason"],
        )
        return self.done(_("The credits are granted."))


class MemberLedgerView(ManageMixin, TemplateView):
    """One member's credits and ledger, for the operators."""

    template_name = "content/critiques/member_ledger.html"

    def get_context_data(self, **kwargs):
        member = member_get(community=self.community, membership_id=self.kwargs["membership_id"])
        page = page_of(self.request, selectors.transaction_list(community=self.community, membership=member))
        return super().get_context_data(
            member=member,
            account=selectors.account_for(community=self.community, membership=member),
            page_obj=page,
            entries=page.object_list,
            **kwargs,
        )


class CriterionEditView(ManageMixin, ServiceFormMixin, FormView):
    template_name = "content/critiques/criterion_edit.html"
    form_class = CriterionForm

    @cached_property
    def criterion(self):
        return selectors.criterion_get(community=self.community, criterion_id=self.kwargs["criterion_id"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.criterion}

    def get_context_data(self, **kwargs):
        return super().get_context_data(criterion=self.criterion, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        self.criterion.refresh_from_db()  # the form wrote its values on the instance; the service decides
        services.criterion_update(
            actor=self.request.user, community=self.community, criterion=self.criterion, **data
        )
        return self.done(_("The criterion is saved."))

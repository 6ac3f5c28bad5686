"""HTML pages of vetting: applying, the applicant's status, the review queue and the screening questions."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, View

from communities.arrival import RememberArrivalMixin, arrival_for, forget_arrival
from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.selectors import rule_list, rules_version_current
from members.forms.applications import ApplicationFilterForm, ApplyForm, DecideForm, QuestionForm
from members.selectors.applications import (
    application_get,
    application_list,
    application_list_for_user,
    application_question_get,
    question_list,
)
from members.services import applications as services


class ApplyView(CommunityMixin, RememberArrivalMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    """The screening questions and the current rules; communities that take applications only.

    Like the join page, it records where the visitor arrived from (?src=, ?ref=, a join link).
    """

    capability = PUBLIC  # signed in; the service decides (join policy, bans, cool-down)
    template_name = "members/applications/apply.html"
    form_class = ApplyForm

    @cached_property
    def rules_version(self):
        return rules_version_current(community=self.community)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "questions": question_list(community=self.community),
            "rules_version": self.rules_version,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rules=rule_list(community=self.community),
            rules_version=self.rules_version,
            **kwargs,
        )

    def perform(self, form):
        services.application_submit(
            actor=self.request.user,
            community=self.community,
            answers=form.answers(),
            accepted_rules_version=form.accepted_version(),
            arrival=arrival_for(self.request, self.community),
        )
        forget_arrival(self.request, self.community)
        messages.success(self.request, _("Your application is sent. The operators will let you know."))
        return redirect("members:application-mine", slug=self.community.slug)


class MyApplicationView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    """The caller's applications with their status; POST withdraws the pending one."""

    capability = PUBLIC  # signed in; only ever the caller's own applications
    template_name = "members/applications/mine.html"
    form_class = forms.Form

    def get_context_data(self, **kwargs):
        applications = list(application_list_for_user(community=self.community, user=self.request.user))
        pending = next((a for a in applications if a.status == "pending"), None)
        return super().get_context_data(applications=applications, pending=pending, **kwargs)

    def perform(self, form):
        services.application_withdraw(actor=self.request.user, community=self.community)
        messages.success(self.request, _("Your application is withdrawn."))
        return redirect("communities:home", slug=self.community.slug)


class ApplicationQueueView(CommunityMixin, ServiceFormMixin, FormView):
    """The review queue with its filters (GET) and the bulk decision on the ticked rows (POST)."""

    capability = "vet_applications"
    template_name = "members/applications/queue.html"
    form_class = DecideForm
    paginate_by = 20

    def get_context_data(self, **kwargs):
        filter_form = ApplicationFilterForm(self.request.GET or None)
        queryset = application_list(community=self.community, **filter_form.filters())
        page = Paginator(queryset, self.paginate_by).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=filter_form,
            page_obj=page,
            applications=page.object_list,
            query=query.urlencode(),
            selected={str(pk) for pk in self.request.POST.getlist("ids")},
            **kwargs,
        )

    def perform(self, form):
        decided = services.applications_decide_bulk(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        count = len(decided)
        if form.cleaned_data["decision"] == "approve":
            text = ngettext("%(count)d application approved.", "%(count)d applications approved.", count)
        else:
            text = ngettext("%(count)d application rejected.", "%(count)d applications rejected.", count)
        messages.success(self.request, text % {"count": count})
        return redirect(self.request.get_full_path())


class ApplicationDecideView(CommunityMixin, View):
    """One tap in the queue: approve or reject one application (no note, no message; the bulk form
    below the queue carries those). Back to the queue with its filters; a refusal (already decided)
    comes back as a flash message through the HTML error middleware."""

    capability = "vet_applications"
    http_method_names = ["post"]
    decision = ""  # "approve" or "reject", set by the URL conf

    def post(self, request, *args, **kwargs):
        application = application_get(community=self.community, application_id=kwargs["application_id"])
        services.application_decide(
            actor=request.user, community=self.community, application=application, decision=self.decision
        )
        name = application.applicant.name
        if self.decision == "approve":
            messages.success(request, _("%(name)s is approved and now a member.") % {"name": name})
        else:
            messages.success(request, _("The application of %(name)s is rejected.") % {"name": name})
        queue = reverse("members:applications", kwargs={"slug": self.community.slug})
        query = request.GET.urlencode()
        return redirect(f"{queue}?{query}" if query else queue)


class QuestionsView(CommunityMixin, ServiceFormMixin, FormView):
    """The screening questions (retired ones too) and the form to add one."""

    capability = "vet_applications"
    template_name = "members/applications/questions.html"
    form_class = QuestionForm

    def get_context_data(self, **kwargs):
        questions = question_list(community=self.community, include_retired=True)
        return super().get_context_data(questions=questions, **kwargs)

    def perform(self, form):
        services.question_create(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("The question is added."))
        return redirect("members:application-questions", slug=self.community.slug)


class QuestionMixin(CommunityMixin):
    capability = "vet_applications"

    @cached_property
    def question(self):
        return application_question_get(
            community=self.community, application_question_id=self.kwargs["question_id"]
        )

    def back(self):
        return redirect("members:application-questions", slug=self.community.slug)


class QuestionEditView(QuestionMixin, ServiceFormMixin, FormView):
    template_name = "members/applications/question_edit.html"
    form_class = QuestionForm

    def get_initial(self):
        return QuestionForm.initial_for(self.question)

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.question, **kwargs)

    def perform(self, form):
        services.question_update(actor=self.request.user, question=self.question, **form.cleaned_data)
        messages.success(self.request, _("The question is saved."))
        return self.back()


class QuestionActionView(QuestionMixin, View):
    """POST buttons on the question list: move up or down, retire, restore, delete."""

    http_method_names = ["post"]
    done = {
        "retire": _("The question is retired; its answers stay readable."),
        "restore": _("The question is asked again."),
        "delete": _("The question is deleted."),
    }

    def post(self, request, *args, **kwargs):
        action = kwargs["action"]
        if action not in ("up", "down", *self.done):
            raise Http404
        question = self.question
        if action in ("up", "down"):
            services.question_move(actor=request.user, question=question, direction=action)
        else:
            getattr(services, f"question_{action}")(actor=request.user, question=question)
            messages.success(request, self.done[action])
        return self.back()

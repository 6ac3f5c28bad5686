"""HTML pages of an event's registrations, for its operators and hosts: the registrations page (pending
ones to approve or decline, the confirmed, the waitlist in its order, the questions members answer), the
CSV export, and editing, moving and removing a registration question.

Like editing an event, these pages are for the event operators (`manage_events`) and the event's hosts:
declared PUBLIC, refused by `ensure_manager` and the services to everyone else (NotEventManager).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from communities.csvexport import csv_response
from communities.mixins import PUBLIC, ServiceFormMixin
from events.forms.events import DeclineForm, RegistrationQuestionForm
from events.models import RegistrationStatus
from events.selectors import registrations as registration_selectors
from events.services import questions as question_services
from events.services import registrations as registration_services
from events.views.events import EventMixin


class ManagerOnlyMixin(EventMixin):
    """GET and POST for the event's operators and hosts only (`ensure_manager`)."""

    def get(self, request, *args, **kwargs):
        self.ensure_manager()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.ensure_manager()
        return super().post(request, *args, **kwargs)

    def back_to_registrations(self):
        return redirect("events:registrations", slug=self.community.slug, event_id=self.event.pk)


class EventRegistrationsView(ManagerOnlyMixin, ServiceFormMixin, FormView):
    """The operators' page of one event: pending registrations to approve or decline, the confirmed
    ones, the waitlist in its order, the questions members answer, and the CSV export."""

    capability = {"GET": PUBLIC, "POST": PUBLIC}  # operators and the event's hosts: ensure_manager
    template_name = "events/registrations.html"
    form_class = RegistrationQuestionForm

    def get_context_data(self, **kwargs):
        rows = list(
            registration_selectors.registration_list(community=self.community, event=self.event)[:1000]
        )
        by_status = {status: [r for r in rows if r.status == status] for status in RegistrationStatus.values}
        questions = list(
            registration_selectors.registration_question_list(community=self.community, event=self.event)
        )
        labels = {str(q.pk): q.label for q in questions}
        for row in rows:
            row.answer_list = [(labels.get(key, key), value) for key, value in (row.answers or {}).items()]
        return super().get_context_data(
            event=self.event, by_status=by_status, questions=questions, decline_form=DeclineForm(), **kwargs
        )

    def perform(self, form):
        question_services.registration_question_create(
            actor=self.request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(self.request, _("The question is added."))
        return self.back_to_registrations()


class EventRegistrationsExportView(EventMixin, View):
    """GET: the event's registrations as CSV (communities.csvexport: formulas escaped, UTF-8 with BOM)."""

    capability = {"GET": PUBLIC}  # operators and the event's hosts: ensure_manager

    def get(self, request, *args, **kwargs):
        self.ensure_manager()
        return csv_response(
            registration_selectors.registration_export(community=self.community, event=self.event)
        )


class RegistrationDecisionView(EventMixin, View):
    """POST approve or decline one registration (operators and the event's hosts: the service decides)."""

    capability = {"POST": PUBLIC}
    decision = "approve"

    def post(self, request, *args, **kwargs):
        registration = registration_selectors.registration_get(
            community=self.community, event=self.event, registration_id=self.kwargs["registration_id"]
        )
        if self.decision == "approve":
            registration_services.registration_approve(
                actor=request.user, community=self.community, event=self.event, registration=registration
            )
            messages.success(request, _("The registration is approved."))
        else:
            form = DeclineForm(request.POST)
            note = form.cleaned_data["note"] if form.is_valid() else ""
            registration_services.registration_decline(
                actor=request.user,
                community=self.community,
                event=self.event,
                registration=registration,
                note=note,
            )
            messages.success(request, _("The registration is declined."))
        return redirect("events:registrations", slug=self.community.slug, event_id=self.event.pk)


class QuestionMixin(EventMixin):
    @cached_property
    def question(self):
        return registration_selectors.registration_question_get(
            community=self.community, event=self.event, question_id=self.kwargs["registration_question_id"]
        )


class RegistrationQuestionEditView(QuestionMixin, ManagerOnlyMixin, ServiceFormMixin, FormView):
    """Edit a question's wording, hint and whether it must be answered; the answers already given stay
    with it (they are keyed by the question's id)."""

    capability = {"GET": PUBLIC, "POST": PUBLIC}  # operators and the event's hosts: ensure_manager
    template_name = "events/question_edit.html"
    form_class = RegistrationQuestionForm

    def get_initial(self):
        question = self.question
        return {"label": question.label, "help_text": question.help_text, "required": question.required}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, question=self.question, **kwargs)

    def perform(self, form):
        question_services.registration_question_update(
            actor=self.request.user,
            community=self.community,
            event=self.event,
            question=self.question,
            **form.cleaned_data,
        )
        messages.success(self.request, _("The question is saved."))
        return self.back_to_registrations()


class RegistrationQuestionMoveView(QuestionMixin, View):
    """POST `direction=up|down`: swap the question with its neighbour (`registration_questions_reorder`
    decides who may)."""

    capability = {"POST": PUBLIC}  # operators and the event's hosts: the service decides

    def post(self, request, *args, **kwargs):
        order = list(
            registration_selectors.registration_question_list(
                community=self.community, event=self.event
            ).values_list("pk", flat=True)
        )
        index = order.index(self.question.pk)
        target = index - 1 if request.POST.get("direction") == "up" else index + 1
        if 0 <= target < len(order):
            order[index], order[target] = order[target], order[index]
            question_services.registration_questions_reorder(
                actor=request.user, community=self.community, event=self.event, question_ids=order
            )
        return redirect("events:registrations", slug=self.community.slug, event_id=self.event.pk)


class RegistrationQuestionDeleteView(QuestionMixin, View):
    capability = {"POST": PUBLIC}  # operators and the event's hosts: the service decides

    def post(self, request, *args, **kwargs):
        question_services.registration_question_delete(
            actor=request.user, community=self.community, event=self.event, question=self.question
        )
        messages.success(request, _("The question is removed."))
        return redirect("events:registrations", slug=self.community.slug, event_id=self.event.pk)

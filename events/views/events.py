"""HTML pages of events: the list, one event (registering and cancelling in place), creating and editing
(with a series' "this one" or "this and the following"), cancelling and the community's event
settings. The operators' registrations page (approve, decline, waitlist, questions, CSV) is in
`events.views.registrations`.

Times are shown in the event's time zone, and in the reader's own as well when it differs. Editing,
cancelling and the registrations page are for the event operators (`manage_events`) and the event's
hosts: the hosts are a per-event fact, not a role, so those pages are declared PUBLIC and their
selector and services refuse everyone else (NotEventManager: the 403 page, the login page for an
anonymous visitor).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.rendering import render_post_markdown
from events.errors.events import NotEventManager
from events.forms.events import (
    EventFilterForm,
    EventForm,
    EventSettingsForm,
    RegistrationForm,
)
from events.models import RegistrationStatus
from events.selectors import events as selectors
from events.selectors import registrations as registration_selectors
from events.services import events as services
from events.services import registrations as registration_services
from events.services.series import event_series_create

PAGE_SIZE = 20


def reader_zone(request) -> str:
    """The signed-in reader's own time zone, or "" (anonymous visitors read the event's)."""
    return getattr(request.user, "timezone", "") if request.user.is_authenticated else ""


class EventListView(CommunityMixin, TemplateView):
    """/c/<slug>/events/: upcoming events (or past ones, or all), filtered by kind and status."""

    capability = PUBLIC
    template_name = "events/list.html"

    def get_context_data(self, **kwargs):
        form = EventFilterForm(self.request.GET or None)
        query = form.query()
        events = selectors.event_list(community=self.community, membership=self.membership, query=query)
        page = Paginator(events, PAGE_SIZE).get_page(self.request.GET.get("page"))
        mine = registration_selectors.my_registrations(
            community=self.community,
            membership=self.membership,
            event_ids=[event.pk for event in page.object_list],
        )
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            filter_form=form,
            page_obj=page,
            events=[(event, mine.get(event.pk)) for event in page.object_list],
            time=query.time,
            query=params.urlencode(),
            may_create=has_capability(self.membership, "manage_events"),
            reader_zone=reader_zone(self.request),
            **kwargs,
        )


class EventCreateView(CommunityMixin, ServiceFormMixin, FormView):
    capability = "manage_events"
    template_name = "events/edit.html"
    form_class = EventForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community}

    def perform(self, form):
        fields = form.service_fields()
        publish = form.cleaned_data.get("publish", False)
        rule = form.cleaned_data.get("rrule")
        if rule:
            series = event_series_create(
                actor=self.request.user, community=self.community, rrule=rule, publish=publish, **fields
            )
            event = series.occurrences.order_by("starts_at").first()
            messages.success(
                self.request,
                _("The series is created: %(count)s occurrences.") % {"count": series.occurrence_count},
            )
        else:
            event = services.event_create(
                actor=self.request.user, community=self.community, publish=publish, **fields
            )
            messages.success(self.request, _("The event is created."))
        return redirect("events:detail", slug=self.community.slug, event_id=event.pk)


class EventMixin(CommunityMixin):
    @cached_property
    def event(self):
        return selectors.event_get(
            community=self.community, membership=self.membership, event_id=self.kwargs["event_id"]
        )

    @cached_property
    def may_manage(self) -> bool:
        return selectors.may_manage_event(self.membership, self.event)

    def ensure_manager(self):
        if not self.may_manage and not getattr(self.request.user, "is_superuser", False):
            raise NotEventManager()

    def back(self):
        return redirect("events:detail", slug=self.community.slug, event_id=self.event.pk)


class EventDetailView(EventMixin, ServiceFormMixin, FormView):
    """An event: when and where (the meeting link for confirmed registrants only), its description and
    hosts, places and waitlist; registering with the event's questions, or cancelling."""

    capability = {"GET": PUBLIC, "POST": "participate"}
    template_name = "events/detail.html"
    form_class = RegistrationForm

    @cached_property
    def questions(self):
        return list(
            registration_selectors.registration_question_list(community=self.community, event=self.event)
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": self.questions}

    def get_context_data(self, **kwargs):
        event = self.event
        mine = registration_selectors.my_registration(
            community=self.community, event=event, membership=self.membership
        )
        confirmed = mine is not None and mine.status == RegistrationStatus.CONFIRMED
        now = timezone.now()
        return super().get_context_data(
            event=event,
            description_html=render_post_markdown(event.description),
            hosts=selectors.event_host_list(community=self.community, event=event),
            mine=mine,
            show_meeting_url=bool(event.meeting_url) and (confirmed or self.may_manage),
            may_register=has_capability(self.membership, "participate")
            and event.registration_open_at(now)
            and (mine is None or not mine.is_open),
            registration_open=event.registration_open_at(now),
            may_manage=self.may_manage,
            reader_zone=reader_zone(self.request),
            **kwargs,
        )

    def perform(self, form):
        registration = registration_services.registration_create(
            actor=self.request.user, community=self.community, event=self.event, answers=form.answers()
        )
        messages.success(
            self.request,
            {
                RegistrationStatus.CONFIRMED: _("You are registered."),
                RegistrationStatus.WAITLISTED: _("The event is full: you are on the waitlist."),
                RegistrationStatus.PENDING: _("Your registration awaits the organisers' approval."),
            }[registration.status],
        )
        return self.back()


class EventUnregisterView(EventMixin, View):
    """POST: cancel my registration (or leave the waitlist, or decline a place I was promoted to)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        registration_services.registration_cancel(
            actor=request.user, community=self.community, event=self.event
        )
        messages.success(request, _("Your registration is cancelled."))
        return self.back()


class EventEditView(EventMixin, ServiceFormMixin, FormView):
    capability = {"GET": PUBLIC, "POST": PUBLIC}  # operators and the event's hosts: ensure_manager
    template_name = "events/edit.html"
    form_class = EventForm

    def get(self, request, *args, **kwargs):
        self.ensure_manager()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.ensure_manager()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "community": self.community, "event": self.event}

    def get_initial(self):
        """`?scope=following` (the series page's link) chooses "this and the following" at once."""
        scope = self.request.GET.get("scope")
        return {"scope": scope} if scope in ("this", "following") else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def perform(self, form):
        fields = form.service_fields()
        services.event_update(
            actor=self.request.user,
            community=self.community,
            event=self.event,
            scope=form.cleaned_data.get("scope") or "this",
            **fields,
        )
        messages.success(self.request, _("The event is saved."))
        return self.back()


class EventPublishView(EventMixin, View):
    capability = {"POST": PUBLIC}  # operators and the event's hosts: the service decides

    def post(self, request, *args, **kwargs):
        services.event_publish(actor=request.user, community=self.community, event=self.event)
        messages.success(request, _("The event is published."))
        return self.back()


class EventCancelView(EventMixin, View):
    capability = {"POST": PUBLIC}  # operators and the event's hosts: the service decides

    def post(self, request, *args, **kwargs):
        scope = request.POST.get("scope", "this")
        services.event_cancel(
            actor=request.user,
            community=self.community,
            event=self.event,
            scope=scope,
            note=request.POST.get("note", "")[:2000],
        )
        messages.success(request, _("The event is cancelled; the registered members are told."))
        return self.back()


class EventSettingsView(CommunityMixin, ServiceFormMixin, FormView):
    capability = "manage_events"
    template_name = "events/settings.html"
    form_class = EventSettingsForm

    def get_initial(self):
        return {
            "max_open_registrations": selectors.event_settings_for(
                community=self.community
            ).max_open_registrations
        }

    def perform(self, form):
        services.event_settings_update(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("The event settings are saved."))
        return redirect("events:settings", slug=self.community.slug)

"""HTML pages of attendance: a member's ticket (QR code), check-in from a phone (the searchable list with
one tap and undo, the scan page, the no-shows), feedback (the attendee's form, the operators' results)
and the calendars (an event's .ics, the community's public feed, a member's private feed and its page).

Check-in pages declare `check_in` and feedback results `manage_events`; an event's hosts hold both for
their own event (`HostsMayMixin`), and the services check it again.
"""

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.pagination import CountedPaginator
from communities.permissions import has_capability
from events import calendars
from events.forms.attendance import AttendeeSearchForm, CheckInForm, FeedbackForm, UndoForm
from events.models import EventHost, RegistrationStatus
from events.selectors import attendance as selectors
from events.selectors.events import event_get
from events.services import attendance as services
from events.services import calendars as calendar_services
from events.services.feedback import feedback_give, feedback_open_at

PAGE_SIZE = 50


def event_url(request, event) -> str:
    return request.build_absolute_uri(
        reverse("events:detail", kwargs={"slug": event.community.slug, "event_id": event.pk})
    )


def calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


class EventPageMixin(CommunityMixin):
    """Loads the event named by the URL (hidden and missing alike are a 404)."""

    @cached_property
    def event(self):
        return event_get(
            community=self.community, membership=self.membership, event_id=self.kwargs["event_id"]
        )

    def page_url(self, name: str, **query) -> str:
        url = reverse(
            f"events:{name}", kwargs={"slug": self.community.slug, "event_id": self.kwargs["event_id"]}
        )
        query = {key: value for key, value in query.items() if value}
        return f"{url}?{urlencode(query)}" if query else url

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class HostsMayMixin(EventPageMixin):
    """An active member who hosts the event holds the page's capability for it (check_in,
    manage_events): the declared capability stays what the route matrices read for everyone else."""

    host_capabilities = frozenset({"check_in", "manage_events"})

    def required_capability(self, request):
        capability = super().required_capability(request)
        membership = request.membership
        if (
            capability in self.host_capabilities
            and has_capability(membership, "participate")
            and not has_capability(membership, capability)
            and EventHost.objects.for_community(self.community)
            .filter(event_id=self.kwargs["event_id"], membership=membership)
            .exists()
        ):
            return "participate"
        return capability

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_read_feedback=selectors.may_read_feedback(self.membership, self.event), **kwargs
        )


# --- The ticket ------------------------------------------------------------------------------------------


class TicketView(EventPageMixin, TemplateView):
    """The member's ticket: for a confirmed registration, a QR code (SVG drawn on the server) of the
    check-in address with the ticket code, which an operator scans at the door."""

    template_name = "events/attendance/ticket.html"
    capability = "view"

    def get_context_data(self, **kwargs):
        ticket = selectors.ticket_of(community=self.community, event=self.event, membership=self.membership)
        qr_svg = check_in_url = ""
        if ticket is not None and ticket.confirmed:
            check_in_url = self.request.build_absolute_uri(ticket.check_in_path)
            qr_svg = segno.make(check_in_url, error="m").svg_inline(
                scale=5, border=2, svgclass="ticket-qr-code", lineclass=None, omitsize=True,
                title=_("QR code of your ticket"),
            )  # fmt: skip
        return super().get_context_data(
            ticket=ticket,
            registration=ticket.registration if ticket is not None else None,
            confirmed=ticket is not None and ticket.confirmed,
            qr_svg=qr_svg,
            check_in_url=check_in_url,
            **kwargs,
        )


# --- Check-in --------------------------------------------------------------------------------------------


class CheckInView(HostsMayMixin, TemplateView):
    """GET: the confirmed registrants by name, searchable, each with one button (check in, or undo).
    POST: check in the registration tapped, or the ticket code typed or scanned."""

    template_name = "events/attendance/check_in.html"
    capability = "check_in"

    def get_context_data(self, **kwargs):
        search = AttendeeSearchForm(self.request.GET or None)
        term = search.cleaned_data["q"] if search.is_valid() else ""
        attendees = selectors.attendee_list(community=self.community, event=self.event, search=term)
        count = None if term else self.event.confirmed_count
        page = CountedPaginator(attendees, PAGE_SIZE, count=count).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            search=search,
            term=term,
            page_obj=page,
            attendees=page.object_list,
            page_query=urlencode({"q": term}) if term else "",
            check_in_open=services.check_in_open_at(self.event, timezone.now()),
            **kwargs,
        )

    def back(self, *, anchor: str = ""):
        target = self.request.POST.get("next")
        if target == "scan":
            return redirect(self.page_url("check-in-scan"))
        return redirect(self.page_url("check-in", q=self.request.POST.get("q", "")[:100]) + anchor)

    def post(self, request, *args, **kwargs):
        form = CheckInForm(request.POST)
        if not form.is_valid():
            for error in form.non_field_errors() or [_("Choose a member in the list or type a ticket code.")]:
                messages.error(request, error)
            return self.back()
        registration = services.attendance_check_in(
            actor=request.user,
            community=self.community,
            event=self.event,
            registration_id=form.cleaned_data["registration_id"],
            ticket_code=form.cleaned_data["ticket_code"],
        )
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.membership.user.name})
        return self.back(anchor=f"#registration-{registration.pk}")


class CheckInUndoView(HostsMayMixin, View):
    """POST: take a check-in back (a wrong tap)."""

    capability = {"POST": "check_in"}

    def post(self, request, *args, **kwargs):
        form = UndoForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a member in the list."))
            return redirect(self.page_url("check-in"))
        registration = services.attendance_undo(
            actor=request.user,
            community=self.community,
            event=self.event,
            registration_id=form.cleaned_data["registration_id"],
        )
        messages.success(
            request, _("%(name)s is no longer checked in.") % {"name": registration.membership.user.name}
        )
        url = self.page_url("check-in", q=request.POST.get("q", "")[:100])
        return redirect(f"{url}#registration-{registration.pk}")


class CheckInScanView(HostsMayMixin, TemplateView):
    """The camera page: where the browser reads QR codes (BarcodeDetector), a scan fills the code and
    sends it; elsewhere the code is typed. A ticket's QR code opens this page with `?code=`: it shows
    whose ticket it is, and one button checks them in."""

    template_name = "events/attendance/scan.html"
    capability = "check_in"

    def get_context_data(self, **kwargs):
        code = self.request.GET.get("code", "").strip()[:64]
        found = selectors.ticket_holder(community=self.community, event=self.event, code=code)
        return super().get_context_data(
            code=code,
            found=found,
            form=CheckInForm(initial={"ticket_code": code}),
            check_in_open=services.check_in_open_at(self.event, timezone.now()),
            **kwargs,
        )


class NoShowsView(HostsMayMixin, TemplateView):
    """Confirmed registrants who were never checked in, once the event is over."""

    template_name = "events/attendance/no_shows.html"
    capability = "check_in"

    def get_context_data(self, **kwargs):
        no_shows = selectors.no_show_list(community=self.community, event=self.event)
        page = CountedPaginator(no_shows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page, no_shows=page.object_list, ended=self.event.is_past, **kwargs
        )


# --- Feedback --------------------------------------------------------------------------------------------


class FeedbackView(EventPageMixin, ServiceFormMixin, FormView):
    """An attendee's feedback: the form while feedback is open (prefilled with what they gave), else
    why not."""

    template_name = "events/attendance/feedback.html"
    form_class = FeedbackForm
    capability = {"GET": "view", "POST": "participate"}

    @cached_property
    def own(self):
        return selectors.own_feedback(community=self.community, event=self.event, membership=self.membership)

    def get_initial(self):
        own = self.own
        return {"rating": own.rating, "comments": own.comments} if own is not None else {}

    def get_context_data(self, **kwargs):
        registration = selectors.own_registration(
            community=self.community, event=self.event, membership=self.membership
        )
        return super().get_context_data(
            own=self.own,
            attended=registration is not None and registration.checked_in_at is not None,
            is_open=feedback_open_at(self.event, timezone.now()),
            ended=self.event.is_past,
            **kwargs,
        )

    def perform(self, form):
        feedback_give(
            actor=self.request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(self.request, _("Thank you: the organisers will read your feedback."))
        return redirect(self.page_url("feedback"))


class FeedbackResultsView(HostsMayMixin, TemplateView):
    """The operators' results: the average, the distribution and the comments, newest first."""

    template_name = "events/attendance/feedback_results.html"
    capability = "manage_events"

    def get_context_data(self, **kwargs):
        results = selectors.feedback_results(community=self.community, event=self.event)
        entries = selectors.feedback_list(community=self.community, event=self.event)
        page = CountedPaginator(entries, PAGE_SIZE, count=results.count).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(results=results, page_obj=page, entries=page.object_list, **kwargs)


# --- Calendars -------------------------------------------------------------------------------------------


class EventCalendarView(EventPageMixin, View):
    """/c/<slug>/events/<id>/calendar.ics: the event for a calendar application; its meeting link only
    for a member whose registration is confirmed."""

    capability = PUBLIC

    def get(self, request, *args, **kwargs):
        event = self.event
        registration = selectors.own_registration(
            community=self.community, event=event, membership=self.membership
        )
        meeting_url = (
            event.meeting_url
            if registration is not None and registration.status == RegistrationStatus.CONFIRMED
            else ""
        )
        content = calendars.calendar_bytes(
            [calendars.Entry(event=event, meeting_url=meeting_url)],
            name=event.title,
            url_of=lambda item: event_url(request, item),
            domain=request.get_host().split(":")[0],
        )
        response = calendar_response(content, f"{event.slug}.ics")
        patch_cache_control(response, private=True, no_cache=True)
        return response


class CommunityCalendarView(CommunityMixin, View):
    """/c/<slug>/events/calendar.ics: the community's public events, for anyone to subscribe to."""

    capability = PUBLIC

    def get(self, request, *args, **kwargs):
        rows = selectors.community_calendar_events(community=self.community)
        content = calendars.calendar_bytes(
            [calendars.Entry(event=event) for event in rows],
            name=self.community.name,
            url_of=lambda item: event_url(request, item),
            domain=request.get_host().split(":")[0],
        )
        response = calendar_response(content, f"{self.community.slug}-events.ics")
        patch_cache_control(response, public=True, max_age=15 * 60)
        return response


class MemberCalendarView(View):
    """/calendar/<key>.ics: an account's private feed, its confirmed and waitlisted events in every
    community where it is an active member. The key is the credential (no session: calendar
    applications have none); an unknown or replaced key is a 404."""

    def get(self, request, key):
        feed = selectors.calendar_feed_for_key(key=key)
        if feed is None:
            raise Http404
        user = feed.user
        with translation.override(user.language or None):
            registrations = selectors.member_calendar_registrations(user=user)
            entries = [
                calendars.Entry(
                    event=registration.event,
                    waitlisted=registration.status == RegistrationStatus.WAITLISTED,
                    meeting_url=registration.event.meeting_url
                    if registration.status == RegistrationStatus.CONFIRMED
                    else "",
                )
                for registration in registrations
            ]
            content = calendars.calendar_bytes(
                entries,
                name=_("My events on Guildhall"),
                url_of=lambda item: event_url(request, item),
                domain=request.get_host().split(":")[0],
            )
        response = calendar_response(content, "my-events.ics")
        patch_cache_control(response, private=True, no_cache=True)
        return response


class CalendarFeedView(LoginRequiredMixin, View):
    """/me/calendar/: the member's private calendar address. Making one (or a new one) shows it once;
    revoking it stops it at once."""

    template_name = "events/attendance/calendar_feed.html"

    def get(self, request):
        return render(request, self.template_name, {"feed": selectors.calendar_feed_of(user=request.user)})

    def post(self, request):
        if request.POST.get("action") == "revoke":
            if calendar_services.calendar_feed_revoke(user=request.user):
                messages.success(
                    request, _("Your calendar address was revoked: calendars using it stop updating.")
                )
            return redirect("events:calendar-feed")
        feed, key = calendar_services.calendar_feed_renew(user=request.user)
        feed_url = request.build_absolute_uri(reverse("events:member-calendar", kwargs={"key": key}))
        response = render(request, self.template_name, {"feed": feed, "feed_url": feed_url})
        add_never_cache_headers(response)
        return response

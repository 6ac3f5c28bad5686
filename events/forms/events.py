"""Forms of events: the event (with its repeat rule when created), the list's filters, the registration
(with the event's questions), the operators' question and settings forms."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from communities.images import ImageUploadField
from communities.validators import timezone_names
from events.models import EventFormat, EventKind, EventStatus, EventVisibility
from events.models.events import (
    ADDRESS_MAX,
    CAPACITY_MAX,
    DESCRIPTION_MAX,
    OPEN_REGISTRATIONS_MAX,
    RRULE_MAX,
    SERIES_MAX_OCCURRENCES,
    TITLE_MAX,
    URL_MAX,
    VENUE_MAX,
)
from events.models.registrations import ANSWER_MAX, HELP_MAX, LABEL_MAX
from events.selectors.events import PAST, UPCOMING, EventQuery
from members.models import Membership

TIMES = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
REPEATS = {"daily": "DAILY", "weekly": "WEEKLY", "fortnightly": "WEEKLY;INTERVAL=2", "monthly": "MONTHLY"}


def zone_choices() -> list[tuple[str, str]]:
    return [(zone, zone) for zone in sorted(timezone_names())]


class EventForm(forms.Form):
    """An event's fields. Times are typed in the event's time zone (the field below, the community's by
    default). When creating, `repeat` and `occurrences` (or a rule of one's own) make a series."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices)
    starts_at = BoundedDateTimeField(label=_("Starts"))
    ends_at = BoundedDateTimeField(label=_("Ends"))
    time_zone = forms.ChoiceField(label=_("Time zone"), help_text=_("The times above are in this time zone."))
    description = forms.CharField(
        label=_("Description (Markdown)"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "data-post-editor": "", "spellcheck": "true"}),
    )
    cover = ImageUploadField(label=_("Cover image"), required=False)
    meeting_url = forms.URLField(
        label=_("Meeting link"),
        max_length=URL_MAX,
        required=False,
        assume_scheme="https",
        help_text=_("Online events: shown only to members whose registration is confirmed."),
    )
    venue = forms.CharField(label=_("Venue"), max_length=VENUE_MAX, required=False)
    address = forms.CharField(label=_("Address"), max_length=ADDRESS_MAX, required=False)
    map_url = forms.URLField(label=_("Map link"), max_length=URL_MAX, required=False, assume_scheme="https")
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=CAPACITY_MAX,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    waitlist_enabled = forms.BooleanField(label=_("Waitlist when full"), required=False, initial=True)
    requires_approval = forms.BooleanField(label=_("Registrations need approval"), required=False)
    registration_opens_at = BoundedDateTimeField(label=_("Registration opens (optional)"), required=False)
    registration_closes_at = BoundedDateTimeField(label=_("Registration closes (optional)"), required=False)
    visibility = forms.ChoiceField(label=_("Who can see it"), choices=EventVisibility.choices)
    hosts = forms.CharField(
        label=_("Hosts (optional)"),
        max_length=1000,
        required=False,
        help_text=_(
            "Usernames of members, separated by commas: hosts edit the event and manage its registrations."
        ),
    )
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        required=False,
        choices=[
            ("", _("Does not repeat")),
            ("daily", _("Every day")),
            ("weekly", _("Every week")),
            ("fortnightly", _("Every two weeks")),
            ("monthly", _("Every month")),
        ],
    )
    occurrences = forms.IntegerField(
        label=_("Number of occurrences"), min_value=2, max_value=SERIES_MAX_OCCURRENCES, required=False
    )
    rrule = forms.CharField(
        label=_("Or a recurrence rule (advanced)"),
        max_length=RRULE_MAX,
        required=False,
        help_text=_("RFC 5545, with COUNT or UNTIL: for example FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12."),
    )
    scope = forms.ChoiceField(
        label=_("Apply the changes to"),
        choices=[("this", _("This event only")), ("following", _("This event and the following ones"))],
        initial="this",
        widget=forms.RadioSelect,
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False, initial=True)

    def __init__(self, *args, community, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.community, self.event = community, event
        self.fields["time_zone"].choices = zone_choices()
        self.fields["time_zone"].initial = community.timezone
        if event is None:
            del self.fields["scope"]
        else:
            for name in ("repeat", "occurrences", "rrule", "publish"):
                del self.fields[name]
            if event.series_id is None:
                del self.fields["scope"]
            zone = zoneinfo.ZoneInfo(event.time_zone)
            for name in [field.name for field in event._meta.concrete_fields]:
                if name in self.fields and name != "cover":
                    value = getattr(event, name)
                    if name in TIMES and value is not None:
                        value = timezone.localtime(value, zone).replace(tzinfo=None)
                    self.initial.setdefault(name, value)
            self.initial.setdefault(
                "hosts",
                ", ".join(
                    host.membership.user.username for host in event.hosts.select_related("membership__user")
                ),
            )

    def clean(self):
        data = super().clean()
        zone_name = data.get("time_zone") or self.community.timezone
        zone = zoneinfo.ZoneInfo(zone_name)
        for name in TIMES:
            value = data.get(name)
            if isinstance(value, datetime):  # typed in the event's zone, not the page's
                data[name] = timezone.make_aware(value.replace(tzinfo=None), zone)
        if data.get("repeat") and not data.get("rrule"):
            if not data.get("occurrences"):
                self.add_error("occurrences", _("How many times does it happen?"))
            else:
                data["rrule"] = f"FREQ={REPEATS[data['repeat']]};COUNT={data['occurrences']}"
        return data

    def host_ids(self) -> list[int]:
        names = [
            name.strip().lstrip("@") for name in self.cleaned_data.get("hosts", "").split(",") if name.strip()
        ]
        if not names:
            return []
        found = dict(
            Membership.objects.for_community(self.community)
            .filter(user__username__in=names, status="active")
            .values_list("user__username", "pk")
        )
        missing = [name for name in names if name not in found]
        if missing:
            raise forms.ValidationError(
                {"hosts": [_("Not an active member here: %(names)s.") % {"names": ", ".join(missing)}]}
            )
        return [found[name] for name in names]

    def service_fields(self) -> dict:
        """What the services take: the event's fields, hosts and cover (and the rule when creating)."""
        data = dict(self.cleaned_data)
        fields = {
            name: data.get(name)
            for name in (
                "title", "kind", "format", "starts_at", "ends_at", "time_zone", "description", "meeting_url",
                "venue", "address", "map_url", "capacity", "waitlist_enabled", "requires_approval",
                "registration_opens_at", "registration_closes_at", "visibility",
            )
        }  # fmt: skip
        fields["description"] = fields["description"] or ""
        for name in ("meeting_url", "venue", "address", "map_url"):
            fields[name] = fields[name] or ""
        fields["host_ids"] = self.host_ids()
        if data.get("cover"):
            fields["cover"] = data["cover"]
        return fields


class EventFilterForm(forms.Form):
    """The list's filters (the same EventQuery as the API's)."""

    time = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[(UPCOMING, _("Upcoming")), (PAST, _("Past")), ("all", _("All"))],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *EventStatus.choices]
    )

    def query(self) -> EventQuery:
        data = self.cleaned_data if self.is_valid() else {}
        time = data.get("time") or UPCOMING
        return EventQuery(
            time="" if time == "all" else time, kind=data.get("kind", ""), status=data.get("status", "")
        )


class RegistrationForm(forms.Form):
    """Registering: one text field per question of the event."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"answer_{question.pk}"] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=question.required,
                max_length=ANSWER_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix("answer_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("answer_") and value
        }


class RegistrationQuestionForm(forms.Form):
    label = forms.CharField(label=_("Question"), max_length=LABEL_MAX)
    help_text = forms.CharField(label=_("Hint (optional)"), max_length=HELP_MAX, required=False)
    required = forms.BooleanField(label=_("Required"), required=False)


class DeclineForm(forms.Form):
    note = forms.CharField(label=_("Note to the member (optional)"), max_length=2000, required=False)


class EventSettingsForm(forms.Form):
    max_open_registrations = forms.IntegerField(
        label=_("Open registrations per member"),
        min_value=0,
        max_value=OPEN_REGISTRATIONS_MAX,
        help_text=_(
            "How many upcoming events a member may be registered for (or waitlisted) at once. 0: no limit."
        ),
    )

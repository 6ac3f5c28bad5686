"""The audit log's filters: one FilterSet for the HTML page, its CSV export and the API.

People are found by name: `by` matches the actor's account name or username, `member` the name the
member goes by in the community (profile), their account name or username, or the name stored with the
entry. The API keeps its exact filters too (`actor`: username, `subject`: membership id).
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateFilter
from communities.filters import IdFilter
from members.models import AuditLogEntry, MemberProfile

NAME_MAX = 100

# The actions the platform writes, as the filter offers them (any other dotted name still filters).
ACTION_CHOICES = [
    ("application.approved", _("Application approved")),
    ("application.rejected", _("Application rejected")),
    ("member.warned", _("Member warned")),
    ("member.muted", _("Member muted")),
    ("member.unmuted", _("Mute lifted")),
    ("member.banned", _("Member banned")),
    ("member.unbanned", _("Ban lifted")),
    ("member.content_removed", _("Content removed (member)")),
    ("content.removed", _("Content removed")),
    ("reports.dismissed", _("Reports dismissed")),
    ("member.removed", _("Member removed")),
    ("member.role_changed", _("Role changed")),
    ("member.role_granted", _("Role granted by invitation")),
    ("member.guest_expert", _("Guest expert brought in")),
    ("ownership.transferred", _("Ownership transferred")),
    ("invitation.created", _("Invitation created")),
    ("invitation.revoked", _("Invitation revoked")),
    ("moderation.settings_changed", _("Moderation settings changed")),
    ("trust.promoted", _("Trust level raised")),
    ("trust.demoted", _("Trust level lowered")),
]


def _words(value: str) -> str:
    return " ".join(value.split())


class AuditLogFilter(django_filters.FilterSet):
    action = django_filters.CharFilter(
        label=_("Action"),
        help_text=_("For example member.banned"),
        widget=forms.Select(choices=[("", _("Any action")), *ACTION_CHOICES]),
    )
    by = django_filters.CharFilter(
        label=_("By"),
        method="filter_by",
        max_length=NAME_MAX,
        help_text=_("Part of the name of who took the decision."),
    )
    member = django_filters.CharFilter(
        label=_("Member"),
        method="filter_member",
        max_length=NAME_MAX,
        help_text=_("Part of the name of the member it was about."),
    )
    actor = django_filters.CharFilter(
        field_name="actor__username", label=_("By (username)"), help_text=_("Who took the decision.")
    )
    subject = IdFilter(
        field_name="subject_id", label=_("Member (membership id)"), widget=forms.NumberInput(attrs={"min": 1})
    )
    since = BoundedDateFilter(field_name="created_at", lookup_expr="date__gte", label=_("From"))
    until = BoundedDateFilter(field_name="created_at", lookup_expr="date__lte", label=_("Until"))

    # The fields the HTML page offers; `actor` and `subject` stay for the API and for links.
    PAGE_FIELDS = ("action", "by", "member", "since", "until")

    class Meta:
        model = AuditLogEntry
        fields = ["action", "by", "member", "actor", "subject", "since", "until"]

    def filter_by(self, queryset, name, value):
        term = _words(value)
        if not term:
            return queryset
        return queryset.filter(Q(actor__display_name__icontains=term) | Q(actor__username__icontains=term))

    def filter_member(self, queryset, name, value):
        term = _words(value)
        if not term:
            return queryset
        profile = MemberProfile.objects.filter(
            community_id=OuterRef("community_id"),
            membership_id=OuterRef("subject_id"),
            display_name__icontains=term,
        )
        return queryset.filter(
            Q(subject_label__icontains=term)
            | Q(subject__user__display_name__icontains=term)
            | Q(subject__user__username__icontains=term)
            | Q(Exists(profile))
        )

    def page_fields(self):
        return [self.form[name] for name in self.PAGE_FIELDS]

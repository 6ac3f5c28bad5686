"""HTML forms of check-in (search, one tap, a typed or scanned ticket code) and feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.validators import INT32_MAX
from events.models.attendance import COMMENTS_MAX, RATING_MAX, RATING_MIN
from events.models.registrations import TICKET_CODE_LENGTH
from events.selectors.attendance import SEARCH_MAX


class AttendeeSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=SEARCH_MAX, required=False)


class CheckInForm(forms.Form):
    """One registration (a tap in the list) or a ticket code (typed, or read from the QR code)."""

    registration_id = forms.IntegerField(
        min_value=1, max_value=INT32_MAX, required=False, widget=forms.HiddenInput
    )
    ticket_code = forms.CharField(
        label=_("Ticket code"), max_length=TICKET_CODE_LENGTH * 2, required=False,
        help_text=_("The code printed under the QR code of the member's ticket."),
    )  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("registration_id") and not (cleaned.get("ticket_code") or "").strip():
            raise forms.ValidationError(_("Choose a member in the list or type a ticket code."))
        return cleaned


class UndoForm(forms.Form):
    registration_id = forms.IntegerField(min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"), coerce=int, widget=forms.RadioSelect,
        choices=[(n, str(n)) for n in range(RATING_MAX, RATING_MIN - 1, -1)],
        help_text=_("5 is the best."),
    )  # fmt: skip
    comments = forms.CharField(
        label=_("Comments"), max_length=COMMENTS_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What worked, what to change next time. The organisers read it; other members do not."),
    )  # fmt: skip

"""HTML forms of private conversations: starting one, replying, and the two settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import AcceptFrom
from content.models.conversations import BODY_MAX, MAX_PARTICIPANTS, SUBJECT_MAX, TRUST_LEVEL_RANGE

USERNAME_MAX = 150


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown is supported."),
    )  # fmt: skip


class ConversationStartForm(MessageForm):
    """Input only: `conversation_start` decides who may be reached; the view turns usernames into members."""

    recipients = forms.CharField(
        label=_("To"), max_length=(USERNAME_MAX + 2) * (MAX_PARTICIPANTS - 1),
        help_text=_("Usernames of members of this community, separated by commas (at most 9)."),
    )  # fmt: skip
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX, required=False)

    field_order = ["recipients", "subject", "body"]

    def clean_recipients(self) -> list[str]:
        names = [name.strip().lstrip("@") for name in self.cleaned_data["recipients"].split(",")]
        names = list(dict.fromkeys(name for name in names if name))
        if not names:
            raise forms.ValidationError(_("Choose who to write to."), code="recipients_required")
        return names


class MessagingPreferenceForm(forms.Form):
    accept_from = forms.ChoiceField(
        label=_("Who may start a conversation with me"),
        choices=AcceptFrom.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Conversations you already take part in go on whatever you choose; leave one to stop it."
        ),
    )


class MessagingSettingsForm(forms.Form):
    min_trust_level = forms.TypedChoiceField(
        label=_("Minimum trust level to start a conversation"),
        coerce=int,
        choices=[(level, level) for level in range(TRUST_LEVEL_RANGE[0], TRUST_LEVEL_RANGE[1] + 1)],
        help_text=_(
            "Operators and moderators are never held by it; members below it may still write to them and "
            "reply in conversations others start."
        ),
    )

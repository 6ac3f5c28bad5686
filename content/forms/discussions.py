"""HTML forms of spaces and discussions: a space, its members, a topic, a reply, the topic list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from communities.validators import INT32_MAX, MAX_POSITION
from content.models.discussions import (
    BODY_MAX,
    DESCRIPTION_MAX,
    NAME_MAX,
    SLOW_MODE_MAX,
    SLUG_MAX,
    TITLE_MAX,
    Emoji,
    Joining,
    WhoMayPost,
)


class SpaceForm(forms.Form):
    """Input only: `space_create` / `space_update` check the combinations and the address."""

    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    slug = forms.SlugField(
        label=_("Address"), max_length=SLUG_MAX, required=False,
        help_text=_("Letters, digits and dashes; made from the name when left empty."),
    )  # fmt: skip
    description = forms.CharField(
        label=_("Description"), max_length=DESCRIPTION_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Markdown is supported."),
    )  # fmt: skip
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=MAX_POSITION, initial=0)
    who_may_post = forms.ChoiceField(label=_("Who may start topics"), choices=WhoMayPost.choices)
    joining = forms.ChoiceField(label=_("Membership"), choices=Joining.choices)
    members_only = forms.BooleanField(
        label=_("Members only: only members of the space (and moderators) see its topics"), required=False
    )
    slow_mode_minutes = forms.IntegerField(
        label=_("Slow mode (minutes between two posts of a member, 0 for off)"),
        min_value=0, max_value=SLOW_MODE_MAX, initial=0,
    )  # fmt: skip


class SpaceMemberAddForm(forms.Form):
    username = forms.CharField(label=_("Username of the member"), max_length=150)


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Text"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown is supported. Mention a member with @username."),
    )  # fmt: skip
    is_prompt = forms.BooleanField(label=_("Prompt of the week: shown first"), required=False)

    def __init__(self, *args, may_prompt: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_prompt:
            del self.fields["is_prompt"]


def with_mentions(form, url: str):
    """Point the form's text at the @ autocomplete (static/js/mentions.js) and return the form."""
    form.fields["body"].widget.attrs["data-mentions"] = url
    return form


class ReplyEditForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown is supported. Mention a member with @username."),
    )  # fmt: skip


class ReplyForm(ReplyEditForm):
    """A new reply: the text, and which reply it answers or quotes."""

    parent_id = forms.IntegerField(required=False, min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput)
    quoted_id = forms.IntegerField(required=False, min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput)


class ReactionForm(forms.Form):
    emoji = forms.ChoiceField(choices=Emoji.choices)


class MoveForm(forms.Form):
    space = forms.ChoiceField(label=_("Move to the space"))
    reason = forms.CharField(label=_("Reason (for the audit log)"), max_length=2000, required=False)

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].choices = [(space.slug, space.name) for space in spaces]


class SlowModeForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("Slow mode: minutes between two posts of a member (0 for off)"),
        min_value=0, max_value=SLOW_MODE_MAX,
    )  # fmt: skip


class ReadOnlyForm(forms.Form):
    until = BoundedDateTimeField(
        label=_("Read-only until (empty to end it now)"), required=False,
        help_text=_("At most 30 days ahead. Only moderators post until then; it ends by itself."),
    )  # fmt: skip
    reason = forms.CharField(label=_("Reason (for the audit log)"), max_length=2000, required=False)


class SplitForm(forms.Form):
    reply_ids = forms.MultipleChoiceField(label=_("Replies to move"), widget=forms.CheckboxSelectMultiple)
    title = forms.CharField(label=_("Title of the new topic"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Text of the new topic"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(label=_("Reason (for the audit log)"), max_length=2000, required=False)

    def __init__(self, *args, replies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply_ids"].choices = [
            (reply.pk, f"{reply.author.user.name}: {reply.body[:80]}") for reply in replies
        ]

    def clean_reply_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["reply_ids"]]

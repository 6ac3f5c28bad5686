"""HTML pages of private conversations: the inbox, starting one, a conversation with its reply form,
marking it read and leaving it, and the messaging settings.

Opening a conversation only reads (decision 0009): the page marks itself read with a small POST that
htmx sends once it has loaded (a button does the same without JavaScript); replying marks it read too.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.forms.conversations import (
    ConversationStartForm,
    MessageForm,
    MessagingPreferenceForm,
    MessagingSettingsForm,
)
from content.models.conversations import MAX_PARTICIPANTS
from content.rendering import render_post_markdown
from content.selectors import conversations as selectors
from content.services import conversations as services

INBOX_PAGE_SIZE = 20
MESSAGES_PAGE_SIZE = 30


class InboxView(CommunityMixin, TemplateView):
    """/c/<slug>/messages/: the member's conversations, the latest message first, unread ones marked."""

    template_name = "content/conversations/inbox.html"
    capability = "view"

    def get_context_data(self, **kwargs):
        rows = selectors.inbox_list(community=self.community, membership=self.membership)
        page = Paginator(rows, INBOX_PAGE_SIZE).get_page(self.request.GET.get("page"))
        me = self.membership.pk
        return super().get_context_data(
            page=page,
            items=[
                (row, [p for p in row.conversation.participants.all() if p.membership_id != me])
                for row in page.object_list
            ],
            may_start=has_capability(self.membership, "participate"),
            **kwargs,
        )


class ConversationStartView(CommunityMixin, ServiceFormMixin, FormView):
    """/c/<slug>/messages/new/ (`?to=<membership id>` from a member's profile fills in the recipient)."""

    template_name = "content/conversations/start.html"
    form_class = ConversationStartForm
    capability = "participate"

    def get_initial(self):
        contact = selectors.contact_for(community=self.community, membership_id=self._to())
        return {"recipients": contact.user.username} if contact is not None else {}

    def _to(self):
        value = self.request.GET.get("to", "")
        return int(value) if value.isdigit() and len(value) < 19 else None

    def get_context_data(self, **kwargs):
        return super().get_context_data(max_people=MAX_PARTICIPANTS, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        conversation = services.conversation_start(
            actor=self.request.user,
            community=self.community,
            recipient_ids=selectors.recipient_ids_for(community=self.community, usernames=data["recipients"]),
            subject=data["subject"],
            body=data["body"],
        )
        return redirect(services.conversation_url(conversation))


class ConversationMixin(CommunityMixin):
    @cached_property
    def participant(self):
        """The caller's place in the conversation: a conversation they are not in is a 404."""
        return selectors.participant_get(
            community=self.community,
            membership=self.membership,
            conversation_id=self.kwargs["conversation_id"],
        )

    @property
    def conversation(self):
        return self.participant.conversation


class ConversationDetailView(ConversationMixin, ServiceFormMixin, FormView):
    """A conversation's messages, oldest first, the latest page by default; the reply form below."""

    template_name = "content/conversations/detail.html"
    form_class = MessageForm
    capability = {"GET": "view", "POST": "participate"}

    def get_context_data(self, **kwargs):
        participant = self.participant
        paginator = Paginator(
            selectors.message_list(community=self.community, conversation=participant.conversation),
            MESSAGES_PAGE_SIZE,
        )
        page = paginator.get_page(self.request.GET.get("page") or paginator.num_pages)
        held = selectors.held_message_ids(community=self.community, messages=page.object_list)
        rows = []
        for message in page.object_list:
            state = "removed" if message.removed_at else "held" if message.pk in held else ""
            rows.append((message, state, "" if state else render_post_markdown(message.body)))
        return super().get_context_data(
            participant=participant,
            conversation=participant.conversation,
            people=participant.conversation.participants.all(),
            page=page,
            rows=rows,
            unread=participant.unread_count,
            may_reply=has_capability(self.membership, "participate"),
            **kwargs,
        )

    def perform(self, form):
        services.message_send(
            actor=self.request.user,
            community=self.community,
            conversation=self.conversation,
            body=form.cleaned_data["body"],
        )
        return redirect(f"{services.conversation_url(self.conversation)}#latest")


class ConversationReadView(ConversationMixin, View):
    """POST: everything in the conversation is read (sent by the page itself once loaded)."""

    capability = {"POST": "view"}

    def post(self, request, *args, **kwargs):
        services.conversation_mark_read(
            actor=request.user, community=self.community, conversation=self.conversation
        )
        if request.headers.get("HX-Request"):
            return HttpResponse("")  # htmx swaps the "unread" form out for nothing
        return redirect(services.conversation_url(self.conversation))


class ConversationLeaveView(ConversationMixin, View):
    capability = {"POST": "view"}

    def post(self, request, *args, **kwargs):
        services.conversation_leave(
            actor=request.user, community=self.community, conversation=self.conversation
        )
        messages.success(request, _("You left the conversation."))
        return redirect("content:conversations", slug=self.community.slug)


class SettingsMixin(CommunityMixin):
    """The settings page: the member's own form, and for operators the community's rule."""

    template_name = "content/conversations/settings.html"

    def settings_context(self, **forms_given) -> dict:
        preference = selectors.messaging_preference_for(community=self.community, membership=self.membership)
        context = {
            "form": forms_given.get("form")
            or MessagingPreferenceForm(initial={"accept_from": preference.accept_from}),
        }
        if has_capability(self.membership, "manage_community"):
            rule = selectors.messaging_settings_for(community=self.community)
            context["settings_form"] = forms_given.get("settings_form") or MessagingSettingsForm(
                initial={"min_trust_level": rule.min_trust_level}
            )
        return context

    def done(self, message):
        messages.success(self.request, message)
        return redirect("content:messaging-settings", slug=self.community.slug)


class MessagingSettingsView(SettingsMixin, ServiceFormMixin, FormView):
    """/c/<slug>/messages/settings/: "who may message me" (posts here)."""

    form_class = MessagingPreferenceForm
    capability = {"GET": "view", "POST": "participate"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.settings_context(form=kwargs.pop("form", None)), **kwargs)

    def perform(self, form):
        services.messaging_preference_set(
            actor=self.request.user, community=self.community, accept_from=form.cleaned_data["accept_from"]
        )
        return self.done(_("Your messaging setting is saved."))


class MessagingRuleView(SettingsMixin, ServiceFormMixin, FormView):
    """POST /c/<slug>/messages/settings/community/: operators set the minimum trust level to start one."""

    form_class = MessagingSettingsForm
    capability = {"GET": "manage_community", "POST": "manage_community"}

    def get(self, request, *args, **kwargs):
        return redirect("content:messaging-settings", slug=self.community.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.settings_context(settings_form=kwargs.pop("form", None)), **kwargs
        )

    def perform(self, form):
        services.messaging_settings_update(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        return self.done(_("The community's messaging rule is saved."))

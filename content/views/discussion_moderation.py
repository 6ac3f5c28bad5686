"""HTML moderation of discussions (`moderate`): a topic's moderation page (lock, close, pin, prompt of
the week, move, slow mode, read-only), splitting replies into a new topic, a space's slow mode and
read-only time, and the community-wide read-only time. A form with bad input comes back with its
messages beside its fields; a refusal of the service comes back as a flash message (the one handler of
domain errors)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.errors.discussions import DiscussionInvalid
from content.forms.discussions import MoveForm, ReadOnlyForm, SlowModeForm, SplitForm
from content.selectors import discussions as selectors
from content.services import discussion_moderation as services
from content.services.discussions import topic_url
from content.views.discussions import TopicMixin
from content.views.spaces import SpaceMixin

FLAGS = {
    "lock": (services.topic_lock, "locked", True),
    "unlock": (services.topic_lock, "locked", False),
    "close": (services.topic_close, "closed", True),
    "reopen": (services.topic_close, "closed", False),
    "pin": (services.topic_pin, "pinned", True),
    "unpin": (services.topic_pin, "pinned", False),
    "prompt": (services.topic_prompt, "prompt", True),
    "unprompt": (services.topic_prompt, "prompt", False),
}


class ModerationFormsMixin:
    """POST handling shared by the topic and space moderation pages: each action's form is bound and
    checked; an invalid one re-renders the page with that form's messages beside its fields (as a
    FormView does), a valid one runs the action and goes back to what was moderated."""

    # action -> the context name of its form; each page defines `bound(action)` (that action's form,
    # bound to the POST) and `act(action, data)` (the service call and the redirect).
    forms: dict[str, str] = {}

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        form = self.bound(action) if action in self.forms else None
        if form is not None and not form.is_valid():
            context = self.get_context_data(**{self.forms[action]: form})
            return self.render_to_response(context)
        response = self.act(action, form.cleaned_data if form is not None else {})
        messages.success(request, _("Done."))
        return response


class TopicModerationView(ModerationFormsMixin, TopicMixin, TemplateView):
    """GET: the topic's moderation page. POST `action`: one of FLAGS, `move`, `slow_mode`, `read_only`."""

    template_name = "content/discussions/moderate.html"
    capability = "moderate"
    forms = {"move": "move_form", "slow_mode": "slow_form", "read_only": "read_only_form"}

    def get_context_data(self, **kwargs):
        spaces = selectors.space_list(community=self.community)
        kwargs.setdefault("move_form", MoveForm(spaces=spaces, initial={"space": self.topic.space.slug}))
        kwargs.setdefault("slow_form", SlowModeForm(initial={"minutes": self.topic.slow_mode_minutes}))
        kwargs.setdefault("read_only_form", ReadOnlyForm(initial={"until": self.topic.read_only_until}))
        return super().get_context_data(
            topic=self.topic,
            space=self.topic.space,
            may_prompt=has_capability(self.membership, "manage_spaces"),
            **kwargs,
        )

    def bound(self, action):
        if action == "move":
            return MoveForm(self.request.POST, spaces=selectors.space_list(community=self.community))
        return SlowModeForm(self.request.POST) if action == "slow_mode" else ReadOnlyForm(self.request.POST)

    def act(self, action, data):
        common = {"actor": self.request.user, "community": self.community, "topic": self.topic}
        if action in FLAGS:
            service, argument, on = FLAGS[action]
            service(**common, **{argument: on})
        elif action == "move":
            space = selectors.space_get(community=self.community, slug=data["space"])
            services.topic_move(**common, space=space, reason=data["reason"])
        elif action == "slow_mode":
            services.topic_slow_mode(**common, minutes=data["minutes"])
        elif action == "read_only":
            services.topic_read_only(**common, until=data["until"], reason=data["reason"])
        else:
            raise DiscussionInvalid(fields={"action": [str(_("Choose an action."))]})
        return redirect(topic_url(self.topic))


class TopicSplitView(TopicMixin, ServiceFormMixin, FormView):
    """Choose replies of the topic to move into a new topic in the same space."""

    template_name = "content/discussions/split.html"
    form_class = SplitForm
    capability = "moderate"

    @cached_property
    def replies(self):
        return list(selectors.reply_list(community=self.community, topic=self.topic))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "replies": self.replies}

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, space=self.topic.space, **kwargs)

    def perform(self, form):
        new = services.topic_split(
            actor=self.request.user, community=self.community, topic=self.topic, **form.cleaned_data
        )
        messages.success(self.request, _("The replies now have a topic of their own."))
        return redirect(topic_url(new))


class SpaceModerationView(ModerationFormsMixin, SpaceMixin, TemplateView):
    """A space's slow mode and read-only time."""

    template_name = "content/discussions/moderate_space.html"
    capability = "moderate"
    forms = {"slow_mode": "slow_form", "read_only": "read_only_form"}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("slow_form", SlowModeForm(initial={"minutes": self.space.slow_mode_minutes}))
        kwargs.setdefault("read_only_form", ReadOnlyForm(initial={"until": self.space.read_only_until}))
        return super().get_context_data(space=self.space, **kwargs)

    def bound(self, action):
        return SlowModeForm(self.request.POST) if action == "slow_mode" else ReadOnlyForm(self.request.POST)

    def act(self, action, data):
        common = {"actor": self.request.user, "community": self.community, "space": self.space}
        if action == "slow_mode":
            services.space_slow_mode(**common, minutes=data["minutes"])
        elif action == "read_only":
            services.space_read_only(**common, until=data["until"], reason=data["reason"])
        else:
            raise DiscussionInvalid(fields={"action": [str(_("Choose an action."))]})
        return self.space_url()


class CommunityReadOnlyView(CommunityMixin, ServiceFormMixin, FormView):
    """Every discussion of the community read-only until a time (it ends by itself)."""

    template_name = "content/discussions/read_only.html"
    form_class = ReadOnlyForm
    capability = "moderate"

    def get_initial(self):
        return {"until": selectors.discussion_settings_for(community=self.community).read_only_until}

    def perform(self, form):
        services.community_read_only(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("Saved."))
        return redirect("content:spaces", slug=self.community.slug)

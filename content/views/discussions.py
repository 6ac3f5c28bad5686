"""HTML pages of discussions: starting a topic, a topic with its replies (one level of nesting, the
reply form, answering or quoting a reply), editing a topic, and reactions (a toggle)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.errors.discussions import DiscussionInvalid, NotTheAuthor
from content.forms.discussions import ReactionForm, ReplyEditForm, ReplyForm, TopicForm, with_mentions
from content.models.discussions import Emoji
from content.rendering import render_post_markdown
from content.selectors import discussions as selectors
from content.services import discussions as services
from content.views.reply_cards import reply_cards
from content.views.spaces import SpaceMixin


class MentionsMixin:
    """The text field of the view's form suggests members to mention."""

    def get_form(self, form_class=None):
        url = reverse("content:mention-suggestions", kwargs={"slug": self.community.slug})
        return with_mentions(super().get_form(form_class), url)


class TopicCreateView(MentionsMixin, SpaceMixin, ServiceFormMixin, FormView):
    """/c/<slug>/spaces/<space_slug>/topics/new/: who may is the service's call (shown as a form error)."""

    template_name = "content/discussions/topic_form.html"
    form_class = TopicForm
    capability = "participate"

    def get_form_kwargs(self):
        may_prompt = has_capability(self.membership, "manage_spaces")
        return {**super().get_form_kwargs(), "may_prompt": may_prompt}

    def get_context_data(self, **kwargs):
        return super().get_context_data(space=self.space, **kwargs)

    def perform(self, form):
        topic = services.topic_create(
            actor=self.request.user, community=self.community, space=self.space, **form.cleaned_data
        )
        messages.success(self.request, _("Your topic is posted."))
        return redirect("content:topic-detail", slug=self.community.slug, topic_id=topic.pk)


class TopicMixin(CommunityMixin):
    @cached_property
    def topic(self):
        return selectors.topic_get(
            community=self.community, membership=self.membership, topic_id=self.kwargs["topic_id"]
        )

    def may_edit(self) -> bool:
        membership = self.membership
        if has_capability(membership, "moderate"):
            return True
        return has_capability(membership, "participate") and self.topic.author_id == membership.pk

    def back_to_topic(self, anchor: str = ""):
        return redirect(services.topic_url(self.topic) + anchor)


class TopicDetailView(MentionsMixin, TopicMixin, ServiceFormMixin, FormView):
    """A topic and a page of its top-level replies, each with its nested replies (the same number of
    queries for 5 or 50 replies, each reply's card kept rendered: content.views.reply_cards);
    `?reply_to=<id>` and `?quote=<id>` prepare the form."""

    template_name = "content/discussions/topic.html"
    form_class = ReplyForm
    capability = {"GET": "view", "POST": "participate"}

    def get_initial(self):
        initial = {}
        for name, field in (("reply_to", "parent_id"), ("quote", "quoted_id")):
            value = self.request.GET.get(name, "")
            if value.isdigit() and len(value) < 19:
                initial[field] = int(value)
        return initial

    def get_context_data(self, **kwargs):
        topic, community, membership = self.topic, self.community, self.membership
        parents = selectors.top_level_replies(community=community, topic=topic)
        page = Paginator(parents, selectors.REPLIES_PER_PAGE).get_page(self.request.GET.get("page"))
        threads = selectors.reply_threads(community=community, topic=topic, parents=page.object_list)
        member_of = selectors.my_space_ids(community=community, membership=membership)
        mine = selectors.my_reactions(community=community, membership=membership, topic=topic)
        may_reply = selectors.may_reply(membership, topic.space, member_of)
        may_react = has_capability(membership, "participate")
        cards = reply_cards(
            self.request,
            community=community,
            topic=topic,
            replies=[reply for thread in threads for reply in (thread.reply, *thread.children)],
            membership=membership,
            mine=mine,
            may_react=may_react,
            may_reply=may_reply,
        )
        kwargs.setdefault("form", self.get_form())
        form = kwargs["form"]
        quoting = self._named_reply(form, "quoted_id")
        return super().get_context_data(
            topic=topic,
            space=topic.space,
            body_html=render_post_markdown(topic.body),
            threads=[(cards[t.reply.pk], [cards[child.pk] for child in t.children]) for t in threads],
            page_obj=page,
            mine=mine,
            emojis=Emoji.choices,
            may_reply=may_reply,
            may_react=may_react,
            may_edit=self.may_edit(),
            read_only_until=selectors.read_only_until(community=community, space=topic.space, topic=topic),
            replying_to=self._named_reply(form, "parent_id"),
            quoting=quoting,
            quote_preview=services.quote_excerpt(quoting.body) if quoting else "",
            **kwargs,
        )

    def _named_reply(self, form, field):
        value = form.initial.get(field) or (form.data.get(field) if form.is_bound else None)
        if not value or not str(value).isdigit():
            return None
        return selectors.reply_list(community=self.community, topic=self.topic).filter(pk=value).first()

    def perform(self, form):
        reply = services.reply_create(
            actor=self.request.user, community=self.community, topic=self.topic, **form.cleaned_data
        )
        messages.success(self.request, _("Your reply is posted."))
        return self.back_to_topic(f"#reply-{reply.pk}")


class TopicEditView(TopicMixin, ServiceFormMixin, FormView):
    """The author or a moderator edits the title and the text (the service decides)."""

    template_name = "content/discussions/topic_form.html"
    form_class = TopicForm
    capability = "participate"

    def get_form(self, form_class=None):
        if not self.may_edit():
            raise NotTheAuthor()
        return super().get_form(form_class)

    def get_initial(self):
        return {"title": self.topic.title, "body": self.topic.body}

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, space=self.topic.space, **kwargs)

    def perform(self, form):
        services.topic_update(
            actor=self.request.user,
            community=self.community,
            topic=self.topic,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
        )
        messages.success(self.request, _("The topic is saved."))
        return self.back_to_topic()


class ReplyEditView(MentionsMixin, TopicMixin, ServiceFormMixin, FormView):
    """The reply's author (while the topic is open) or a moderator edits its text (the service decides)."""

    template_name = "content/discussions/reply_form.html"
    form_class = ReplyEditForm
    capability = "participate"

    @cached_property
    def reply(self):
        return selectors.reply_get(
            community=self.community, topic=self.topic, reply_id=self.kwargs["reply_id"]
        )

    def get_form(self, form_class=None):
        if not (has_capability(self.membership, "moderate") or self.reply.author_id == self.membership.pk):
            raise NotTheAuthor()
        return super().get_form(form_class)

    def get_initial(self):
        return {"body": self.reply.body}

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, reply=self.reply, **kwargs)

    def perform(self, form):
        services.reply_update(
            actor=self.request.user,
            community=self.community,
            reply=self.reply,
            body=form.cleaned_data["body"],
        )
        messages.success(self.request, _("Your changes are saved."))
        return self.back_to_topic(f"#reply-{self.reply.pk}")


class ReactView(TopicMixin, View):
    """POST {emoji}: add the reaction, or take it back when it is there (a toggle)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        form = ReactionForm(request.POST)
        if not form.is_valid():
            raise DiscussionInvalid(fields={"emoji": list(form.errors.get("emoji", []))})
        reply = None
        if "reply_id" in kwargs:
            reply = selectors.reply_get(
                community=self.community, topic=self.topic, reply_id=kwargs["reply_id"]
            )
        services.reaction_toggle(
            actor=request.user,
            community=self.community,
            topic=self.topic,
            reply=reply,
            emoji=form.cleaned_data["emoji"],
        )
        return self.back_to_topic(f"#reply-{reply.pk}" if reply else "")


class MentionSuggestionsView(CommunityMixin, View):
    """GET ?q=<prefix>: active members to mention, as JSON (the reply form's autocomplete,
    static/js/mentions.js). Members only: names are members' names."""

    capability = "view_members"

    def get(self, request, *args, **kwargs):
        members = selectors.mention_candidates(community=self.community, prefix=request.GET.get("q", ""))
        return JsonResponse(
            {"results": [{"username": m.user.username, "name": m.user.name} for m in members]}
        )

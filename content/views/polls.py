"""HTML of polls and follows on a topic's page: adding a poll, voting, closing it early, and the
follow / unfollow button. The poll card and the button are drawn by `{% topic_poll %}` and
`{% topic_follow %}` (content/templatetags/content_topics.py)."""

from django.contrib import messages
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from communities.mixins import ServiceFormMixin
from content.errors.polls import PollExists, PollInvalid, PollNotAllowed
from content.forms.polls import PollForm, VoteForm
from content.selectors import polls as selectors
from content.services import follows as follow_services
from content.services import polls as services
from content.views.discussions import TopicMixin


class PollCreateView(TopicMixin, ServiceFormMixin, FormView):
    """/c/<slug>/topics/<id>/poll/new/: the topic's author or a moderator adds its poll."""

    template_name = "content/polls/form.html"
    form_class = PollForm
    capability = "participate"

    def get_form(self, form_class=None):
        if not services.may_manage_poll(self.membership, self.topic):
            raise PollNotAllowed()
        if selectors.poll_for_topic(community=self.community, topic=self.topic) is not None:
            raise PollExists()
        return super().get_form(form_class)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)

    def perform(self, form):
        services.poll_create(
            actor=self.request.user, community=self.community, topic=self.topic, **form.cleaned_data
        )
        messages.success(self.request, _("The poll is open."))
        return self.back_to_topic("#poll")


class PollMixin(TopicMixin):
    @cached_property
    def poll(self):
        return selectors.poll_get(community=self.community, topic=self.topic)


class PollVoteView(PollMixin, View):
    """POST the chosen option ids (`options`): one vote per member; the service refuses the rest."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        option_ids = [option.pk for option in self.poll.options.all()]
        form = VoteForm(request.POST, option_ids=option_ids)
        if not form.is_valid():
            raise PollInvalid(fields={"options": [str(_("Choose options of this poll."))]})
        services.poll_vote(
            actor=request.user,
            community=self.community,
            poll=self.poll,
            option_ids=form.cleaned_data["options"],
        )
        messages.success(request, _("Your vote is counted."))
        return self.back_to_topic("#poll")


class PollCloseView(PollMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.poll_close(actor=request.user, community=self.community, poll=self.poll)
        messages.success(request, _("The poll is closed."))
        return self.back_to_topic("#poll")


class FollowView(TopicMixin, View):
    """POST: follow the topic, or stop following it when the member follows it (a toggle)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        if selectors.is_following(community=self.community, topic=self.topic, membership=self.membership):
            follow_services.topic_unfollow(actor=request.user, community=self.community, topic=self.topic)
            messages.success(request, _("You no longer follow this topic."))
        else:
            follow_services.topic_follow(actor=request.user, community=self.community, topic=self.topic)
            messages.success(request, _("You follow this topic: new replies come to your notifications."))
        return self.back_to_topic()

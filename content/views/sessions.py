"""HTML pages of expert sessions: the list, scheduling, a session with its question queue (asking,
upvoting, answering), and the guest experts.

Session times are shown, and typed, in the reader's own time zone (a signed-in reader's setting, else
the community's): a session is an appointment each reader keeps where they are.
"""

import zoneinfo

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.forms.sessions import GuestExpertForm, SessionAnswerForm, SessionForm, SessionQuestionForm
from content.models.sessions import SessionStatus
from content.selectors import sessions as selectors
from content.services import sessions as services


class ReaderTimeZoneMixin:
    """After CommunityMixin (which activates the community's zone): the signed-in reader's own zone."""

    def dispatch(self, request, *args, **kwargs):
        zone = getattr(request.user, "timezone", "") if request.user.is_authenticated else ""
        if zone:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reader_zone=timezone.get_current_timezone_name(), **kwargs)


class SessionListView(CommunityMixin, ReaderTimeZoneMixin, TemplateView):
    """/c/<slug>/sessions/: live and upcoming sessions first, then the archive."""

    template_name = "content/sessions/list.html"
    capability = "view"

    def get_context_data(self, **kwargs):
        sessions = list(selectors.session_list(community=self.community)[:100])
        now = timezone.now()
        return super().get_context_data(
            current=[s for s in sessions if s.status_at(now) != SessionStatus.FINISHED],
            archive=[s for s in sessions if s.status_at(now) == SessionStatus.FINISHED],
            may_schedule=has_capability(self.membership, "schedule_expert_session"),
            **kwargs,
        )


class SessionScheduleView(CommunityMixin, ReaderTimeZoneMixin, ServiceFormMixin, FormView):
    template_name = "content/sessions/schedule.html"
    form_class = SessionForm
    capability = "schedule_expert_session"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "experts": selectors.expert_candidates(community=self.community)}

    def perform(self, form):
        session = services.session_schedule(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("The session is scheduled."))
        return redirect("content:session-detail", slug=self.community.slug, session_id=session.pk)


class SessionMixin(CommunityMixin, ReaderTimeZoneMixin):
    @cached_property
    def session(self):
        return selectors.session_get(community=self.community, session_id=self.kwargs["session_id"])

    def back(self, anchor: str = ""):
        return redirect(services.session_url(self.session) + anchor)


class SessionDetailView(SessionMixin, ServiceFormMixin, FormView):
    """A session: its description and window, then its questions by votes, answered ones with their answer.
    Members ask (until the end) and upvote; the expert answers in place."""

    template_name = "content/sessions/detail.html"
    form_class = SessionQuestionForm
    capability = {"GET": "view", "POST": "participate"}

    def get_context_data(self, **kwargs):
        session = self.session
        return super().get_context_data(
            session=session,
            questions=selectors.session_question_list(community=self.community, session=session),
            voted=selectors.voted_session_question_ids(
                community=self.community, membership=self.membership, session=session
            ),
            may_ask=has_capability(self.membership, "participate") and not session.is_finished,
            may_answer=services.may_answer(self.membership, session)
            and session.status != SessionStatus.UPCOMING,
            answer_form=SessionAnswerForm(),
            **kwargs,
        )

    def perform(self, form):
        services.session_question_ask(
            actor=self.request.user,
            community=self.community,
            session=self.session,
            body=form.cleaned_data["body"],
        )
        messages.success(self.request, _("Your question is in the queue."))
        return self.back()


class SessionQuestionMixin(SessionMixin):
    @cached_property
    def question(self):
        return selectors.session_question_get(
            community=self.community, session=self.session, question_id=self.kwargs["session_question_id"]
        )


class SessionQuestionVoteView(SessionQuestionMixin, View):
    """POST: upvote the question, or take the vote back (a toggle)."""

    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        voted = selectors.voted_session_question_ids(
            community=self.community, membership=self.membership, session=self.session
        )
        if self.question.pk in voted:
            services.session_question_unvote(
                actor=request.user, community=self.community, question=self.question
            )
        else:
            services.session_question_vote(
                actor=request.user, community=self.community, question=self.question
            )
        return self.back(f"#question-{self.question.pk}")


class SessionQuestionAnswerView(SessionQuestionMixin, ServiceFormMixin, FormView):
    """POST: the expert's answer to one question (an invalid answer comes back on the session page)."""

    capability = {"POST": "host_expert_session"}
    form_class = SessionAnswerForm
    template_name = "content/sessions/answer.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, question=self.question, **kwargs)

    def perform(self, form):
        services.session_question_answer(
            actor=self.request.user,
            community=self.community,
            question=self.question,
            answer=form.cleaned_data["answer"],
        )
        messages.success(self.request, _("Your answer is published."))
        return self.back(f"#question-{self.question.pk}")


class GuestExpertView(CommunityMixin, ServiceFormMixin, FormView):
    """/c/<slug>/sessions/guests/: operators bring in a guest expert and see the guests so far."""

    template_name = "content/sessions/guests.html"
    form_class = GuestExpertForm
    capability = "schedule_expert_session"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            guests=selectors.guest_expert_list(community=self.community)[:200], **kwargs
        )

    def perform(self, form):
        guest = services.guest_expert_invite(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(
            self.request, _("%(name)s is now a guest expert here.") % {"name": guest.membership.user.name}
        )
        return redirect("content:session-guests", slug=self.community.slug)

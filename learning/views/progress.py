"""Pages of progress: enrolling, a step (complete it, submit work, take its quiz), the review queue and a
review, a path's enrolled members for those who follow them, and the member's plan (goals, progress,
streak, today's next steps)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from learning.errors import paths as errors
from learning.forms.paths import GoalActionForm, GoalForm, QuizForm, ReviewForm, SubmissionForm
from learning.models import Completion
from learning.selectors import paths as path_selectors
from learning.selectors import progress as selectors
from learning.services import progress as services
from learning.views.paths import MANAGE, PathMixin


class EnrolView(PathMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.enrolment_create(actor=request.user, community=self.community, path=self.path)
        messages.success(request, _("You are enrolled: your next step is highlighted."))
        return self.path_page()


class StepMixin(PathMixin):
    @cached_property
    def enrolment(self):
        return selectors.enrolment_for(community=self.community, path=self.path, membership=self.membership)

    def step_page(self):
        return redirect(
            "learning:step", slug=self.community.slug, path_id=self.path.pk, path_step_id=self.step.pk
        )


class StepDetailView(StepMixin, ServiceFormMixin, FormView):
    """A step: its goal and material, and what completes it for the enrolled member; work is submitted
    here (POST) for a submit-for-review step."""

    capability = {"GET": "view", "POST": "participate"}
    template_name = "learning/step.html"
    form_class = SubmissionForm

    def get_context_data(self, **kwargs):
        steps = list(path_selectors.step_list(community=self.community, path=self.path))
        states = selectors.step_states(community=self.community, steps=steps, enrolment=self.enrolment)
        state = next(s for s in states if s.step.pk == self.step.pk)
        attempts = selectors.quiz_attempts(community=self.community, enrolment=self.enrolment, step=self.step)
        open_attempt = next((a for a in attempts if a.answered_at is None), None)
        quiz_form = None
        if open_attempt is not None and state.state == selectors.TODO:
            quiz_form = QuizForm(
                initial={"attempt_id": open_attempt.pk}, questions=list(self.step.questions.all())
            )
        return super().get_context_data(
            step=self.step,
            state=state,
            enrolment=self.enrolment,
            submissions=selectors.step_submissions(
                community=self.community, enrolment=self.enrolment, step=self.step
            ),
            attempts=[a for a in attempts if a.answered_at is not None],
            quiz_form=quiz_form,
            may_act=self.enrolment is not None and state.state in (selectors.TODO, selectors.ATTENDED),
            **kwargs,
        )

    def perform(self, form):
        services.submission_create(
            actor=self.request.user,
            community=self.community,
            path=self.path,
            step=self.step,
            **form.cleaned_data,
        )
        messages.success(self.request, _("Your work is submitted: a mentor will review it."))
        return self.step_page()


class StepCompleteView(StepMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.step_complete(actor=request.user, community=self.community, path=self.path, step=self.step)
        messages.success(request, _("Step completed. Well done!"))
        return self.path_page()


class QuizStartView(StepMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.quiz_attempt_start(
            actor=request.user, community=self.community, path=self.path, step=self.step
        )
        return self.step_page()


class QuizAnswerView(StepMixin, ServiceFormMixin, FormView):
    """Answers to the open attempt (its id is in the form): marked at once; answered twice is refused."""

    capability = {"POST": "participate"}
    form_class = QuizForm
    template_name = "learning/step.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": list(self.step.questions.all())}

    def form_invalid(self, form):
        """The answers come from the step page: its refusal is a message there (the service's, else
        "answer every question")."""
        for error in form.non_field_errors() or [errors.AnswersInvalid.message]:
            messages.error(self.request, error)
        return self.step_page()

    def perform(self, form):
        if self.step.completion != Completion.QUIZ:
            raise errors.WrongCompletion()
        attempt = services.quiz_attempt_answer(
            actor=self.request.user,
            community=self.community,
            path=self.path,
            step=self.step,
            attempt_id=form.cleaned_data["attempt_id"],
            answers=form.answers(),
        )
        if attempt.passed:
            messages.success(self.request, _("Passed: %(score)s of %(total)s right.") % vars_of(attempt))
        else:
            messages.warning(
                self.request, _("Not passed: %(score)s of %(total)s right. Try again.") % vars_of(attempt)
            )
        return self.step_page()


def vars_of(attempt) -> dict:
    return {"score": attempt.score, "total": attempt.total}


class ReviewersMayMixin(CommunityMixin):
    """Mentors of any path (active members) reach the review pages: the services decide per submission."""

    def required_capability(self, request):
        capability = super().required_capability(request)
        if (
            capability == MANAGE
            and not has_capability(request.membership, MANAGE)
            and path_selectors.mentored_path_ids(community=self.community, membership=request.membership)
        ):
            return "participate"
        return capability


class ReviewQueueView(ReviewersMayMixin, TemplateView):
    capability = MANAGE
    template_name = "learning/reviews.html"

    def get_context_data(self, **kwargs):
        queue = selectors.review_queue(community=self.community, viewer=self.membership)
        return super().get_context_data(submissions=queue[:100], **kwargs)


class ReviewView(ReviewersMayMixin, ServiceFormMixin, FormView):
    capability = MANAGE
    template_name = "learning/review.html"
    form_class = ReviewForm

    @cached_property
    def submission(self):
        return selectors.submission_get(
            community=self.community, viewer=self.membership, submission_id=self.kwargs["submission_id"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(submission=self.submission, **kwargs)

    def perform(self, form):
        services.submission_review(
            actor=self.request.user, community=self.community, submission=self.submission, **form.cleaned_data
        )
        messages.success(self.request, _("Your review is sent."))
        return redirect("learning:reviews", slug=self.community.slug)


class PathProgressView(PathMixin, TemplateView):
    """The members enrolled on a path and their progress: learning operators and the path's mentors."""

    capability = MANAGE
    template_name = "learning/path_progress.html"

    def required_capability(self, request):
        capability = super().required_capability(request)
        if not has_capability(request.membership, MANAGE) and path_selectors.is_mentor(
            request.membership, self.path
        ):
            return "participate"
        return capability

    def get_context_data(self, **kwargs):
        enrolments = selectors.path_enrolment_list(
            community=self.community, path=self.path, viewer=self.membership
        )
        return super().get_context_data(enrolments=enrolments[:200], **kwargs)


class PlanView(CommunityMixin, ServiceFormMixin, FormView):
    """My plan: goals with target dates (added here by POST), progress across paths, the streak and
    today's next steps. A goal is marked reached, opened again or removed by POST with `goal_id`."""

    capability = {"GET": "participate", "POST": "participate"}
    template_name = "learning/plan.html"
    form_class = GoalForm

    @cached_property
    def plan(self):
        return selectors.plan_for(community=self.community, membership=self.membership)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "paths": [p.enrolment.path for p in self.plan.paths]}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def post(self, request, *args, **kwargs):
        if "goal_id" in request.POST:
            action = GoalActionForm(request.POST)
            if action.is_valid():
                goal_id, verb = action.cleaned_data["goal_id"], action.cleaned_data["action"]
                if verb == "delete":
                    services.goal_delete(actor=request.user, community=self.community, goal_id=goal_id)
                else:
                    services.goal_done(
                        actor=request.user, community=self.community, goal_id=goal_id, done=verb == "done"
                    )
            return redirect("learning:plan", slug=self.community.slug)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        path = None
        if data.get("path_id"):
            path = path_selectors.path_get(
                community=self.community, membership=self.membership, path_id=data["path_id"]
            )
        services.goal_create(
            actor=self.request.user,
            community=self.community,
            title=data["title"],
            target_date=data["target_date"],
            path=path,
        )
        messages.success(self.request, _("The goal is in your plan."))
        return redirect("learning:plan", slug=self.community.slug)

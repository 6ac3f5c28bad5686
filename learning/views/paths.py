"""Pages of learning paths: the Learning home (paths with filters by track and level, the member's plan at a
glance), a path with its steps, and the editor (the path, its steps, their order, prerequisites and
quizzes, publishing, copying, mentors) for learning operators and the path's mentors."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from content.selectors.posts import visible_posts
from content.selectors.series import series_list
from learning.forms.paths import CopyForm, MentorForm, PathFilterForm, PathForm, StepForm, quiz_text
from learning.models import Completion
from learning.selectors import paths as selectors
from learning.selectors import progress as progress_selectors
from learning.services import paths as services

MANAGE = "manage_learning"
CHOICES_SHOWN = 200  # posts, series and events offered as a step's material (newest first)


class PathMixin(CommunityMixin):
    @cached_property
    def path(self):
        return selectors.path_get(
            community=self.community, membership=self.membership, path_id=self.kwargs["path_id"]
        )

    @cached_property
    def step(self):
        return selectors.step_get(
            community=self.community, path=self.path, step_id=self.kwargs["path_step_id"]
        )

    def path_page(self):
        return redirect("learning:path", slug=self.community.slug, path_id=self.path.pk)

    def editor_page(self):
        return redirect("learning:path-edit", slug=self.community.slug, path_id=self.path.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(path=self.path, **kwargs)


class MentorsMayMixin(PathMixin):
    """A path's mentor (an active member) holds the page's manage_learning for that path: the declared
    capability stays what the route matrices read for everyone else."""

    def required_capability(self, request):
        capability = super().required_capability(request)
        if (
            capability == MANAGE
            and not has_capability(request.membership, MANAGE)
            and selectors.is_mentor(request.membership, self.path)
        ):
            return "participate"
        return capability


class LearningHomeView(CommunityMixin, TemplateView):
    """The Learning home: the paths (filtered by track and level) and, for a member, their plan."""

    capability = "view"
    template_name = "learning/home.html"

    def get_context_data(self, **kwargs):
        levels = selectors.level_choices(community=self.community)
        form = PathFilterForm(self.request.GET or None, levels=levels)
        track = level = ""
        if form.is_valid():
            track, level = form.cleaned_data["track"], form.cleaned_data["level"]
        paths = selectors.path_list(
            community=self.community, membership=self.membership, track=track, level=level
        )
        plan = None
        if has_capability(self.membership, "participate"):
            plan = progress_selectors.plan_for(community=self.community, membership=self.membership)
        return super().get_context_data(
            filter_form=form,
            paths=paths[:100],
            tracks=selectors.track_choices(community=self.community),
            plan=plan,
            may_build=has_capability(self.membership, MANAGE),
            may_review=progress_selectors.is_reviewer_anywhere(
                community=self.community, membership=self.membership
            ),
            **kwargs,
        )


class PathDetailView(PathMixin, TemplateView):
    """A path: its steps with their prerequisites and, for the enrolled member, each step's state and the
    next step."""

    capability = "view"
    template_name = "learning/path.html"

    def get_context_data(self, **kwargs):
        steps = list(selectors.step_list(community=self.community, path=self.path))
        enrolment = progress_selectors.enrolment_for(
            community=self.community, path=self.path, membership=self.membership
        )
        states = progress_selectors.step_states(community=self.community, steps=steps, enrolment=enrolment)
        may_follow = progress_selectors.may_follow(
            community=self.community, viewer=self.membership, path=self.path
        )
        return super().get_context_data(
            states=states,
            enrolment=enrolment,
            next=progress_selectors.next_step(states) if enrolment else None,
            may_enrol=enrolment is None
            and self.path.is_published
            and has_capability(self.membership, "participate"),
            may_edit=selectors.may_edit_path(self.membership, self.path),
            may_copy=has_capability(self.membership, MANAGE),
            may_follow=may_follow,
            may_appoint=has_capability(self.membership, "appoint_mentors"),
            **kwargs,
        )


class PathCreateView(CommunityMixin, ServiceFormMixin, FormView):
    capability = MANAGE
    template_name = "learning/path_form.html"
    form_class = PathForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "levels": selectors.level_choices(community=self.community)}

    def perform(self, form):
        path = services.path_create(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("The path is created as a draft: add its steps."))
        return redirect("learning:path-edit", slug=self.community.slug, path_id=path.pk)


class PathEditView(MentorsMayMixin, ServiceFormMixin, FormView):
    """The editor: the path's fields (POST) and its steps with their order, publishing and mentors."""

    capability = MANAGE
    template_name = "learning/path_edit.html"
    form_class = PathForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "levels": selectors.level_choices(community=self.community),
            "initial": {name: getattr(self.path, name) for name in services.PATH_FIELDS},
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            steps=selectors.step_list(community=self.community, path=self.path),
            may_appoint=has_capability(self.membership, "appoint_mentors"),
            **kwargs,
        )

    def perform(self, form):
        services.path_update(
            actor=self.request.user, community=self.community, path=self.path, **form.cleaned_data
        )
        messages.success(self.request, _("The path is saved."))
        return self.editor_page()


class PathPublishView(MentorsMayMixin, View):
    capability = {"POST": MANAGE}

    def post(self, request, *args, **kwargs):
        publish = request.POST.get("publish") != "0"
        services.path_publish(actor=request.user, community=self.community, path=self.path, publish=publish)
        messages.success(request, _("The path is published.") if publish else _("The path is back to draft."))
        return self.editor_page()


class PathCopyView(PathMixin, ServiceFormMixin, FormView):
    capability = MANAGE
    template_name = "learning/path_copy.html"
    form_class = CopyForm

    def perform(self, form):
        copy = services.path_copy(
            actor=self.request.user, community=self.community, path=self.path, **form.cleaned_data
        )
        messages.success(self.request, _("The copy is a draft: adapt it, then publish it."))
        return redirect("learning:path-edit", slug=self.community.slug, path_id=copy.pk)


class StepFormMixin(MentorsMayMixin, ServiceFormMixin):
    capability = MANAGE
    template_name = "learning/step_form.html"
    form_class = StepForm

    def get_form_kwargs(self):
        current = self.kwargs.get("path_step_id")
        steps = selectors.step_list(community=self.community, path=self.path)
        return {
            **super().get_form_kwargs(),
            "posts": visible_posts(community=self.community).order_by("-published_at", "-id")[:CHOICES_SHOWN],
            "series": series_list(community=self.community)[:CHOICES_SHOWN],
            "events": selectors.material_events(community=self.community)[:CHOICES_SHOWN],
            "other_steps": [s for s in steps if s.pk != current],
        }

    def save_extras(self, step, form):
        data = form.cleaned_data
        services.step_prerequisites_set(
            actor=self.request.user,
            community=self.community,
            path=self.path,
            step=step,
            requires_ids=data.get("requires_ids") or [],
        )
        if step.completion == Completion.QUIZ:
            services.step_quiz_set(
                actor=self.request.user,
                community=self.community,
                path=self.path,
                step=step,
                questions=data["questions"],
            )

    def step_fields(self, form) -> dict:
        return {k: v for k, v in form.cleaned_data.items() if k not in ("requires_ids", "quiz", "questions")}


class StepCreateView(StepFormMixin, FormView):
    def perform(self, form):
        with transaction.atomic():
            step = services.step_create(
                actor=self.request.user, community=self.community, path=self.path, **self.step_fields(form)
            )
            self.save_extras(step, form)
        messages.success(self.request, _("The step is added."))
        return self.editor_page()


class StepEditView(StepFormMixin, FormView):
    def get_initial(self):
        step = self.step
        initial = {name: getattr(step, name) for name in services.STEP_FIELDS}
        initial.update(
            post_id=step.post_id,
            series_id=step.series_id,
            event_id=step.event_id,
            requires_ids=[p.requires_id for p in step.prerequisites.all()],
            quiz=quiz_text(step.questions.all()),
        )
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(step=self.step, **kwargs)

    def perform(self, form):
        with transaction.atomic():
            step = services.step_update(
                actor=self.request.user,
                community=self.community,
                path=self.path,
                step=self.step,
                **self.step_fields(form),
            )
            self.save_extras(step, form)
        messages.success(self.request, _("The step is saved."))
        return self.editor_page()


class StepMoveView(MentorsMayMixin, View):
    capability = {"POST": MANAGE}

    def post(self, request, *args, **kwargs):
        offset = -1 if request.POST.get("direction") == "up" else 1
        services.step_move(
            actor=request.user, community=self.community, path=self.path, step=self.step, offset=offset
        )
        return self.editor_page()


class StepDeleteView(MentorsMayMixin, View):
    capability = {"POST": MANAGE}

    def post(self, request, *args, **kwargs):
        services.step_delete(actor=request.user, community=self.community, path=self.path, step=self.step)
        messages.success(request, _("The step is removed."))
        return self.editor_page()


class MentorsView(PathMixin, ServiceFormMixin, FormView):
    """A path's mentors: appointing (POST with a member) and removing (POST with `remove`)."""

    capability = "appoint_mentors"
    template_name = "learning/mentors.html"
    form_class = MentorForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "candidates": selectors.mentor_candidates(community=self.community)[:500],
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mentors=selectors.mentor_list(community=self.community, path=self.path), **kwargs
        )

    def post(self, request, *args, **kwargs):
        remove = request.POST.get("remove", "")
        if remove.isdigit():
            services.mentor_remove(
                actor=request.user, community=self.community, path=self.path, membership_id=int(remove)
            )
            messages.success(request, _("The mentor is removed."))
            return redirect("learning:path-mentors", slug=self.community.slug, path_id=self.path.pk)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        services.mentor_add(
            actor=self.request.user, community=self.community, path=self.path, **form.cleaned_data
        )
        messages.success(self.request, _("The mentor is appointed."))
        return redirect("learning:path-mentors", slug=self.community.slug, path_id=self.path.pk)

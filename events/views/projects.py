"""Pages of project collaborations: proposing a project, a project with its team and updates (posting an
update, joining, leaving, the showcase), and the operators' team size.

The projects' part of the event page is the `project_section` template tag
(events.templatetags.events_extras)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from events.forms.projects import CollaborationForm, ProjectForm, ShowcaseForm, UpdateForm
from events.models import EventStatus
from events.selectors import projects as selectors
from events.services import projects as services

MANAGE = "manage_events"


class CollaborationMixin(CommunityMixin):
    @cached_property
    def event(self):
        return selectors.project_event_get(
            community=self.community, membership=self.membership, event_id=self.kwargs["event_id"]
        )

    @cached_property
    def project(self):
        return selectors.project_get(
            community=self.community, event=self.event, project_id=self.kwargs["project_id"]
        )

    def back(self):
        return redirect("events:detail", slug=self.community.slug, event_id=self.event.pk)

    def project_page(self):
        return redirect(
            "events:project", slug=self.community.slug, event_id=self.event.pk, project_id=self.project.pk
        )


class ProjectProposeView(CollaborationMixin, ServiceFormMixin, FormView):
    capability = "participate"
    template_name = "events/projects/project_form.html"
    form_class = ProjectForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def perform(self, form):
        project = services.project_propose(
            actor=self.request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(self.request, _("Your project is proposed: members can now join its team."))
        return redirect(
            "events:project", slug=self.community.slug, event_id=self.event.pk, project_id=project.pk
        )


class ProjectDetailView(CollaborationMixin, ServiceFormMixin, FormView):
    """A project, its team and its updates (GET); a team member's update posts here (POST)."""

    capability = {"GET": PUBLIC, "POST": "participate"}
    template_name = "events/projects/project.html"
    form_class = UpdateForm

    def get_context_data(self, **kwargs):
        project, membership = self.project, self.membership
        team = list(project.members.all())
        in_team = membership is not None and any(member.membership_id == membership.pk for member in team)
        mine = selectors.my_project_id(community=self.community, event=self.event, membership=membership)
        size = selectors.collaboration_for(community=self.community, event=self.event).max_team_size
        participant = has_capability(membership, "participate")
        open_ = self.event.status == EventStatus.PUBLISHED and not self.event.is_past
        return super().get_context_data(
            event=self.event,
            project=project,
            team=team,
            in_team=in_team,
            max_team_size=size,
            may_join=participant and open_ and mine is None and project.member_count < size,
            may_leave=in_team and project.proposed_by_id != membership.pk,
            may_showcase=not project.is_showcased and (in_team or has_capability(membership, MANAGE)),
            updates=selectors.update_list(community=self.community, project=project)[:50],
            showcase_form=ShowcaseForm(),
            show_names=has_capability(membership, "view_members"),
            **kwargs,
        )

    def perform(self, form):
        services.project_update_post(
            actor=self.request.user,
            community=self.community,
            event=self.event,
            project=self.project,
            **form.cleaned_data,
        )
        messages.success(self.request, _("Your update is posted."))
        return self.project_page()


class ProjectJoinView(CollaborationMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.project_join(
            actor=request.user, community=self.community, event=self.event, project=self.project
        )
        messages.success(request, _("You joined the team."))
        return self.project_page()


class ProjectLeaveView(CollaborationMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.project_leave(
            actor=request.user, community=self.community, event=self.event, project=self.project
        )
        messages.success(request, _("You left the team."))
        return self.project_page()


class ProjectShowcaseView(CollaborationMixin, ServiceFormMixin, FormView):
    capability = "participate"
    template_name = "events/projects/showcase_form.html"
    form_class = ShowcaseForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, project=self.project, **kwargs)

    def perform(self, form):
        services.project_showcase(
            actor=self.request.user,
            community=self.community,
            event=self.event,
            project=self.project,
            **form.cleaned_data,
        )
        messages.success(self.request, _("The project is in the showcase."))
        return self.project_page()


class CollaborationSettingsView(CollaborationMixin, ServiceFormMixin, FormView):
    capability = MANAGE
    template_name = "events/projects/settings.html"
    form_class = CollaborationForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": selectors.collaboration_for(community=self.community, event=self.event),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def perform(self, form):
        services.collaboration_update(
            actor=self.request.user, community=self.community, event=self.event, **form.cleaned_data
        )
        messages.success(self.request, _("The team size is saved."))
        return self.back()

"""HTML pages of spaces: the list (with recent topics), one space with its topics, creating and editing
a space, joining and leaving, and the operators' page of a space's members."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from communities.mixins import CommunityMixin, ServiceFormMixin
from communities.pagination import CountedPaginator
from communities.permissions import has_capability
from content.forms.discussions import SpaceForm, SpaceMemberAddForm
from content.selectors import discussions as selectors
from content.services import spaces as services
from content.views.topic_rows import row_columns, topic_rows

PAGE_SIZE = 20
RECENT_TOPICS = 10


class SpaceListView(CommunityMixin, TemplateView):
    """/c/<slug>/spaces/: the community's spaces and the latest active topics the viewer may read."""

    template_name = "content/spaces/list.html"
    capability = "view"

    def get_context_data(self, **kwargs):
        member_of = selectors.my_space_ids(community=self.community, membership=self.membership)
        topics = selectors.topic_list(community=self.community, membership=self.membership)
        recent = row_columns(topics).order_by("-last_activity_at", "-id")[:RECENT_TOPICS]
        return super().get_context_data(
            spaces=list(selectors.space_list(community=self.community)),
            member_of=member_of,
            recent_topics=topic_rows(community=self.community, topics=recent, show_space=True),
            may_manage=has_capability(self.membership, "manage_spaces"),
            **kwargs,
        )


class SpaceMixin(CommunityMixin):
    @cached_property
    def space(self):
        return selectors.space_get(community=self.community, slug=self.kwargs["space_slug"])

    @cached_property
    def member_of(self) -> set[int]:
        return selectors.my_space_ids(community=self.community, membership=self.membership)

    def space_url(self):
        return redirect("content:space-detail", slug=self.community.slug, space_slug=self.space.slug)


class SpaceDetailView(SpaceMixin, TemplateView):
    """One space: its topics (the prompt of the week and pinned ones first) for those who may read
    them, each row kept rendered (content.views.topic_rows); a members-only space shows non-members its
    description and how to join."""

    template_name = "content/spaces/detail.html"
    capability = "view"

    def get_context_data(self, **kwargs):
        space, membership = self.space, self.membership
        readable = selectors.may_read_space(membership, space, self.member_of)
        page, rows = None, []
        if readable:
            topics = selectors.topic_list(
                community=self.community, membership=membership, query=selectors.TopicQuery(space=space.pk)
            )
            # The space's stored count (the services keep it under the space's lock) numbers the pages:
            # no COUNT over thousands of topics for every page drawn.
            ordered = selectors.topics_in_order(row_columns(topics))
            page = CountedPaginator(ordered, PAGE_SIZE, count=space.topic_count).get_page(
                self.request.GET.get("page")
            )
            rows = topic_rows(community=self.community, topics=page.object_list)
        return super().get_context_data(
            space=space,
            readable=readable,
            page_obj=page,
            rows=rows,
            is_member=space.pk in self.member_of,
            may_start=selectors.may_start_topic(membership, space, self.member_of),
            may_manage=has_capability(membership, "manage_spaces"),
            may_join=space.joining == "open" and has_capability(membership, "participate"),
            read_only_until=selectors.read_only_until(community=self.community, space=space),
            **kwargs,
        )


class SpaceFormView(CommunityMixin, ServiceFormMixin, FormView):
    template_name = "content/spaces/form.html"
    form_class = SpaceForm
    capability = "manage_spaces"

    def finish(self, space, message):
        messages.success(self.request, message)
        return redirect("content:space-detail", slug=self.community.slug, space_slug=space.slug)


class SpaceCreateView(SpaceFormView):
    def perform(self, form):
        space = services.space_create(actor=self.request.user, community=self.community, **form.cleaned_data)
        return self.finish(space, _("The space is open."))


class SpaceEditView(SpaceMixin, SpaceFormView):
    def get_initial(self):
        return {name: getattr(self.space, name) for name in services.SPACE_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(space=self.space, **kwargs)

    def perform(self, form):
        space = services.space_update(
            actor=self.request.user, community=self.community, space=self.space, **form.cleaned_data
        )
        return self.finish(space, _("The space is saved."))


class SpaceJoinView(SpaceMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.space_join(actor=request.user, community=self.community, space=self.space)
        messages.success(request, _("You joined the space."))
        return self.space_url()


class SpaceLeaveView(SpaceMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.space_leave(actor=request.user, community=self.community, space=self.space)
        messages.success(request, _("You left the space."))
        return self.space_url()


class SpaceMembersView(SpaceMixin, ServiceFormMixin, FormView):
    """The operators' page of a space's members: the roster and a form to add an active member."""

    template_name = "content/spaces/members.html"
    form_class = SpaceMemberAddForm
    capability = "manage_spaces"

    @cached_property
    def roster(self):
        return list(selectors.space_member_list(community=self.community, space=self.space))

    def get_context_data(self, **kwargs):
        return super().get_context_data(space=self.space, roster=self.roster, **kwargs)

    def perform(self, form):
        membership = selectors.active_member_named(
            community=self.community, username=form.cleaned_data["username"]
        )
        services.space_member_add(
            actor=self.request.user, community=self.community, space=self.space, membership=membership
        )
        messages.success(self.request, _("Added to the space."))
        return redirect("content:space-members", slug=self.community.slug, space_slug=self.space.slug)


class SpaceMemberRemoveView(SpaceMixin, View):
    capability = {"POST": "manage_spaces"}

    def post(self, request, *args, **kwargs):
        row = selectors.space_member_get(
            community=self.community, space=self.space, membership_id=kwargs["membership_id"]
        )
        services.space_member_remove(
            actor=request.user, community=self.community, space=self.space, membership=row.membership
        )
        messages.success(request, _("Removed from the space."))
        return redirect("content:space-members", slug=self.community.slug, space_slug=self.space.slug)

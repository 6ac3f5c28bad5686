"""Pages of the resource library: the library (featured lists on top, filters, pages), a resource with
its ratings and reviews (rating it posts here), suggesting and editing a resource, and the curators'
broken links and featured-list editor. The top navigation links the library from the learning pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.permissions import has_capability
from learning.errors import resources as errors
from learning.forms.resources import (
    FeaturedItemForm,
    FeaturedListForm,
    RatingForm,
    ResourceFilterForm,
    ResourceForm,
)
from learning.selectors import resources as selectors
from learning.services import resources as services

MANAGE = "manage_learning"
PAGE_SIZE = 20
REVIEWS_SHOWN = 50
CHOICES_SHOWN = 500  # resources offered in the featured-list editor's menu, newest first


class ResourceMixin(CommunityMixin):
    @cached_property
    def resource(self):
        return selectors.resource_get(community=self.community, resource_id=self.kwargs["resource_id"])

    @cached_property
    def levels(self) -> list[str]:
        return selectors.skill_levels(community=self.community)

    def resource_page(self, resource=None):
        resource = resource or self.resource
        return redirect("learning:resource", slug=self.community.slug, resource_id=resource.pk)

    def names_shown(self) -> bool:
        return has_capability(self.membership, "view_members")


class ResourceLibraryView(ResourceMixin, TemplateView):
    """/c/<slug>/learning/resources/: featured lists, then the library filtered and paged."""

    capability = PUBLIC
    template_name = "learning/resources/library.html"

    def get_context_data(self, **kwargs):
        form = ResourceFilterForm(self.request.GET or None, levels=self.levels)
        query = form.query()
        resources = selectors.resource_list(community=self.community, query=query)
        page = Paginator(resources, PAGE_SIZE).get_page(self.request.GET.get("page"))
        params = self.request.GET.copy()
        params.pop("page", None)
        filtered = any(value for key, value in params.items() if key != "order")
        return super().get_context_data(
            filter_form=form,
            page_obj=page,
            resources=page.object_list,
            featured=[]
            if filtered
            else selectors.featured_list_list(community=self.community)[: selectors.FEATURED_SHOWN],
            filtered=filtered,
            query=params.urlencode(),
            may_suggest=has_capability(self.membership, "participate"),
            may_curate=has_capability(self.membership, MANAGE),
            show_names=self.names_shown(),
            **kwargs,
        )


class ResourceDetailView(ResourceMixin, ServiceFormMixin, FormView):
    """A resource, its rating and reviews (GET); a member's rating and review posts here (POST)."""

    capability = {"GET": PUBLIC, "POST": "participate"}
    template_name = "learning/resources/resource.html"
    form_class = RatingForm

    @cached_property
    def mine(self):
        return selectors.my_rating(
            community=self.community, resource=self.resource, membership=self.membership
        )

    def get_initial(self):
        return {"score": self.mine.score, "review": self.mine.review} if self.mine else {}

    def get_context_data(self, **kwargs):
        resource, membership = self.resource, self.membership
        participant = has_capability(membership, "participate")
        return super().get_context_data(
            resource=resource,
            reviews=selectors.rating_list(community=self.community, resource=resource)[:REVIEWS_SHOWN],
            mine=self.mine,
            may_rate=participant and resource.recommended_by_id != getattr(membership, "pk", None),
            may_edit=services.may_edit(membership, resource),
            show_names=self.names_shown(),
            **kwargs,
        )

    def perform(self, form):
        services.rating_set(
            actor=self.request.user, community=self.community, resource=self.resource, **form.cleaned_data
        )
        messages.success(self.request, _("Thank you: your rating is saved."))
        return self.resource_page()


class RatingDeleteView(ResourceMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        if services.rating_delete(actor=request.user, community=self.community, resource=self.resource):
            messages.success(request, _("Your rating is withdrawn."))
        return self.resource_page()


class ResourceCreateView(ResourceMixin, ServiceFormMixin, FormView):
    capability = "participate"
    template_name = "learning/resources/form.html"
    form_class = ResourceForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "levels": self.levels}

    def perform(self, form):
        resource = services.resource_create(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Thank you: the resource is in the library."))
        return self.resource_page(resource)


class ResourceEditView(ResourceMixin, ServiceFormMixin, FormView):
    """Edit a resource: its recommender or a curator (anyone else is sent back with the reason)."""

    capability = "participate"
    template_name = "learning/resources/form.html"
    form_class = ResourceForm

    def get(self, request, *args, **kwargs):
        if not (services.may_edit(self.membership, self.resource) or request.user.is_superuser):
            raise errors.NotYourResource()
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "levels": self.levels}

    def get_initial(self):
        resource = self.resource
        fields = ("title", "url", "kind", "level", "cost", "description")
        return {**{name: getattr(resource, name) for name in fields}, "tags": " ".join(resource.tags)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(resource=self.resource, **kwargs)

    def perform(self, form):
        services.resource_update(
            actor=self.request.user, community=self.community, resource=self.resource, **form.cleaned_data
        )
        messages.success(self.request, _("The resource is saved."))
        return self.resource_page()


class ResourceDeleteView(ResourceMixin, View):
    capability = {"POST": "participate"}

    def post(self, request, *args, **kwargs):
        services.resource_delete(actor=request.user, community=self.community, resource=self.resource)
        messages.success(request, _("The resource is removed from the library."))
        return redirect("learning:resources", slug=self.community.slug)


class BrokenLinksView(ResourceMixin, TemplateView):
    """The curators' list of resources whose link the checker flagged broken."""

    capability = MANAGE
    template_name = "learning/resources/broken.html"

    def get_context_data(self, **kwargs):
        page = Paginator(selectors.broken_resource_list(community=self.community), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(page_obj=page, resources=page.object_list, **kwargs)


class FeaturedListsView(ResourceMixin, ServiceFormMixin, FormView):
    """The featured lists in order (GET) and a new one (POST), for the curators."""

    capability = MANAGE
    template_name = "learning/resources/featured.html"
    form_class = FeaturedListForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            lists=selectors.featured_list_list(community=self.community), **kwargs
        )

    def perform(self, form):
        featured_list = services.featured_list_create(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("The list is created: add its resources."))
        return redirect(
            "learning:resource-featured-edit", slug=self.community.slug, featured_list_id=featured_list.pk
        )


class FeaturedListMixin(ResourceMixin):
    @cached_property
    def featured_list(self):
        return selectors.featured_list_get(
            community=self.community, featured_list_id=self.kwargs["featured_list_id"]
        )

    def editor(self):
        return redirect(
            "learning:resource-featured-edit",
            slug=self.community.slug,
            featured_list_id=self.featured_list.pk,
        )

    def choices(self) -> list[tuple[int, str]]:
        return list(
            selectors.resource_list(community=self.community).values_list("pk", "title")[:CHOICES_SHOWN]
        )


class FeaturedListEditView(FeaturedListMixin, ServiceFormMixin, FormView):
    """A featured list's name and position (the form), its resources in order with buttons to move or
    remove each, and a menu to add one."""

    capability = MANAGE
    template_name = "learning/resources/featured_edit.html"
    form_class = FeaturedListForm

    def get_initial(self):
        return {"name": self.featured_list.name, "position": self.featured_list.position}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            featured_list=self.featured_list,
            items=list(self.featured_list.items.all()),
            add_form=FeaturedItemForm(initial={"action": "add"}, resources=self.choices()),
            **kwargs,
        )

    def perform(self, form):
        services.featured_list_update(
            actor=self.request.user,
            community=self.community,
            featured_list=self.featured_list,
            **form.cleaned_data,
        )
        messages.success(self.request, _("The list is saved."))
        return self.editor()


class FeaturedItemsView(FeaturedListMixin, View):
    """One change to a featured list's resources (add, up, down, remove), then back to the editor."""

    capability = {"POST": MANAGE}

    def post(self, request, *args, **kwargs):
        form = FeaturedItemForm(request.POST, resources=self.choices())
        if not form.is_valid():
            raise errors.ResourceInvalid(fields=form.errors)
        ids = [item.resource_id for item in self.featured_list.items.all()]
        action, pk = form.cleaned_data["action"], form.cleaned_data["resource"]
        if action == "add" and pk not in ids:
            ids.append(pk)
        elif action == "remove" and pk in ids:
            ids.remove(pk)
        elif action in ("up", "down") and pk in ids:
            index = ids.index(pk)
            other = index - 1 if action == "up" else index + 1
            if 0 <= other < len(ids):
                ids[index], ids[other] = ids[other], ids[index]
        services.featured_list_update(
            actor=request.user, community=self.community, featured_list=self.featured_list, resource_ids=ids
        )
        return self.editor()


class FeaturedListDeleteView(FeaturedListMixin, View):
    capability = {"POST": MANAGE}

    def post(self, request, *args, **kwargs):
        services.featured_list_delete(
            actor=request.user, community=self.community, featured_list=self.featured_list
        )
        messages.success(request, _("The list is deleted."))
        return redirect("learning:resource-featured", slug=self.community.slug)

"""HTML pages: the member directory (and its CSV export), a member's profile, and my profile editor."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities import fragments
from communities.csvexport import csv_response
from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from communities.pagination import CountedPaginator
from communities.tenancy import request_can
from members.errors import MemberNotFound
from members.forms.profiles import DirectoryFilterForm, NoteForm, ProfileForm, TagForm
from members.selectors import profiles as selectors
from members.selectors.exports import directory_export
from members.selectors.policy import policy_for
from members.services import profiles as services
from members.versioning import members_version, viewer_scope


class DirectoryMixin(CommunityMixin):
    capability = "view_members"

    @cached_property
    def filter_form(self):
        return DirectoryFilterForm(
            self.request.GET or None,
            skill_levels=policy_for(community=self.community).skill_levels,
            operator=selectors.is_operator(self.membership),
        )

    def directory(self):
        return selectors.member_directory(
            community=self.community, viewer=self.membership, query=self.filter_form.query()
        )


class MemberDirectoryView(DirectoryMixin, TemplateView):
    """The directory. Its filter form, rows and page links are kept in the cache per page, language and
    kind of viewer, under the community's member-list version (`{% cached results_key %}` in the
    template, members/versioning.py): the form, the page and the rows are passed as lazy objects, which
    a cache hit never evaluates, so it reads no row."""

    template_name = "members/profiles/directory.html"
    paginate_by = 20

    @cached_property
    def page(self):
        count = selectors.directory_count(community=self.community, query=self.filter_form.query())
        paginator = CountedPaginator(self.directory(), self.paginate_by, count=count)
        return paginator.get_page(self.request.GET.get("page"))

    @cached_property
    def rows(self) -> list[dict]:
        return [selectors.directory_row(m, viewer=self.membership) for m in self.page.object_list]

    def results_key(self) -> str | None:
        """Everything the cached markup depends on besides the template; None when caching is off."""
        version = members_version(self.community)
        if version is None:
            return None
        viewer = viewer_scope(community=self.community, viewer=self.membership, version=version)
        query = sorted(self.request.GET.lists())
        scope = (fragments.release(), self.community.pk, version, viewer, fragments.locale_parts())
        return fragments.digest("member-directory", scope, query)

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            results_key=self.results_key(),  # first: the version is read before any row
            form=SimpleLazyObject(lambda: self.filter_form),
            page_obj=SimpleLazyObject(lambda: self.page),
            rows=SimpleLazyObject(lambda: self.rows),
            operator=selectors.is_operator(self.membership),
            querystring=params.urlencode(),
            **kwargs,
        )


class MemberExportView(DirectoryMixin, View):
    """Operators: the directory with the same filters as CSV, streamed row by row."""

    capability = "manage_member_notes"

    def get(self, request, slug):
        return csv_response(
            directory_export(community=self.community, viewer=self.membership, members=self.directory())
        )


class MemberProfileView(CommunityMixin, TemplateView):
    """A member's profile as the viewer may see it; operators also see and edit notes and tags."""

    capability = PUBLIC  # the profile's own visibility decides, below
    template_name = "members/profiles/detail.html"

    @cached_property
    def member(self):
        return selectors.profile_get(
            community=self.community, viewer=self.membership, membership_id=self.kwargs["membership_id"]
        )

    def get_context_data(self, **kwargs):
        member = self.member
        profile = selectors.profile_of(member)
        visible = selectors.profile_visible(profile, viewer=self.membership, owner=member)
        if not visible and not request_can(self.request, "view_members"):
            raise MemberNotFound()
        operator = selectors.is_operator(self.membership)
        context = {
            "member": member,
            "profile": profile if visible else None,
            "skills": selectors.skills_of(member) if visible else [],
            "profile_hidden": not visible,
            "operator": operator,
            "is_me": self.membership is not None and self.membership.pk == member.pk,
        }
        if operator:
            context.update(
                notes=selectors.member_notes(community=self.community, membership=member),
                tags=selectors.member_tags(community=self.community, membership=member),
                note_form=kwargs.pop("note_form", None) or NoteForm(),
                tag_form=kwargs.pop("tag_form", None) or TagForm(),
            )
        return super().get_context_data(**context, **kwargs)


class OperatorActionView(MemberProfileView):
    """POST endpoints for notes and tags; a refused input re-renders the profile page with the errors."""

    capability = "manage_member_notes"
    http_method_names = ["post"]

    def post(self, request, slug, membership_id, **kwargs):
        return self.act()

    def done(self, message):
        messages.success(self.request, message)
        return redirect("members:profile", slug=self.community.slug, membership_id=self.member.pk)


class OperatorFormView(ServiceFormMixin, OperatorActionView):
    """A form of the profile page posts here; an invalid or refused one re-renders the page with it."""

    form_class: type
    form_slot = ""

    def act(self):
        form = self.form_class(self.request.POST)
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(**{self.form_slot: form}))


class NoteAddView(OperatorFormView):
    form_class = NoteForm
    form_slot = "note_form"

    def perform(self, form):
        services.member_note_add(
            actor=self.request.user, community=self.community, membership=self.member, **form.cleaned_data
        )
        return self.done(_("Note added."))


class NoteDeleteView(OperatorActionView):
    def act(self):
        note = selectors.member_note_get(
            community=self.community, membership=self.member, note_id=self.kwargs["note_id"]
        )
        services.member_note_delete(actor=self.request.user, community=self.community, note=note)
        return self.done(_("Note deleted."))


class TagAddView(OperatorFormView):
    form_class = TagForm
    form_slot = "tag_form"

    def perform(self, form):
        services.member_tag_add(
            actor=self.request.user, community=self.community, membership=self.member, **form.cleaned_data
        )
        return self.done(_("Tag added."))


class TagRemoveView(OperatorActionView):
    def act(self):
        tag = selectors.member_tag_get(
            community=self.community, membership=self.member, tag_id=self.kwargs["tag_id"]
        )
        services.member_tag_remove(actor=self.request.user, community=self.community, tag=tag)
        return self.done(_("Tag removed."))


class ProfileEditView(CommunityMixin, LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "members/profiles/edit.html"
    form_class = ProfileForm
    capability = "participate"

    def get_form_kwargs(self):
        member = selectors.profile_get(
            community=self.community, viewer=self.membership, membership_id=self.membership.pk
        )
        return {
            **super().get_form_kwargs(),
            "skill_levels": policy_for(community=self.community).skill_levels,
            "profile": selectors.profile_of(member),
            "skills": selectors.skills_of(member),
        }

    def perform(self, form):
        services.profile_update(actor=self.request.user, community=self.community, **form.cleaned_data)
        messages.success(self.request, _("Your profile is saved."))
        return redirect("members:profile", slug=self.community.slug, membership_id=self.membership.pk)

"""The operators' People page and the role, ownership and removal forms of one member."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from communities.mixins import CommunityMixin, ServiceFormMixin
from members.forms.roles import RemoveForm, RoleForm, TransferForm
from members.selectors.roles import member_get, staff_list
from members.services.roles import member_remove, ownership_transfer, role_change


class PeopleView(CommunityMixin, TemplateView):
    """Owners, admins and moderators with their controls."""

    capability = "manage_roles"
    template_name = "members/roles/people.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(staff=staff_list(community=self.community), **kwargs)


class MemberFormMixin(CommunityMixin, ServiceFormMixin):
    """A form about the member `membership_id` of this community; back to `next` (or People) when done."""

    template_name = "members/roles/member_form.html"
    title = ""
    submit_label = ""
    danger = False

    @cached_property
    def subject(self):
        return member_get(community=self.community, membership_id=self.kwargs["membership_id"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.subject,
            title=self.title,
            submit_label=self.submit_label,
            danger=self.danger,
            next_url=self.next_url(),
            **kwargs,
        )

    def next_url(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return ""

    def done(self, message):
        messages.success(self.request, message)
        next_url = self.next_url()
        return redirect(next_url) if next_url else redirect("members:people", slug=self.community.slug)


class MemberRoleView(MemberFormMixin, FormView):
    capability = "manage_roles"
    form_class = RoleForm
    title = _("Change the role")
    submit_label = _("Change the role")

    def get_initial(self):
        return {"role": self.subject.role}

    def perform(self, form):
        member = role_change(
            actor=self.request.user, community=self.community, membership=self.subject, **form.cleaned_data
        )
        return self.done(
            _("%(name)s is now %(role)s.") % {"name": member.user, "role": member.get_role_display()}
        )


class TransferOwnershipView(MemberFormMixin, FormView):
    capability = "transfer_ownership"
    form_class = TransferForm
    title = _("Transfer ownership")
    submit_label = _("Transfer ownership")
    danger = True

    def perform(self, form):
        member = ownership_transfer(
            actor=self.request.user,
            community=self.community,
            membership=self.subject,
            reason=form.cleaned_data["reason"],
        )
        return self.done(_("%(name)s is now an owner; you are an admin.") % {"name": member.user})


class MemberRemoveView(MemberFormMixin, FormView):
    capability = "remove_members"
    form_class = RemoveForm
    title = _("Remove from the community")
    submit_label = _("Remove")
    danger = True

    def perform(self, form):
        member = member_remove(
            actor=self.request.user,
            community=self.community,
            membership=self.subject,
            reason=form.cleaned_data["reason"],
        )
        return self.done(_("%(name)s was removed from the community.") % {"name": member.user})

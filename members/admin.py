"""Django admin for memberships and rule acceptances."""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from communities.admin import ReadOnlyAdminMixin, ServiceSaveAdminMixin
from communities.errors import DomainError
from communities.models import Rule
from communities.roles import MembershipStatus
from members.errors import TransitionForbidden
from members.models import (
    Application,
    ApplicationQuestion,
    AuditLogEntry,
    ContentHold,
    Invitation,
    JoinLink,
    Membership,
    ModerationAction,
    Report,
    RuleAcceptance,
)
from members.services import applications as application_services
from members.services import moderation as moderation_services
from members.services import recruitment as recruitment_services
from members.services import roles as role_services


class MembershipAdminForm(forms.ModelForm):
    """Role and status, changed through the services: a reason for the audit log, and the broken rule
    when the change is a ban."""

    reason = forms.CharField(label=_("reason"), required=False, max_length=1000, widget=forms.Textarea)
    rule = forms.ModelChoiceField(
        label=_("broken rule (for a ban)"), queryset=Rule.objects.none(), required=False
    )

    class Meta:
        model = Membership
        fields = ("role", "status")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["rule"].queryset = Rule.objects.for_community(self.instance.community_id)


@admin.register(Membership)
class MembershipAdmin(ServiceSaveAdminMixin, admin.ModelAdmin):
    """Role and status change through the same services as the site (rank rule, last owner, transition
    table, audit entry); memberships are created by joining, applying or an invitation, never here."""

    form = MembershipAdminForm
    list_display = ("user", "community", "role", "status", "joined_at", "left_at")
    list_filter = ("role", "status")
    search_fields = (
        "user__username",
        "user__email",
        "user__display_name",
        "community__name",
        "community__slug",
    )
    list_select_related = ("user", "community")
    fields = ("user", "community", "role", "status", "reason", "rule", "source", "joined_at", "left_at")
    readonly_fields = ("user", "community", "source", "joined_at", "left_at", "created_at", "updated_at")
    date_hierarchy = "joined_at"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a membership ends by leaving, removal or a ban, which keep the counts and the record

    def save_through_services(self, request, obj, form) -> None:
        stored = Membership.objects.select_related("community").get(pk=obj.pk)
        data = form.cleaned_data
        if "role" in form.changed_data:
            role_services.role_change(
                actor=request.user,
                community=stored.community,
                membership=stored,
                role=data["role"],
                reason=data["reason"],
            )
        if "status" in form.changed_data:
            status_change(actor=request.user, membership=stored, status=data["status"], data=data)


def status_change(*, actor, membership: Membership, status: str, data: dict) -> None:
    """The admin's status field, mapped to the service whose transition it is (members.services.
    transitions); other changes happen on the site (joining, applying, the review queue)."""
    community = membership.community
    if status == MembershipStatus.BANNED:
        rule = data.get("rule")
        moderation_services.member_ban(
            actor=actor,
            community=community,
            membership=membership,
            rule_id=rule.pk if rule else None,
            reason=data["reason"],
        )
    elif status == MembershipStatus.LEFT and membership.status == MembershipStatus.BANNED:
        moderation_services.member_unban(
            actor=actor, community=community, membership=membership, reason=data["reason"]
        )
    elif status == MembershipStatus.LEFT and membership.status == MembershipStatus.ACTIVE:
        role_services.member_remove(
            actor=actor, community=community, membership=membership, reason=data["reason"]
        )
    else:
        raise TransitionForbidden(
            _("Change this status on the site: joining, applying and the review queue decide it.")
        )


@admin.register(RuleAcceptance)
class RuleAcceptanceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The record of which member accepted which rules version: evidence, never edited."""

    list_display = ("membership", "rules_version", "community", "created_at")
    search_fields = ("membership__user__username", "community__name", "community__slug")
    list_select_related = ("membership__user", "membership__community", "rules_version", "community")
    fields = ("community", "membership", "rules_version", "created_at")
    readonly_fields = fields


# --- Applications and vetting -------------------------------------------------------------------------------


class ApplicationQuestionAdminForm(forms.ModelForm):
    """Choices are checked by the same rule as the site (non-empty, at most 20, for choice questions)."""

    class Meta:
        model = ApplicationQuestion
        fields = ("community", "label", "help_text", "kind", "choices", "required")

    def clean(self):
        data = super().clean()
        try:
            data["choices"] = application_services.clean_choices(data.get("kind", ""), data.get("choices"))
        except DomainError as exc:
            raise forms.ValidationError(exc.fields) from None
        return data


@admin.register(ApplicationQuestion)
class ApplicationQuestionAdmin(admin.ModelAdmin):
    form = ApplicationQuestionAdminForm
    list_display = ("label", "community", "kind", "required", "position", "retired_at")
    list_filter = ("kind", "required", "community")
    search_fields = ("label", "community__slug", "community__name")
    list_select_related = ("community",)
    raw_id_fields = ("community",)
    ordering = ("community", "position", "id")

    def get_readonly_fields(self, request, obj=None):
        return ("community",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        # Deleting goes through question_delete on the site or API: answered questions are only retired.
        return False

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name] for name in ("label", "help_text", "kind", "choices", "required")
        }
        if change:
            application_services.question_update(actor=request.user, question=obj, **fields)
        else:
            created = application_services.question_create(
                actor=request.user, community=obj.community, **fields
            )
            obj.pk, obj.position, obj.created_at = created.pk, created.position, created.created_at


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """The review queue in Django admin: decisions go through the same service as the site."""

    list_display = ("applicant", "community", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status", "community")
    search_fields = ("applicant__username", "applicant__email", "answers_text", "community__slug")
    list_select_related = ("applicant", "community", "decided_by")
    date_hierarchy = "created_at"
    actions = ["approve", "reject"]
    fields = (
        "community",
        "applicant",
        "membership",
        "status",
        "answers_display",
        "created_at",
        "decided_by",
        "decided_at",
        "decision_note",
        "message_to_applicant",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("answers"))
    def answers_display(self, obj):
        rows = (
            (item["label"], ", ".join(item["answer"]) if isinstance(item["answer"], list) else item["answer"])
            for item in obj.answers
        )
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))

    def _decide(self, request, queryset, decision, done_message):
        """All or nothing per community, exactly as the site's bulk decision."""
        by_community = {}
        for application in queryset.select_related("community"):
            by_community.setdefault(application.community, []).append(application.pk)
        for community, ids in by_community.items():
            try:
                decided = application_services.applications_decide_bulk(
                    actor=request.user, community=community, ids=ids, decision=decision
                )
            except DomainError as exc:
                self.message_user(request, f"{community.slug}: {exc.message}", messages.ERROR)
            else:
                count = len(decided)
                self.message_user(request, done_message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(
            request,
            queryset,
            "approve",
            lambda n: ngettext("%(count)d application approved.", "%(count)d applications approved.", n),
        )

    @admin.action(description=_("Reject the selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        self._decide(
            request,
            queryset,
            "reject",
            lambda n: ngettext("%(count)d application rejected.", "%(count)d applications rejected.", n),
        )


# --- Moderation and the audit log: written only by the services, read-only here ----------------------------


@admin.register(Report)
class ReportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "community", "target_type", "target_id", "subject", "rule", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("reason", "community__slug", "reporter__username", "subject__user__username")
    list_select_related = ("community", "target_type", "subject__user", "rule")


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("kind", "subject", "moderator", "rule", "community", "ends_at", "created_at")
    list_filter = ("kind",)
    search_fields = ("reason", "community__slug", "subject__user__username", "moderator__username")
    list_select_related = ("community", "subject__user", "subject__community", "moderator", "rule")


@admin.register(ContentHold)
class ContentHoldAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("target_type", "target_id", "reason", "community", "created_at", "released_at")
    list_filter = ("reason",)
    list_select_related = ("community", "target_type")


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The audit log is evidence: never added, changed or deleted, here or anywhere."""

    list_display = ("created_at", "community", "action", "actor", "subject_label", "reason")
    list_filter = ("action",)
    search_fields = ("action", "reason", "subject_label", "community__slug", "actor__username")
    list_select_related = ("community", "actor")
    date_hierarchy = "created_at"


# --- Recruitment: made in the site or API; admin revokes and retires through the services -------------------


class _RecruitmentAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _each(self, request, queryset, service, field):
        done = 0
        for row in queryset.select_related("community").filter(**{f"{field}__isnull": True}):
            try:
                service(actor=request.user, community=row.community, **{self.service_kwarg: row})
            except DomainError as exc:
                self.message_user(request, f"{row.community.slug}: {exc.message}", messages.ERROR)
            else:
                done += 1
        return done


@admin.register(Invitation)
class InvitationAdmin(_RecruitmentAdmin):
    list_display = ("__str__", "community", "role", "uses_count", "max_uses", "expires_at", "revoked_at")
    list_filter = ("role",)
    search_fields = ("label", "code", "community__slug")
    list_select_related = ("community",)
    fields = (
        "community",
        "code",
        "label",
        "role",
        "max_uses",
        "uses_count",
        "expires_at",
        "revoked_at",
        "created_by",
        "created_at",
    )
    readonly_fields = fields
    actions = ["revoke"]
    service_kwarg = "invitation"

    @admin.action(description=_("Revoke the selected invitations"), permissions=["change"])
    def revoke(self, request, queryset):
        count = self._each(request, queryset, recruitment_services.invitation_revoke, "revoked_at")
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", count)
            % {"count": count},
        )


@admin.register(JoinLink)
class JoinLinkAdmin(_RecruitmentAdmin):
    list_display = ("channel", "source_tag", "community", "retired_at", "created_at")
    search_fields = ("channel", "source_tag", "community__slug")
    list_select_related = ("community",)
    fields = ("community", "channel", "code", "source_tag", "retired_at", "created_by", "created_at")
    readonly_fields = fields
    actions = ["retire"]
    service_kwarg = "join_link"

    @admin.action(description=_("Retire the selected join links"), permissions=["change"])
    def retire(self, request, queryset):
        count = self._each(request, queryset, recruitment_services.join_link_retire, "retired_at")
        self.message_user(
            request,
            ngettext("%(count)d join link retired.", "%(count)d join links retired.", count)
            % {"count": count},
        )

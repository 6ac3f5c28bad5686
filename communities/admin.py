"""Django admin for communities. Status changes go through communities.services (archive/unarchive)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from communities import services
from communities.errors import DomainError
from communities.images import IMAGE_UPLOADS
from communities.models import Community, Rule, RulesVersion


class ReadOnlyAdminMixin:
    """Records that are written only by services: viewable, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceSaveAdminMixin:
    """A change form saved through the services (the admin's `save_through_services(request, obj, form)`,
    with `obj` as the form left it and the stored row unchanged), never by the ModelForm:
    the same rules as the site. A refusal (a domain error or a validation error) is shown as an error
    message, and nothing is saved, logged or announced as changed."""

    def save_model(self, request, obj, form, change):
        try:
            with transaction.atomic():  # all of the form's changes, or none
                self.save_through_services(request, obj, form)
        except (DomainError, ValidationError) as exc:
            request.service_refusal = exc
            self.message_user(request, refusal_text(exc), messages.ERROR)

    def log_change(self, request, obj, message):
        if not hasattr(request, "service_refusal"):
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        if hasattr(request, "service_refusal"):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)


def refusal_text(exc) -> str:
    """One line for an admin message: the error and its field messages."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    details = [str(m) for messages_ in exc.fields.values() for m in messages_ if str(m) != str(exc.message)]
    return " ".join([str(exc.message), *details])


class RuleInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Shown read-only: every rule change must publish a new RulesVersion, which only the services do."""

    model = Rule
    fields = ("position", "category", "title", "body")
    readonly_fields = fields
    ordering = ("position", "id")
    extra = 0


@admin.register(Community)
class CommunityAdmin(ServiceSaveAdminMixin, admin.ModelAdmin):
    """Saved through community_slug_change and community_update: an archived community is read-only
    here too, a slug obeys the creation rules, and every change is recorded."""

    formfield_overrides = IMAGE_UPLOADS
    list_display = (
        "name",
        "slug",
        "skill_domain",
        "visibility",
        "join_policy",
        "status",
        "language",
        "member_count",
        "activity_score",
        "created_at",
    )
    list_filter = ("visibility", "join_policy", "status", "skill_domain")
    search_fields = ("name", "slug")
    readonly_fields = (
        "status",
        "archived_at",
        "member_count",
        "activity_score",
        "created_by",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("name", "slug", "skill_domain", "tagline", "status", "archived_at")}),
        (_("Profile"), {"fields": ("positioning", "target_audience", "description", "culture")}),
        (_("Access"), {"fields": ("visibility", "join_policy")}),
        (
            _("Locale and branding"),
            {"fields": ("language", "timezone", "logo", "cover_image", "accent_color")},
        ),
        (
            _("Record"),
            {"fields": ("member_count", "activity_score", "created_by", "created_at", "updated_at")},
        ),
    )
    inlines = [RuleInline]
    actions = ["archive", "unarchive"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        # A community is born with an owner membership: create it on the site (community_create).
        return False

    def save_through_services(self, request, obj, form) -> None:
        changed = set(form.changed_data)
        community = Community.objects.get(pk=obj.pk)
        if "slug" in changed:
            community = services.community_slug_change(
                actor=request.user, community=community, slug=form.cleaned_data["slug"]
            )
        fields = {name: form.cleaned_data[name] for name in changed & services.EDITABLE_FIELDS}
        if fields:
            services.community_update(actor=request.user, community=community, **fields)

    def _apply(self, request, queryset, service, done_message):
        done, refused = 0, []
        for community in queryset:
            try:
                service(actor=request.user, community=community)
            except DomainError as exc:
                refused.append(f"{community.slug}: {exc.message}")
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description=_("Archive the selected communities"), permissions=["change"])
    def archive(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.community_archive,
            lambda n: ngettext("%(count)d community archived.", "%(count)d communities archived.", n),
        )

    @admin.action(description=_("Unarchive the selected communities"), permissions=["change"])
    def unarchive(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.community_unarchive,
            lambda n: ngettext("%(count)d community unarchived.", "%(count)d communities unarchived.", n),
        )


@admin.register(RulesVersion)
class RulesVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Published rule snapshots are immutable."""

    list_display = ("community", "number", "published_by", "created_at")
    list_filter = ("created_at",)
    search_fields = ("community__name", "community__slug")
    list_select_related = ("community", "published_by")
    fields = ("community", "number", "rules", "published_by", "created_at")
    readonly_fields = fields

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import services
from accounts.models import ApiToken, User
from communities.images import IMAGE_UPLOADS

# Django stores a permission's name in English when it migrates ("Can add rule"): the admin's permission
# pickers name it from its action and model instead, in the reader's language.
PERMISSION_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if model is None or action not in PERMISSION_ACTIONS:
        return str(permission)
    meta = model._meta
    what = PERMISSION_ACTIONS[action] % {"model": meta.verbose_name}
    return f"{apps.get_app_config(meta.app_label).verbose_name} | {meta.verbose_name} | {what}"


class TranslatedPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(TranslatedPermissionsMixin, DjangoGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(TranslatedPermissionsMixin, DjangoUserAdmin):
    formfield_overrides = IMAGE_UPLOADS
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Profile and preferences"), {"fields": ("display_name", "avatar", "language", "timezone")}),
    )
    list_display = ("username", "email", "display_name", "language", "is_staff", "is_active", "date_joined")
    list_filter = (*DjangoUserAdmin.list_filter, "language")
    search_fields = (*DjangoUserAdmin.search_fields, "display_name")


class TokenStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("active", _("Active")), ("revoked", _("Revoked"))]

    def queryset(self, request, queryset):
        if self.value() in ("active", "revoked"):
            return queryset.filter(revoked_at__isnull=self.value() == "active")
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created by their owner only; the admin can inspect and revoke them."""

    list_display = ("name", "prefix", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = (TokenStatusFilter, "created_at")
    search_fields = ("name", "prefix", "user__username", "user__email")
    list_select_related = ("user",)
    fields = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        revoked = 0
        for token in queryset.filter(revoked_at__isnull=True).select_related("user"):
            services.token_revoke(user=token.user, token_id=token.pk)
            revoked += 1
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", revoked) % {"count": revoked},
            messages.SUCCESS,
        )

"""Base API classes: every community-scoped endpoint inherits its tenancy and permissions from here."""

from rest_framework import permissions, viewsets

from communities.tenancy import request_can, resolve_community


class HasCapability(permissions.BasePermission):
    """Grant the action when the caller's membership holds `view.capability[action]`.

    A `None` capability means "anyone who can see the community" (public read). Actions missing from the
    table are refused, so a new action is closed until someone decides who may use it.
    """

    def has_permission(self, request, view):
        capability = view.capability.get(view.action, view.capability.get("*", "missing"))
        if capability is None:
            return True
        if capability == "missing":
            return False
        if not request.user.is_authenticated:
            return False
        return request_can(request, capability)


class CommunityViewSet(viewsets.GenericViewSet):
    """Resolves `request.community` and `request.membership` from the `community_slug` URL argument."""

    capability: dict[str, str | None] = {}
    permission_classes = [HasCapability]
    community_url_kwarg = "community_slug"

    def initial(self, request, *args, **kwargs):
        resolve_community(request, kwargs[self.community_url_kwarg])
        super().initial(request, *args, **kwargs)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["community"] = getattr(self.request, "community", None)
        return context

"""HTML view mixins: tenancy from the URL, capability checks, and domain errors shown on forms.

`CommunityMixin` is closed by default, like the API's `HasCapability`: a view names the capability it
needs (`capability = "moderate"`), one per HTTP method (`{"GET": PUBLIC, "POST": "participate"}`), or
says explicitly that anyone who may see the community may use it (`capability = PUBLIC`). A view that
says nothing fails loudly (ImproperlyConfigured) instead of being open.
"""

import enum
import zoneinfo
from collections.abc import Mapping

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone

from communities.errors import DomainError
from communities.permissions import CAPABILITIES, ensure_writable
from communities.tenancy import request_can, resolve_community

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class Access(enum.Enum):
    PUBLIC = "public"


# Anyone who may see the community: anonymous visitors of a public one, members of a private one.
PUBLIC = Access.PUBLIC


def check_capability_declaration(view_class) -> None:
    """Raise ImproperlyConfigured unless `view_class.capability` is PUBLIC, a known capability, or a
    mapping of HTTP methods to those."""
    declared = view_class.capability
    values = declared.values() if isinstance(declared, Mapping) else [declared]
    if declared is None or not values:
        raise ImproperlyConfigured(
            f"{view_class.__name__} must set `capability`: a name from communities.permissions.CAPABILITIES, "
            "PUBLIC, or a mapping of HTTP methods to those."
        )
    for value in values:
        if value is not PUBLIC and value not in CAPABILITIES:
            raise ImproperlyConfigured(f"{view_class.__name__}.capability: unknown capability {value!r}.")


class CommunityMixin:
    """Resolve the community from the `slug` URL argument; require the view's declared `capability`.

    Times on a community's pages are shown in the community's time zone; the UI language stays the user's.
    """

    capability: str | Access | Mapping[str, str | Access] | None = None

    def required_capability(self, request) -> str | Access | None:
        """The capability for this request's method; None (refused) for a method the mapping omits."""
        if not isinstance(self.capability, Mapping):
            return self.capability
        method = "GET" if request.method == "HEAD" else request.method
        return self.capability.get(method)

    def dispatch(self, request, *args, **kwargs):
        check_capability_declaration(type(self))
        self.community = resolve_community(request, kwargs["slug"])
        self.membership = request.membership
        timezone.activate(zoneinfo.ZoneInfo(self.community.timezone))
        capability = self.required_capability(request)
        if capability is not PUBLIC:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if capability is None or not request_can(request, capability):
                raise PermissionDenied
        if request.method not in SAFE_METHODS:  # an archived community refuses writes before any form
            ensure_writable(self.community, None if capability is PUBLIC else capability)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(community=self.community, membership=self.membership)
        return context


def add_service_errors(form, exc: DomainError | DjangoValidationError) -> None:
    """Put a service's errors on the form: per field where the form has that field, else on top."""
    if isinstance(exc, DomainError):
        fields = exc.fields
        messages = [] if fields else [str(exc.message)]
    else:
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        messages = [] if fields else exc.messages
    for name, field_messages in fields.items():
        form.add_error(name if name in form.fields else None, list(field_messages))
    for message in messages:
        form.add_error(None, message)


class ServiceFormMixin:
    """`form_valid` calls the view's `perform(form)`; a DomainError or ValidationError re-renders the form.

    This is the form branch of HTML error rendering; everything else a view raises is rendered by
    `communities.middleware.DomainErrorMiddleware`.
    """

    def form_valid(self, form):
        try:
            return self.perform(form)
        except (DomainError, DjangoValidationError) as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)

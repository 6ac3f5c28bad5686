"""HTML view mixins: tenancy from the URL, capability checks, and domain errors shown on forms."""

import zoneinfo

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone

from communities.errors import DomainError
from communities.tenancy import request_can, resolve_community


class CommunityMixin:
    """Resolve the community from the `slug` URL argument; require `capability` when it is set.

    Times on a community's pages are shown in the community's time zone; the UI language stays the user's.
    """

    capability: str | None = None

    def dispatch(self, request, *args, **kwargs):
        self.community = resolve_community(request, kwargs["slug"])
        self.membership = request.membership
        timezone.activate(zoneinfo.ZoneInfo(self.community.timezone))
        if self.capability is not None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request_can(request, self.capability):
                raise PermissionDenied
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
    """`form_valid` calls the view's `perform(form)`; a DomainError or ValidationError re-renders the form."""

    def form_valid(self, form):
        try:
            return self.perform(form)
        except (DomainError, DjangoValidationError) as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)

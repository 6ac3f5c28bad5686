"""The one renderer of domain errors on HTML pages, as `communities.api.exceptions` is for the API.

A view raises (or lets a service or an `<entity>_get` selector raise) and this middleware answers:

- `NotFound` -> the 404 page (missing and forbidden objects look the same);
- `Forbidden` -> the 403 page, or the login page for an anonymous visitor;
- any other `DomainError` -> the error as a flash message and a redirect back: to the referring page
  when it is on this site, else the community's home, else the directory.

Form views show a service's refusal on the form instead (`communities.mixins.ServiceFormMixin`), so the
user keeps what they typed. API views never get here: DRF's exception handler answers first.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from communities.errors import DomainError, Forbidden, NotFound


def back_url(request) -> str:
    """Where to send the visitor after a refused action: back where they came from, on this site only."""
    referer = request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and not (request.method == "GET" and referer == request.build_absolute_uri()):
        return referer
    community = getattr(request, "community", None)
    if community is not None:
        home = reverse("communities:home", args=[community.slug])
        if home != request.path:
            return home
    return reverse("communities:directory")


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DomainError):
            return None
        if isinstance(exception, NotFound):
            raise Http404(str(exception.message)) from exception
        if isinstance(exception, Forbidden):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(str(exception.message)) from exception
        messages.error(request, exception.message)
        return redirect(back_url(request))

"""The personal area: settings, interface language and personal API tokens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from accounts import selectors, services
from accounts.forms import LanguageForm, SettingsForm, TokenCreateForm
from communities.mixins import ServiceFormMixin


class SettingsView(LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "accounts/settings.html"
    form_class = SettingsForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        user = services.profile_update(user=self.request.user, changes=form.changes())
        response = redirect("accounts:settings")
        if "language" in form.changed_data:
            _apply_language(response, user.language)
        messages.success(self.request, _("Your settings were saved."))
        return response


class TokenListView(LoginRequiredMixin, ServiceFormMixin, FormView):
    """GET lists the tokens; a valid POST creates one and renders its key once (never stored)."""

    template_name = "accounts/tokens.html"
    form_class = TokenCreateForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tokens"] = selectors.token_list(user=self.request.user)
        return context

    def perform(self, form):
        token, key = services.token_create(user=self.request.user, name=form.cleaned_data["name"])
        api_me_url = self.request.build_absolute_uri(reverse("api:me"))
        context = {"token": token, "key": key, "api_me_url": api_me_url}
        response = render(self.request, "accounts/token_created.html", context)
        add_never_cache_headers(response)
        return response


class TokenRevokeView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        token = selectors.token_get(user=request.user, token_id=pk)  # others' tokens: 404
        if token.revoked_at is not None:  # a second click, another tab
            messages.info(request, _("The token “%(name)s” was already revoked.") % {"name": token.name})
        else:
            services.token_revoke(user=request.user, token_id=token.pk)
            messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
        return redirect("accounts:tokens")


def _safe_next(request) -> str:
    """`next` from the form (or the referring page) when it stays on this site, else the home page."""
    for candidate in (request.POST.get("next"), request.META.get("HTTP_REFERER")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return "/"


@require_POST
def set_language(request):
    """Like django.views.i18n.set_language, and remembered on the account of a signed-in user."""
    response = HttpResponseRedirect(_safe_next(request))
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This language is not available."))
        return response
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.language_set(user=request.user, language=language)
    _apply_language(response, language)
    return response


def _apply_language(response, language: str) -> None:
    """Switch this response's language and set (or, for "" = follow the browser, drop) the cookie."""
    if language:
        translation.activate(language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    else:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )

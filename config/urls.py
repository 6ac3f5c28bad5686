import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from communities.api.exceptions import UnknownEndpoint
from config.health import healthz

# The Django admin is Guildhall's, in the reader's language (docs/i18n.md).
admin.site.site_header = _("Guildhall administration")
admin.site.site_title = _("Guildhall admin")
admin.site.index_title = _("Site administration")

api_v1 = [
    path("", include("accounts.api.urls")),
    path("", include("communities.api.urls")),
    path("communities/<slug:community_slug>/", include("members.api.urls")),
    path("communities/<slug:community_slug>/", include("content.api.urls")),
    path("communities/<slug:community_slug>/", include("events.api.urls")),
    path("communities/<slug:community_slug>/", include("learning.api.urls")),
    path("", include("events.api.urls.account")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    re_path(r"^api/", UnknownEndpoint.as_view(), name="api-unknown"),
    path("", include("members.urls")),
    path("", include("content.urls")),
    path("", include("events.urls")),
    path("", include("learning.urls")),
    path("", include("communities.urls")),
]

if settings.SERVE_MEDIA:
    # Not django.conf.urls.static.static(): it serves nothing when DEBUG is off, and SERVE_MEDIA is meant
    # for small production sites too (docs/deploy.md).
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT, "show_indexes": False},
        )
    )

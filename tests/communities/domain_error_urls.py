"""Test URLs: community pages that raise each kind of domain error, on top of the project's URLs."""

from django.http import HttpResponse
from django.urls import path
from django.views import View

from communities.errors import Conflict, DomainError, Forbidden, NotFound
from communities.mixins import PUBLIC, CommunityMixin
from config.urls import urlpatterns as project_urlpatterns

ERRORS = {"not-found": NotFound, "forbidden": Forbidden, "conflict": Conflict, "invalid": DomainError}


class RaisingView(CommunityMixin, View):
    capability = PUBLIC

    def get(self, request, slug, kind):
        raise ERRORS[kind](code=f"test_{kind}")

    post = get


class UndeclaredView(CommunityMixin, View):
    def get(self, request, slug):
        return HttpResponse("open")


class PerMethodView(CommunityMixin, View):
    capability = {"GET": PUBLIC, "POST": "participate"}

    def get(self, request, slug):
        return HttpResponse("read")

    def post(self, request, slug):
        return HttpResponse("written")

    def put(self, request, slug):
        return HttpResponse("put")


class RaisingPlainView(View):
    def get(self, request):
        raise Conflict()


urlpatterns = [
    path("c/<slug:slug>/test-raise/<str:kind>/", RaisingView.as_view(), name="test-raise"),
    path("c/<slug:slug>/test-undeclared/", UndeclaredView.as_view(), name="test-undeclared"),
    path("c/<slug:slug>/test-per-method/", PerMethodView.as_view(), name="test-per-method"),
    path("test-raise-plain/", RaisingPlainView.as_view(), name="test-raise-plain"),
    *project_urlpatterns,
]

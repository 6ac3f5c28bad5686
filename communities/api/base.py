"""Base API classes: every community-scoped endpoint inherits its tenancy and permissions from here."""

import copy
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions, serializers, viewsets

from communities import fragments
from communities.csvexport import CSVRenderer
from communities.permissions import ensure_writable
from communities.tenancy import request_can, resolve_community
from communities.validators import ID_MAX, INT32_MAX


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


class PrebuiltFieldsMixin:
    """Build a ModelSerializer's fields once per class and hand each instance a copy.

    DRF introspects the model and builds every field anew for each serializer instance, which is each
    request (2 ms for a 26-field output serializer). What it builds depends only on the class and its
    `Meta`, so the result is kept on the class and deep-copied, as DRF copies declared fields itself.
    A subclass may still adjust the copy per request in its own `get_fields`.
    """

    def get_fields(self):
        cls = type(self)
        prebuilt = cls.__dict__.get("_prebuilt_fields")
        if prebuilt is None:
            prebuilt = super().get_fields()
            cls._prebuilt_fields = prebuilt
        return copy.deepcopy(prebuilt)


class MemoisedListSerializer(serializers.ListSerializer):
    """A list whose items are kept in the cache by their row's values (communities.fragments.row_values),
    with the language, time zone, the address the request came to (URLs in items are absolute) and the
    release. For a child that reads only its instance's columns and annotations:
    a changed row has a new key, so an item is never served stale (decision 0018)."""

    def to_representation(self, data):
        child = self.child
        request = self.context.get("request")
        base = request.build_absolute_uri("/") if request is not None else ""
        scope = (type(child).__qualname__, fragments.release(), base, fragments.locale_parts())

        def key(instance):
            return "api-item:" + fragments.digest(scope, fragments.row_values(instance))

        items = data.all() if isinstance(data, models.manager.BaseManager) else data
        return fragments.memo_many(items, key=key, build=child.to_representation)


class RoutedMethodsOnly:
    """A method the URL does not route is a 405, before permissions: without this, a viewset's permission
    check runs first and finds no capability for the unrouted action, answering 403 instead."""

    def refuse_unrouted_method(self, request):
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)

    def initial(self, request, *args, **kwargs):
        self.refuse_unrouted_method(request)
        super().initial(request, *args, **kwargs)


class CommunityViewSet(RoutedMethodsOnly, viewsets.GenericViewSet):
    """Resolves `request.community` and `request.membership` from the `community_slug` URL argument.

    Lists come from `get_queryset()`, which starts from a community selector (`<entity>_list`). An object
    named by the URL is loaded by the viewset's `get_object()`, which calls its `<entity>_get` selector
    (NotFound for missing and hidden alike): DRF's mixins (retrieve, update, destroy) and custom actions
    all go through it. A viewset that loads objects without naming its selector fails loudly.

    A community the caller may not see is a 404 whatever the method; then an unrouted method is a 405.
    """

    capability: dict[str, str | None] = {}
    permission_classes = [HasCapability]
    community_url_kwarg = "community_slug"

    def initial(self, request, *args, **kwargs):
        resolve_community(request, kwargs[self.community_url_kwarg])
        super().initial(request, *args, **kwargs)
        if request.method not in permissions.SAFE_METHODS:
            # After the permission check, before any input validation: an archived community answers
            # every write with community_archived (409), whatever the body (ensure_can says the same).
            capability = self.capability.get(self.action, self.capability.get("*"))
            ensure_writable(request.community, capability)

    def get_object(self):
        raise ImproperlyConfigured(
            f"{type(self).__name__}.get_object() must load the object with its `<entity>_get` selector."
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["community"] = getattr(self.request, "community", None)
        return context


class StrictInputMixin:
    """For input serializers: a key the serializer does not accept is a 400, not silently dropped.

    So `{"role": "owner"}` or `{"slug": "new"}` sent where they are not writable is refused visibly
    (code `unknown_field`) instead of looking accepted.
    """

    def to_internal_value(self, data):
        writable = {name for name, field in self.fields.items() if not field.read_only}
        unknown = sorted(set(data) - writable) if isinstance(data, Mapping) else []
        if unknown:
            raise serializers.ValidationError(
                {name: [_("This field cannot be set here.")] for name in unknown}, code="unknown_field"
            )
        return super().to_internal_value(data)


class IdField(serializers.IntegerField):
    """The id of an object named in a request body: 1 to the largest bigint key, so no lookup overflows."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=ID_MAX, **kwargs)


class RulesVersionField(serializers.IntegerField):
    """The number of the rules version the caller accepts (a positive integer column)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=INT32_MAX, **kwargs)


class CsvExportMixin:
    """A viewset's `export` action answering CSV (`communities.csvexport`) with the list's filters.

    The action returns `csv_response(...)` itself; the CSV renderer only lets `Accept: text/csv` (or
    `?format=csv`) through content negotiation, and the schema lists the filters for it too.
    """

    filtered_actions = ("export",)

    def get_renderers(self):
        renderers = super().get_renderers()
        return [*renderers, CSVRenderer()] if getattr(self, "action", None) == "export" else renderers

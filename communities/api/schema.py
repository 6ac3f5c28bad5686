"""The OpenAPI schema class of the whole API (REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]).

It declares once what every operation shares, so a view only describes what is its own:
- the error responses, each with the one error body `{"code", "detail", "fields"}` that
  `communities.api.exceptions.exception_handler` renders, for the statuses the operation can answer;
- pagination only on the actions that paginate (`paginated_actions`, default `("list",)`), so a plain
  list returned by another action is not declared as a page;
- the list's filters also on the actions that take them without returning a list
  (`filtered_actions`: a CSV export);
- response fields a serializer sometimes leaves out (`Meta.optional_fields`) as not required;
- a request body offered as JSON or multipart (uploads) as optional, for openapi-python-client;
- a tag per resource (rules, members, invitations...), which groups the docs and a generated client.

See docs/decisions/0011-exact-api-schema.md.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_override
from rest_framework import serializers

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

ERROR_DESCRIPTIONS = {
    "400": _("Invalid input: `fields` holds the messages per field; or a rule refused the request."),
    "401": _("Not signed in, or the token is invalid or revoked."),
    "403": _("Signed in, but not allowed to do this."),
    "404": _("Not found, or not visible to the caller (a private community, another community's object)."),
    "409": _("Conflicts with the current state (for example: already a member, already decided)."),
    "415": _("The request body is not JSON (or multipart where a file is uploaded)."),
    "429": _("Too many requests: wait the number of seconds in the Retry-After header."),
}


class ErrorSerializer(serializers.Serializer):
    """Every refusal of the API has this body."""

    def get_fields(self):
        # `fields` is also the name of Serializer's field mapping, so the fields are built here.
        return {
            "code": serializers.CharField(
                read_only=True, help_text=_("A stable code to branch on, for example not_found or invalid.")
            ),
            "detail": serializers.CharField(
                read_only=True, help_text=_("A message for people, in the caller's language.")
            ),
            "fields": serializers.DictField(
                child=serializers.JSONField(),
                read_only=True,
                help_text=_("Invalid input: the messages per field (a list, or nested for nested input)."),
            ),
        }


class GuildhallAutoSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation["responses"]
        error = self._get_response_for_code(ErrorSerializer, "400", media_types=["application/json"])
        declared = {code for code in responses if code >= "400"}
        for code in self._error_statuses(operation) | declared:
            responses[code] = {**error, "description": ERROR_DESCRIPTIONS.get(code, "")}
        operation["responses"] = dict(sorted(responses.items()))
        body = operation.get("requestBody", {})
        if len(body.get("content", ())) > 1:
            # JSON or multipart (an upload): openapi-python-client 0.29 emits a client that does not import
            # for a required body of several media types. A missing body is a 400 naming the fields.
            body.pop("required", None)
        return operation

    def _error_statuses(self, operation) -> set[str]:
        """The error statuses this operation can answer, whatever the view."""
        statuses = {"401", "403"}
        parameters = operation.get("parameters", [])
        if self.method not in SAFE_METHODS:
            statuses |= {"400", "409", "429"}
        if "requestBody" in operation:
            statuses.add("415")
        if any(parameter["in"] == "query" for parameter in parameters):
            statuses.add("400")  # a filter or query value that does not validate
        if any(parameter["in"] == "path" for parameter in parameters) or self._get_paginator():
            statuses.add("404")  # the object, or a page number past the end
        return statuses

    def get_tags(self):
        """Group operations by what they act on: the part after `communities/{community_slug}/` (rules,
        members, invitations...), else the first part (communities, notifications). A generated client
        makes one module per tag."""
        tokens = self._tokenize_path()
        return tokens[1:2] if tokens[:1] == ["communities"] and len(tokens) > 1 else tokens[:1]

    def get_filter_backends(self):
        action = getattr(self.view, "action", None)
        if action in getattr(self.view, "filtered_actions", ()):
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

    def _get_paginator(self):
        action = getattr(self.view, "action", None)
        if action not in getattr(self.view, "paginated_actions", ("list",)):
            return None
        return super()._get_paginator()

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        own_doc = type(serializer).__dict__.get("__doc__")
        if own_doc is None and get_override(serializer, "description") is None:
            # A serializer without a docstring of its own would show its base class's (StrictInputMixin's).
            schema.pop("description", None)
        optional = getattr(getattr(serializer, "Meta", None), "optional_fields", ())
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
            if not schema["required"]:
                del schema["required"]
        return schema

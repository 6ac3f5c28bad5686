"""The one renderer of API errors: `{"code": ..., "detail": ..., "fields": {...}}`."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from communities.errors import DomainError


def _first_code(codes) -> str:
    while isinstance(codes, dict | list):
        if not codes:
            return "invalid"
        codes = next(iter(codes.values())) if isinstance(codes, dict) else codes[0]
    return str(codes)


def _django_validation_fields(exc: DjangoValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {name: [str(m) for err in errs for m in err.messages] for name, errs in exc.error_dict.items()}
    return {"non_field_errors": [str(m) for m in exc.messages]}


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        body = {"code": exc.code, "detail": str(exc.message), "fields": exc.fields}
        return Response(body, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_validation_fields(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        data = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "code": _first_code(exc.get_codes()),
            "detail": str(_first_message(data)),
            "fields": data,
        }
        response.status_code = status.HTTP_400_BAD_REQUEST
    else:
        response.data = {"code": _first_code(exc.get_codes()), "detail": str(exc.detail), "fields": {}}
    return response


def _first_message(data):
    while isinstance(data, dict | list):
        if not data:
            return ""
        data = next(iter(data.values())) if isinstance(data, dict) else data[0]
    return data


class UnknownEndpoint(APIView):
    """Routed last under /api/: any other address is a JSON 404 with the error body, with DEBUG on or off
    (Django's own 404 page is HTML, and with DEBUG on the project's handler404 is not used at all)."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]
    schema = None  # not an operation

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound(_("There is no API endpoint at this address."), code="no_endpoint")

"""The caller's own profile and personal API tokens."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from accounts import selectors, services
from accounts.api.serializers import (
    MeSerializer,
    MeUpdateSerializer,
    TokenCreatedSerializer,
    TokenCreateSerializer,
    TokenSerializer,
)
from accounts.authentication import ApiTokenAuthentication
from accounts.models import ApiToken
from communities.api.base import RoutedMethodsOnly
from communities.api.throttling import AuthRateThrottle

TAGS = ["account"]


class SignedInSession(BasePermission):
    """Tokens are managed from a signed-in session only: a token cannot list, mint or revoke tokens.

    Otherwise a leaked token could create further tokens that outlive its own revocation.
    """

    code = "session_required"
    message = _("API tokens are managed from a signed-in session on the website, not with a token.")

    def has_permission(self, request, view):
        return not isinstance(request.successful_authenticator, ApiTokenAuthentication)


class MeView(RoutedMethodsOnly, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = MeSerializer

    @extend_schema(tags=TAGS, summary=_("My profile"))
    def get(self, request):
        return Response(MeSerializer(request.user, context={"request": request}).data)

    @extend_schema(
        tags=TAGS,
        summary=_("Update my profile"),
        description=_(
            "Email and avatar are read-only here (sending them is a 400); change them on the website."
        ),
        request=MeUpdateSerializer,
        responses=MeSerializer,
    )
    def patch(self, request):
        serializer = MeUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = services.profile_update(user=request.user, changes=serializer.validated_data)
        return Response(MeSerializer(user, context={"request": request}).data)


@extend_schema_view(
    list=extend_schema(
        tags=TAGS,
        summary=_("List my tokens"),
        description=_(
            "Keys are never returned. Tokens are managed from a signed-in session only: a request "
            "authenticated with a token is refused here (403, session_required)."
        ),
    ),
    create=extend_schema(
        tags=TAGS,
        summary=_("Create a token"),
        description=_("The response holds the key; it is not stored and cannot be shown again."),
        request=TokenCreateSerializer,
        responses={201: TokenCreatedSerializer},
    ),
    destroy=extend_schema(
        tags=TAGS,
        summary=_("Revoke a token"),
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
        responses={204: None},
    ),
)
class TokenViewSet(RoutedMethodsOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated, SignedInSession]
    serializer_class = TokenSerializer
    filter_backends = []
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no signed-in user
            return ApiToken.objects.none()
        return selectors.token_list(user=self.request.user)

    def get_throttles(self):
        if self.action == "create":
            return [AuthRateThrottle()]
        return super().get_throttles()

    def create(self, request):
        serializer = TokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token, key = services.token_create(user=request.user, name=serializer.validated_data["name"])
        token.key = key
        return Response(TokenCreatedSerializer(token).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, pk):
        services.token_revoke(user=request.user, token_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

"""Recruitment API: invitations, accepting one, join links with their QR code, my referral link, growth."""

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from communities.api.base import CommunityViewSet, HasCapability
from members.api.serializers import recruitment as s
from members.api.serializers.membership import MembershipOutputSerializer
from members.models import Invitation, JoinLink
from members.selectors import membership_for_user
from members.selectors import recruitment as selectors
from members.services import recruitment as services


class PNGRenderer(BaseRenderer):
    """Lets a client ask for the QR code with `Accept: image/png` (or `?format=png`) without a 406.

    The QR action returns its PNG itself; what reaches this renderer is an error body, which stays JSON
    whatever was asked for (rendered as PNG it came out as the bytes `codedetailfields`).
    """

    media_type = "image/png"
    format = "png"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context["response"]["Content-Type"] = JSONRenderer.media_type
        return JSONRenderer().render(data, renderer_context=renderer_context)


@extend_schema_view(
    list=extend_schema(summary=_("Invitations with their status and uses (operators)")),
    retrieve=extend_schema(summary=_("One invitation (operators)")),
    create=extend_schema(
        summary=_("Create an invitation code (never owner; admin only if you may manage roles)"),
        request=s.InvitationInputSerializer,
        responses={201: s.InvitationOutputSerializer},
    ),
)
class InvitationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Invitation.objects.none()  # names the model for the schema; rows come from the selectors
    serializer_class = s.InvitationOutputSerializer
    capability = dict.fromkeys(["list", "retrieve", "create", "revoke", "uses"], "manage_invitations")
    lookup_url_kwarg = "invitation_id"
    paginated_actions = ("list", "uses")  # for the schema (communities.api.schema)
    filterset_fields = ["role"]
    search_fields = ["label", "code"]
    ordering_fields = ["created_at", "uses_count"]

    def get_queryset(self):
        return selectors.invitation_list(community=self.request.community)

    def get_object(self):
        return selectors.invitation_get(
            community=self.request.community, invitation_id=self.kwargs["invitation_id"]
        )

    def create(self, request, community_slug):
        serializer = s.InvitationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invitation = services.invitation_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(invitation).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Revoke an invitation"),
        request=None,
        responses={200: s.InvitationOutputSerializer},
    )
    def revoke(self, request, community_slug, invitation_id):
        invitation = services.invitation_revoke(
            actor=request.user, community=request.community, invitation=self.get_object()
        )
        return Response(self.get_serializer(invitation).data)

    @extend_schema(
        summary=_("Members who joined through an invitation"),
        responses=s.RecruitedMemberOutputSerializer(many=True),
    )
    def uses(self, request, community_slug, invitation_id):
        members = selectors.invitation_uses(community=request.community, invitation=self.get_object())
        page = self.paginate_queryset(members)
        return self.get_paginated_response(s.RecruitedMemberOutputSerializer(page, many=True).data)


@extend_schema_view(
    create=extend_schema(
        summary=_("Join through an invitation code, whatever the join policy, with the invitation's role"),
        request=s.InvitationAcceptInputSerializer,
        responses={201: MembershipOutputSerializer},
    )
)
class InvitationAcceptViewSet(CommunityViewSet):
    """Self-service for invitees of a public community; a private one is seen only through its link."""

    queryset = Invitation.objects.none()
    serializer_class = MembershipOutputSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    capability = {"create": None}

    def create(self, request, community_slug):
        serializer = s.InvitationAcceptInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.invitation_accept(
            actor=request.user,
            community=request.community,
            code=serializer.validated_data["code"],
            accepted_rules_version=serializer.validated_data.get("accepted_rules_version"),
        )
        membership = membership_for_user(community=request.community, user=request.user)
        return Response(self.get_serializer(membership).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary=_("Join links per channel with the members each brought (operators)")),
    retrieve=extend_schema(summary=_("One join link (operators)")),
    create=extend_schema(
        summary=_("Create a permanent join link for a channel"),
        request=s.JoinLinkInputSerializer,
        responses={201: s.JoinLinkOutputSerializer},
    ),
)
class JoinLinkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = JoinLink.objects.none()
    serializer_class = s.JoinLinkOutputSerializer
    capability = dict.fromkeys(["list", "retrieve", "create", "retire", "qr"], "manage_invitations")
    lookup_url_kwarg = "join_link_id"
    search_fields = ["channel", "source_tag"]
    ordering_fields = ["channel", "created_at"]

    def get_queryset(self):
        return selectors.join_link_list(community=self.request.community)

    def get_object(self):
        return selectors.join_link_get(
            community=self.request.community, join_link_id=self.kwargs["join_link_id"]
        )

    def get_renderers(self):
        if getattr(self, "action", None) == "qr":
            return [JSONRenderer(), PNGRenderer()]
        return super().get_renderers()

    def create(self, request, community_slug):
        serializer = s.JoinLinkInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = services.join_link_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        link = selectors.join_link_get(community=request.community, join_link_id=link.pk)
        return Response(self.get_serializer(link).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary=_("Retire a join link"), request=None, responses={200: s.JoinLinkOutputSerializer})
    def retire(self, request, community_slug, join_link_id):
        services.join_link_retire(
            actor=request.user, community=request.community, join_link=self.get_object()
        )
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary=_("The join link as a QR code (PNG)"), responses={(200, "image/png"): OpenApiTypes.BINARY}
    )
    def qr(self, request, community_slug, join_link_id):
        return HttpResponse(
            selectors.qr_png(selectors.join_link_url(request, request.community, self.get_object())),
            content_type="image/png",
        )


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("My personal referral link"),
        description=_("`code` and `url` are null until the link is made with a POST."),
    ),
    create=extend_schema(
        summary=_("Make my personal referral link (a no-op when it exists)"),
        request=None,
        responses={200: s.ReferralOutputSerializer},
    ),
)
class ReferralViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = JoinLink.objects.none()
    serializer_class = s.ReferralOutputSerializer
    capability = {"retrieve": "participate", "create": "participate"}

    def _link(self, membership) -> dict:
        return {
            "code": membership.referral_code or None,
            "url": selectors.referral_url(
                self.request, community=self.request.community, membership=membership
            ),
            "referred_count": membership.referrals.count(),
        }

    def get_object(self):
        return self._link(self.request.membership)

    def create(self, request, community_slug):
        membership = services.referral_code_ensure(actor=request.user, community=request.community)
        return Response(self.get_serializer(self._link(membership)).data)


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("Where members come from: by source and tag, invitation, join link; top referrers"),
        parameters=[
            OpenApiParameter(
                "days", str, enum=["7", "30", "90", "365", "all"], description=_("Period (default 30)")
            )
        ],
    )
)
class GrowthViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = JoinLink.objects.none()
    serializer_class = s.GrowthOutputSerializer
    capability = {"retrieve": "view_analytics"}

    def get_object(self):
        """The report over the period `?days=` names (7, 30, 90, 365 or all; anything else is a 400)."""
        query = s.GrowthQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        days = None if query.validated_data["days"] == "all" else int(query.validated_data["days"])
        return selectors.growth_report_for_days(community=self.request.community, days=days)

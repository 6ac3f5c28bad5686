"""Reports, moderation actions on members, a member's record, and the moderation settings."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.filters import IdFilter
from members.api.serializers import moderation as s
from members.api.views.roles import MemberObjectMixin
from members.models import MemberPolicy, Membership, Report
from members.selectors.moderation import moderation_record, report_get, report_list
from members.selectors.policy import policy_for
from members.services import moderation as services
from members.services import reporting


class ReportFilter(django_filters.FilterSet):
    target_type = django_filters.CharFilter(
        method="filter_target_type", help_text=_('For example "members.membership"')
    )
    subject = IdFilter(field_name="subject_id")

    class Meta:
        model = Report
        fields = ["status", "rule", "target_type", "target_id", "subject"]

    def filter_target_type(self, queryset, name, value):
        app_label, _dot, model = value.partition(".")
        return queryset.filter(target_type__app_label=app_label, target_type__model=model)


@extend_schema_view(
    list=extend_schema(summary=_("Reports (moderators)")),
    retrieve=extend_schema(summary=_("One report (moderators)")),
    create=extend_schema(
        summary=_("Report a member or content for a broken rule of this community"),
        request=s.ReportCreateInputSerializer,
        responses={201: s.ReportOutputSerializer},
    ),
)
class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Report.objects.none()
    serializer_class = s.ReportOutputSerializer
    capability = {
        "list": "moderate",
        "retrieve": "moderate",
        "create": "report",
        "dismiss": "moderate",
        "remove_content": "moderate",
    }
    filterset_class = ReportFilter
    lookup_url_kwarg = "report_id"
    search_fields = []
    ordering_fields = ["created_at"]

    def get_queryset(self):
        return report_list(community=self.request.community)

    def get_object(self):
        return report_get(community=self.request.community, report_id=self.kwargs["report_id"])

    def create(self, request, community_slug):
        serializer = s.ReportCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = reporting.report_create(
            actor=request.user,
            community=request.community,
            target_type=data["target_type"],
            target_id=data["target_id"],
            rule_id=data["rule"],
            reason=data["reason"],
        )
        return Response(s.ReportOutputSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Dismiss every open report on this report's target"),
        request=s.ReasonInputSerializer,
        responses={200: s.DismissOutputSerializer},
    )
    def dismiss(self, request, community_slug, report_id):
        report = self.get_object()
        serializer = s.ReasonInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        count = reporting.report_dismiss(
            actor=request.user, community=request.community, report=report, **serializer.validated_data
        )
        return Response({"dismissed": count})

    @extend_schema(
        summary=_("Remove the reported content and act on its author"),
        request=s.ContentRemoveInputSerializer,
        responses={200: s.ModerationActionOutputSerializer, 204: None},
    )
    def remove_content(self, request, community_slug, report_id):
        report = self.get_object()
        serializer = s.ContentRemoveInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        action = services.content_remove(
            actor=request.user,
            community=request.community,
            report=report,
            reason=data["reason"],
            rule_id=data.get("rule"),
        )
        if action is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(s.ModerationActionOutputSerializer(action).data)


def _action_schema(summary, request):
    return extend_schema(summary=summary, request=request, responses=s.ModerationActionOutputSerializer)


class MemberModerationViewSet(MemberObjectMixin, CommunityViewSet):
    queryset = Membership.objects.none()
    serializer_class = s.ModerationActionOutputSerializer
    capability = dict.fromkeys(["record", "warn", "mute", "unmute", "ban", "unban"], "moderate")

    @extend_schema(
        summary=_("A member's moderation record and the warning ladder's proposed next step"),
        responses={200: s.MemberRecordOutputSerializer},
    )
    def record(self, request, community_slug, membership_id):
        record = moderation_record(
            community=request.community,
            membership=self.get_object(),
            policy=policy_for(community=request.community),
        )
        return Response(s.MemberRecordOutputSerializer(record).data)

    def _run(self, input_class, service):
        member = self.get_object()
        serializer = input_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "rule" in data:
            data["rule_id"] = data.pop("rule")
        if data.get("report") is not None:
            data["report"] = report_get(community=self.request.community, report_id=data["report"])
        else:
            data.pop("report", None)
        action = service(actor=self.request.user, community=self.request.community, membership=member, **data)
        return Response(s.ModerationActionOutputSerializer(action).data)

    @_action_schema(_("Warn a member"), s.ModerationInputSerializer)
    def warn(self, request, community_slug, membership_id):
        return self._run(s.ModerationInputSerializer, services.member_warn)

    @_action_schema(_("Mute a member for 1 to 365 days"), s.MuteInputSerializer)
    def mute(self, request, community_slug, membership_id):
        return self._run(s.MuteInputSerializer, services.member_mute)

    @_action_schema(_("Lift a member's mute"), s.ReasonInputSerializer)
    def unmute(self, request, community_slug, membership_id):
        return self._run(s.ReasonInputSerializer, services.member_unmute)

    @_action_schema(_("Ban a member, naming the broken rule"), s.BanInputSerializer)
    def ban(self, request, community_slug, membership_id):
        return self._run(s.BanInputSerializer, services.member_ban)

    @_action_schema(_("Lift a ban"), s.ReasonInputSerializer)
    def unban(self, request, community_slug, membership_id):
        return self._run(s.ReasonInputSerializer, services.member_unban)


@extend_schema_view(
    retrieve=extend_schema(summary=_("Moderation settings: hide threshold, warning ladder, penalty decay")),
    update=extend_schema(
        summary=_("Change the moderation settings"),
        request=s.ModerationSettingsSerializer,
        responses={200: s.ModerationSettingsSerializer},
    ),
)
class ModerationSettingsViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = MemberPolicy.objects.none()
    serializer_class = s.ModerationSettingsSerializer
    capability = {"retrieve": "moderate", "update": "manage_community"}

    def get_object(self):
        return policy_for(community=self.request.community)

    def update(self, request, community_slug):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        policy = services.moderation_settings_update(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(policy).data)

"""Reads of the audit log (the log is written only by members.services.audit.audit_record)."""

from django.db.models import Prefetch, QuerySet

from communities.models import Community
from members.models import AuditLogEntry, MemberProfile


def audit_list(*, community: Community) -> QuerySet[AuditLogEntry]:
    """The community's audit entries, newest first, with actor, subject and the subject's profile (the
    name they go by in the community, for the log's sentences)."""
    return (
        AuditLogEntry.objects.for_community(community)
        .select_related("actor", "subject__user")
        .prefetch_related(
            Prefetch("subject__profiles", queryset=MemberProfile.objects.filter(community=community))
        )
        .order_by("-created_at", "-id")
    )


def audit_actions(*, community: Community) -> list[str]:
    """The distinct actions logged in the community, for the filter's choices."""
    return list(
        AuditLogEntry.objects.for_community(community)
        .order_by("action")
        .values_list("action", flat=True)
        .distinct()
    )

"""Reads of the audit log (the log is written only by members.services.audit.audit_record)."""

from django.db.models import QuerySet

from communities.models import Community
from members.models import AuditLogEntry


def audit_list(*, community: Community) -> QuerySet[AuditLogEntry]:
    """The community's audit entries, newest first, with actor and subject."""
    return (
        AuditLogEntry.objects.for_community(community)
        .select_related("actor", "subject__user")
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

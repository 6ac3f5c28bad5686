"""The audit log is written here and nowhere else; entries are never updated or deleted."""

from communities.models import Community
from members.models import AuditLogEntry, Membership


def audit_record(
    *, community: Community, actor, action: str, subject: Membership | None = None, reason: str = "", **data
) -> AuditLogEntry:
    """Append one decision (vetting, role, moderation) to the community's audit log."""
    return AuditLogEntry.objects.create(
        community=community,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        subject_label=str(subject.user) if subject is not None else "",
        reason=reason,
        data=data,
    )

"""The Manage area's catalogue: every operator tool of the people side and the community settings,
grouped, each with the capability that opens it and, for three of them, the count of what waits.

The Manage page lists the tools a role holds; the community bar's "Manage" link carries the total of the
counts. Counts are read once per request (`counts_for`), however many places show them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from communities.permissions import has_capability
from members.selectors.manage import manage_counts


@dataclass(frozen=True)
class Tool:
    label: str
    url_name: str
    capability: str
    count: str = ""  # a key of members.selectors.manage.COUNTERS


@dataclass(frozen=True)
class Group:
    title: str
    tools: tuple[Tool, ...]


GROUPS = (
    Group(
        _("Members"),
        (
            Tool(_("Applications"), "members:applications", "vet_applications", count="applications"),
            Tool(_("Screening questions"), "members:application-questions", "vet_applications"),
            Tool(_("People and roles"), "members:people", "manage_roles"),
            Tool(_("Relationship log"), "members:relationships", "manage_relationships", count="touchpoints"),
            Tool(_("Onboarding progress"), "members:onboarding-progress", "manage_community"),
        ),
    ),
    Group(
        _("Safety"),
        (
            Tool(_("Moderation queue"), "members:moderation", "moderate", count="reports"),
            Tool(_("Audit log"), "members:audit", "view_audit_log"),
            Tool(_("Moderation settings"), "members:moderation-settings", "manage_community"),
        ),
    ),
    Group(
        _("Content"),
        (
            Tool(_("Posts to review"), "content:post-review-queue", "manage_content", count="posts"),
            Tool(_("Post settings and tags"), "content:post-settings", "manage_content"),
            Tool(_("Series"), "content:series-list", "manage_content"),
        ),
    ),
    Group(
        _("Growth"),
        (
            Tool(_("Invitations"), "members:invitations", "manage_invitations"),
            Tool(_("Join links"), "members:join-links", "manage_invitations"),
            Tool(_("Growth"), "members:growth", "view_analytics"),
        ),
    ),
    Group(
        _("Settings"),
        (
            Tool(_("Profile"), "communities:settings-profile", "manage_community"),
            Tool(_("Branding"), "communities:settings-branding", "manage_community"),
            Tool(_("Rules"), "communities:settings-rules", "manage_rules"),
            Tool(_("Member policy"), "members:policy", "manage_community"),
            Tool(_("Onboarding"), "members:onboarding-settings", "manage_community"),
            Tool(_("Danger zone"), "communities:settings-danger", "archive_community"),
        ),
    ),
)

# How a count reads next to its tool ("3 pending"), formatted with {"count": n}.
COUNT_LABELS = {
    "applications": _("%(count)s pending"),
    "reports": _("%(count)s open"),
    "touchpoints": _("%(count)s overdue"),
    "posts": _("%(count)s waiting"),
}


def counts_for(request, community, membership) -> dict[str, int]:
    """`manage_counts`, read once per request (the bar and the page body share them)."""
    cached = getattr(request, "_manage_counts", None)
    if cached is None or cached[0] != community.pk:
        cached = (community.pk, manage_counts(community=community, membership=membership))
        request._manage_counts = cached
    return cached[1]


def groups_for(membership) -> list[tuple[Group, list[Tool]]]:
    """The groups with the tools `membership` holds (groups left empty are dropped)."""
    groups = []
    for group in GROUPS:
        tools = [tool for tool in group.tools if has_capability(membership, tool.capability)]
        if tools:
            groups.append((group, tools))
    return groups

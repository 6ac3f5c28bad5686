"""The CSV exports of the people side, one builder each, shared by the HTML page and the API.

Headers are lazy translations (the requester's language); times are in the community's time zone;
details are JSON. `communities.csvexport.csv_response` writes them.
"""

from html import unescape

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from communities.csvexport import CsvExport, csv_json, csv_time
from communities.models import Community
from communities.roles import Role
from members.audit_text import sentence
from members.models import AuditLogEntry, Membership
from members.models.policy import skill_level_label
from members.selectors.profiles import directory_row

CHUNK = 500


def _stamp() -> str:
    return timezone.now().strftime("%Y%m%d")


def directory_export(*, community: Community, viewer: Membership, members: QuerySet[Membership]) -> CsvExport:
    """The member directory (`members`: the directory's rows, filtered and sorted as the caller asked)
    as the viewer, an operator, sees it."""
    zone = community.timezone

    def rows():
        for membership in members.iterator(chunk_size=CHUNK):
            row = directory_row(membership, viewer=viewer)
            profile = row["profile"]
            yield [
                membership.user.username,
                row["name"],
                Role(membership.role).label,
                csv_time(membership.joined_at, zone),
                csv_time(row["last_active"], zone),
                skill_level_label(profile.skill_level) if profile and profile.skill_level else "",
                "; ".join(row["skills"]),
                "; ".join(row.get("tags", [])),
                membership.user.email,
            ]

    return CsvExport(
        filename=f"{community.slug}-members-{_stamp()}.csv",
        header=[
            _("Username"),
            _("Name"),
            _("Role"),
            _("Joined"),
            _("Last active"),
            _("Skill level"),
            _("Skills"),
            _("Tags"),
            _("Email"),
        ],
        rows=rows(),
    )


def _plain(html: str) -> str:
    return unescape(strip_tags(html))


def audit_export(*, community: Community, entries: QuerySet[AuditLogEntry]) -> CsvExport:
    """The (filtered) audit log, newest first; the details column is JSON, the last one the entry as the
    log page says it (a sentence in the requester's language, as plain text)."""
    zone = community.timezone
    rows = (
        [
            csv_time(entry.created_at, zone),
            entry.action,
            entry.actor.get_username() if entry.actor else "",
            entry.subject_label,
            entry.reason,
            csv_json(entry.data),
            _plain(sentence(entry)),
        ]
        for entry in entries.iterator(chunk_size=CHUNK)
    )
    return CsvExport(
        filename=f"audit-{community.slug}-{_stamp()}.csv",
        header=[_("When"), _("Action"), _("By"), _("Member"), _("Reason"), _("Details"), _("What happened")],
        rows=rows,
    )

"""The audit log in sentences: "Olivia banned 刘洋 for breaking “No spam”.", in the reader's language.

An entry stores what happened (its action, actor, subject and data), never a sentence. The sentence is
built when the log is read, with the reader's language active, from one template per action; names are
escaped and set in bold. An action without a template (one added later) reads as its dotted name.
"""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from communities.roles import Role
from members.models import AuditLogEntry
from members.selectors.profiles import community_name

# action -> (sentence, sentence when the entry names a broken rule)
SENTENCES = {
    "application.approved": _("%(actor)s approved the application of %(subject)s."),
    "application.rejected": _("%(actor)s rejected the application of %(subject)s."),
    "member.warned": (
        _("%(actor)s warned %(subject)s."),
        _("%(actor)s warned %(subject)s for breaking “%(rule)s”."),
    ),
    "member.muted": (
        _("%(actor)s muted %(subject)s."),
        _("%(actor)s muted %(subject)s for breaking “%(rule)s”."),
    ),
    "member.banned": (
        _("%(actor)s banned %(subject)s."),
        _("%(actor)s banned %(subject)s for breaking “%(rule)s”."),
    ),
    "member.unmuted": _("%(actor)s lifted the mute of %(subject)s."),
    "member.unbanned": _("%(actor)s lifted the ban of %(subject)s."),
    "member.content_removed": (
        _("%(actor)s removed content by %(subject)s."),
        _("%(actor)s removed content by %(subject)s for breaking “%(rule)s”."),
    ),
    "content.removed": _("%(actor)s removed reported content."),
    "reports.dismissed": _("%(actor)s dismissed the reports about %(subject)s."),
    "moderation.settings_changed": _("%(actor)s changed the moderation settings."),
    "member.role_changed": _("%(actor)s changed the role of %(subject)s from %(previous)s to %(role)s."),
    "member.role_granted": _("%(subject)s joined as %(role)s through an invitation from %(actor)s."),
    "member.guest_expert": _("%(actor)s brought in %(subject)s as a guest expert."),
    "ownership.transferred": _("%(actor)s handed the ownership of the community to %(subject)s."),
    "member.removed": _("%(actor)s removed %(subject)s from the community."),
    "invitation.created": _("%(actor)s created an invitation for the role %(role)s."),
    "invitation.revoked": _("%(actor)s revoked an invitation."),
    "trust.promoted": _("%(subject)s reached trust level %(level)s."),
    "trust.demoted": _("%(subject)s went back to trust level %(level)s."),
}


def _role(value) -> str:
    return str(Role(value).label) if value in Role.values else str(value or "")


def _name(value: str) -> SafeString:
    return format_html("<strong>{}</strong>", value)


def actor_name(entry: AuditLogEntry) -> str:
    if entry.actor is not None:
        return entry.actor.name
    # No actor: the platform's own jobs (trust levels), or an account deleted since.
    return str(_("Guildhall") if entry.action.startswith("trust.") else _("a deleted account"))


def subject_name(entry: AuditLogEntry) -> str:
    """The member's name in the community while they are still in it, else the name stored with the
    entry (kept when the member or their account is deleted)."""
    if entry.subject is not None:
        return community_name(entry.subject)
    return entry.subject_label or str(_("a deleted member"))


def sentence(entry: AuditLogEntry) -> SafeString:
    """The entry as one sentence in the active language (HTML: names escaped and in bold)."""
    template = SENTENCES.get(entry.action)
    if template is None:
        return format_html("{}: <code>{}</code>", _name(actor_name(entry)), entry.action)
    data = entry.data if isinstance(entry.data, dict) else {}
    if isinstance(template, tuple):
        template = template[1] if data.get("rule") else template[0]
    params = {
        "actor": _name(actor_name(entry)),
        "subject": _name(subject_name(entry)),
        "rule": conditional_escape(data.get("rule", "")),
        "role": _name(_role(data.get("role"))),
        "previous": _name(_role(data.get("previous"))),
        "level": conditional_escape(data.get("level", "")),
    }
    return mark_safe(str(template) % params)  # noqa: S308 - the template is ours; every value is escaped

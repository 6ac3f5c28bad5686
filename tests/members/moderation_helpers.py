"""Shared builders for the moderation tests: rules, reports, and a stand-in reportable content kind."""

from communities import services as community_services
from members.services.reporting import report_create
from tests import factories


def rules_of(community, owner):
    return [
        community_services.rule_create(actor=owner, community=community, category="conduct", title=title)
        for title in ("Be kind", "No spam")
    ]


def report_member(*, reporter, subject, rule, reason="rude"):
    return report_create(
        actor=reporter,
        community=subject.community,
        target_type="members.membership",
        target_id=subject.pk,
        rule_id=rule.pk,
        reason=reason,
    )


def member(community, role="member", **kwargs):
    return factories.member(community=community, role=role, **kwargs)

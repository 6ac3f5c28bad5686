"""Demo moderation: a member reported by two others in Python Beginners, warned, muted and finally banned
by the moderator (each step in the audit log), and an open report waiting in Street Photography's queue.

Idempotent: the story runs only while its subject is not yet banned, the open report only when absent.
"""

from accounts.models import User
from communities.models import Community, Rule
from communities.roles import MembershipStatus
from communities.selectors import rules_version_current
from members.models import Membership, Report
from members.services import membership_join
from members.services.moderation import member_ban, member_mute, member_warn
from members.services.reporting import report_create

# Python Beginners: wang.lei joins, breaks the "no advertising" rule, climbs the whole warning ladder.
STORY_COMMUNITY = "python-beginners"
STORY_SUBJECT = "wang.lei"
STORY_REPORTERS = ("member", "grace")
STORY_RULE = "No recruiting or advertising"
# Street Photography: an open report for the moderators' queue.
OPEN_COMMUNITY = "street-photography"
OPEN_REPORT = ("member", "liu.yang", "点评对事不对人", "在点评帖里对作者进行人身攻击,而不是点评作品。")


def _membership(community, username) -> Membership | None:
    return (
        Membership.objects.filter(community=community, user__username=username).select_related("user").first()
    )


def seed_moderation() -> int:
    """Play the demo moderation story and leave one open report; the number of new reports."""
    made = 0
    story = Community.objects.filter(slug=STORY_COMMUNITY).first()
    if story is not None:
        made += _story(story)
    street = Community.objects.filter(slug=OPEN_COMMUNITY).first()
    if street is not None:
        made += _open_report(street)
    return made


def _story(community) -> int:
    subject = _membership(community, STORY_SUBJECT)
    if subject is not None and subject.status == MembershipStatus.BANNED:
        return 0
    if subject is None or subject.status != MembershipStatus.ACTIVE:
        version = rules_version_current(community=community)
        subject = membership_join(
            actor=User.objects.get(username=STORY_SUBJECT),
            community=community,
            accepted_rules_version=version.number if version else None,
        )
    rule = Rule.objects.for_community(community).get(title=STORY_RULE)
    moderator = _membership(community, "moderator").user
    reports = [
        report_create(
            actor=_membership(community, username).user,
            community=community,
            target_type="members.membership",
            target_id=subject.pk,
            rule_id=rule.pk,
            reason=reason,
        )
        for username, reason in zip(
            STORY_REPORTERS,
            (
                "Posts a paid bootcamp link under every exercise.",
                "Sent me a private message selling a course.",
            ),
            strict=True,
        )
    ]
    member_warn(
        actor=moderator,
        community=community,
        membership=subject,
        rule_id=rule.pk,
        reason="Please keep course adverts out of the exercise threads.",
        report=reports[0],
    )
    member_mute(
        actor=moderator,
        community=community,
        membership=subject,
        days=1,
        rule_id=rule.pk,
        reason="Advertised again right after the warning.",
    )
    member_ban(
        actor=moderator,
        community=community,
        membership=subject,
        rule_id=rule.pk,
        reason="Third advert in two days, after a warning and a mute.",
    )
    return len(reports)


def _open_report(community) -> int:
    reporter_name, subject_name, rule_title, reason = OPEN_REPORT
    reporter, subject = _membership(community, reporter_name), _membership(community, subject_name)
    if reporter is None or subject is None or subject.status != MembershipStatus.ACTIVE:
        return 0
    if Report.objects.filter(community=community, reporter=reporter.user, subject=subject).exists():
        return 0
    rule = Rule.objects.for_community(community).get(title=rule_title)
    report_create(
        actor=reporter.user,
        community=community,
        target_type="members.membership",
        target_id=subject.pk,
        rule_id=rule.pk,
        reason=reason,
    )
    return 1

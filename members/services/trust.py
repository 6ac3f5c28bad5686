"""The trust ladder: levels 0-3 earned from the activity log, and the per-post limits of new members."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext
from markdown_it import MarkdownIt

from analytics.services import activity_counts
from communities.models import Community
from communities.notifications import notify
from communities.permissions import has_trusted_capability
from communities.roles import MembershipStatus
from members import errors
from members.models import Membership, ModerationAction
from members.selectors.policy import policy_for
from members.services.audit import audit_record
from members.versioning import members_changed

TRUST_LEVELS = (0, 1, 2, 3)
# Threshold name -> activity verbs counted in the look-back window ("days_visited" comes with the counts).
# Starting a topic is a post, answering a question a reply; "answer.accepted" is recorded as the answer
# author's activity.
THRESHOLD_VERBS = {
    "posts": ("post.published", "topic.created"),
    "replies": ("reply.created", "answer.posted"),
    "accepted_answers": ("answer.accepted",),
    "events_attended": ("event.attended",),
}
THRESHOLD_KEYS = ("days_visited", *THRESHOLD_VERBS, "max_flags")
# Moderation actions that count as a flag upheld against the member (lifting a penalty does not).
FLAG_KINDS = (
    ModerationAction.Kind.WARN,
    ModerationAction.Kind.MUTE,
    ModerationAction.Kind.REMOVE_CONTENT,
    ModerationAction.Kind.BAN,
)

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])


def earned_level(counts: dict[str, int], flags: int, thresholds: dict) -> int:
    """The highest level whose thresholds, and those of every level below it, the counts meet."""
    level = 0
    for candidate in TRUST_LEVELS[1:]:
        needed = thresholds.get(str(candidate))
        if needed is None:
            break
        meets = flags <= needed.get("max_flags", 0) and all(
            counts.get(key, 0) >= needed.get(key, 0) for key in ("days_visited", *THRESHOLD_VERBS)
        )
        if not meets:
            break
        level = candidate
    return level


def _window_counts(community: Community, since) -> tuple[dict[int, dict[str, int]], dict[int, int]]:
    """({user_id: {threshold: n}}, {membership_id: flags}) over the window: three aggregate queries."""
    raw = activity_counts(
        community=community, since=since, verbs=[verb for verbs in THRESHOLD_VERBS.values() for verb in verbs]
    )
    counts = {
        user_id: {
            "days_visited": verbs.get("days_visited", 0),
            **{key: sum(verbs.get(verb, 0) for verb in names) for key, names in THRESHOLD_VERBS.items()},
        }
        for user_id, verbs in raw.items()
    }
    flags = dict(
        ModerationAction.objects.for_community(community)
        .filter(created_at__gte=since, kind__in=FLAG_KINDS)
        .values_list("subject_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("subject_id", "n")
    )
    return counts, flags


@transaction.atomic
def trust_levels_evaluate(*, community: Community) -> dict[str, int]:
    """Promote members at once, demote them only after the policy's grace period; safe to rerun.

    A member who falls below their level gets `demotion_due_at` (now + grace) and keeps the level until
    then; recovering before it clears the date. The active memberships are locked for the run, so two
    overlapping runs cannot both apply the same change.
    """
    policy = policy_for(community=community)
    now = timezone.now()
    counts, flags = _window_counts(community, now - timedelta(days=policy.trust_lookback_days))
    members = list(
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE)
        .select_related("user")
        .select_for_update(of=("self",))
    )
    changed, summary = [], {"promoted": 0, "demoted": 0, "demotion_scheduled": 0, "recovered": 0}
    for member in members:
        level = earned_level(counts.get(member.user_id, {}), flags.get(member.pk, 0), policy.trust_thresholds)
        if level > member.trust_level:
            _apply(community, member, level, now, action="trust.promoted")
            summary["promoted"] += 1
        elif level == member.trust_level:
            if member.demotion_due_at is None:
                continue
            member.demotion_due_at = None
            summary["recovered"] += 1
        elif member.demotion_due_at is None and policy.trust_demotion_grace_days > 0:
            member.demotion_due_at = now + timedelta(days=policy.trust_demotion_grace_days)
            summary["demotion_scheduled"] += 1
        elif member.demotion_due_at is None or member.demotion_due_at <= now:
            _apply(community, member, level, now, action="trust.demoted")
            summary["demoted"] += 1
        else:
            continue
        changed.append(member)
    Membership.objects.bulk_update(changed, ["trust_level", "trust_level_since", "demotion_due_at"])
    if changed:
        members_changed(community_ids=[community.pk])
    return summary


def _apply(community: Community, member: Membership, level: int, now, *, action: str) -> None:
    previous = member.trust_level
    member.trust_level, member.trust_level_since, member.demotion_due_at = level, now, None
    audit_record(
        community=community, actor=None, action=action, subject=member, old_level=previous, level=level
    )
    if action == "trust.promoted":
        notify(
            community=community,
            recipient=member.user,
            kind="trust.promoted",
            params={"level": level},
        )


def post_limits(membership: Membership) -> dict[str, int | None]:
    """{"links": n, "images": n} a member may put in one post at their trust level; None is unlimited."""
    if has_trusted_capability(membership, "post_unlimited"):
        return {"links": None, "images": None}
    policy = policy_for(community=membership.community)
    limits = policy.new_member_limits.get(str(membership.trust_level)) or {}
    return {"links": limits.get("links"), "images": limits.get("images")}


def count_links_and_images(text: str) -> dict[str, int]:
    """Links and images in Markdown `text`, from markdown-it's token stream (code spans do not count)."""
    found = {"links": 0, "images": 0}
    for block in _parser.parse(text or ""):
        for token in block.children or ():
            if token.type == "link_open":
                found["links"] += 1
            elif token.type == "image":
                found["images"] += 1
    return found


def ensure_within_post_limits(membership: Membership, text: str, *, field: str = "body") -> None:
    """Raise PostLimitExceeded when `text` has more links or images than the member's level allows."""
    limits = post_limits(membership)
    found = count_links_and_images(text)
    over = {kind: limit for kind, limit in limits.items() if limit is not None and found[kind] > limit}
    if over:
        messages = {
            "links": gettext("At your trust level a post may hold at most %(n)s link(s)."),
            "images": gettext("At your trust level a post may hold at most %(n)s image(s)."),
        }
        raise errors.PostLimitExceeded(
            fields={field: [messages[kind] % {"n": limit} for kind, limit in over.items()]}
        )

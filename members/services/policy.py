"""Writes on the member policy (vetting cool-down, welcome, skill scale, trust ladder, post limits).

The HTML form and the API both send whole values to `member_policy_update`, which validates every
field (JSON shapes strictly) and raises one ValidationError naming each bad field.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from members.models import MemberPolicy
from members.models.policy import POLICY_RANGES
from members.services.trust import THRESHOLD_KEYS, TRUST_LEVELS

LIMITED_LEVELS = ("0", "1", "2")  # level 3 holds "post_unlimited" in the capability table
LIMIT_KINDS = ("links", "images")
MAX_COUNT = 100_000
RANGES = {
    name: POLICY_RANGES[name]
    for name in ("reapply_cooldown_days", "trust_lookback_days", "trust_demotion_grace_days")
}
TEXT_LIMITS = {"welcome_message": 4000, "newcomer_guide": 20000}
EDITABLE = (*RANGES, *TEXT_LIMITS, "skill_levels", "trust_thresholds", "new_member_limits")


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def clean_skill_levels(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Give a list of level names."), code="invalid")
    levels = [item.strip() for item in value]
    if any(not level or len(level) > 40 for level in levels):
        raise ValidationError(_("Each level name needs 1 to 40 characters."), code="invalid")
    if not 2 <= len(levels) <= 10:
        raise ValidationError(_("Give between 2 and 10 levels."), code="invalid")
    if len({level.casefold() for level in levels}) != len(levels):
        raise ValidationError(_("Level names must be unique."), code="duplicate")
    return levels


def clean_trust_thresholds(value) -> dict:
    expected = {str(level) for level in TRUST_LEVELS[1:]}
    if not isinstance(value, dict) or set(value) != expected:
        raise ValidationError(_("Give the thresholds of levels 1, 2 and 3."), code="invalid")
    cleaned = {}
    for level in sorted(expected):
        counts = value[level]
        if not isinstance(counts, dict) or set(counts) != set(THRESHOLD_KEYS):
            raise ValidationError(
                _("Level %(level)s needs exactly: %(keys)s."),
                code="invalid",
                params={"level": level, "keys": ", ".join(THRESHOLD_KEYS)},
            )
        if not all(_is_count(n) for n in counts.values()):
            raise ValidationError(
                _("Level %(level)s: every threshold is a whole number from 0."),
                code="invalid",
                params={"level": level},
            )
        cleaned[level] = {key: counts[key] for key in THRESHOLD_KEYS}
    for lower, higher in (("1", "2"), ("2", "3")):
        if any(cleaned[higher][k] < cleaned[lower][k] for k in THRESHOLD_KEYS if k != "max_flags") or (
            cleaned[higher]["max_flags"] > cleaned[lower]["max_flags"]
        ):
            raise ValidationError(
                _("Level %(level)s cannot ask for less than the level below it."),
                code="not_increasing",
                params={"level": higher},
            )
    return cleaned


def clean_new_member_limits(value) -> dict:
    if not isinstance(value, dict) or not set(value) <= set(LIMITED_LEVELS):
        raise ValidationError(_("Give limits for levels 0, 1 and 2 only."), code="invalid")
    cleaned = {}
    for level in sorted(value):
        limits = value[level]
        if not isinstance(limits, dict) or set(limits) != set(LIMIT_KINDS):
            raise ValidationError(
                _("Level %(level)s needs exactly: links, images."), code="invalid", params={"level": level}
            )
        if not all(n is None or _is_count(n) for n in limits.values()):
            raise ValidationError(
                _("Level %(level)s: a limit is a whole number from 0, or empty for no limit."),
                code="invalid",
                params={"level": level},
            )
        cleaned[level] = {kind: limits[kind] for kind in LIMIT_KINDS}
    return cleaned


CLEANERS = {
    "skill_levels": clean_skill_levels,
    "trust_thresholds": clean_trust_thresholds,
    "new_member_limits": clean_new_member_limits,
}


def _clean(changes: dict) -> dict:
    cleaned, problems = {}, {}
    for name, value in changes.items():
        try:
            if name in CLEANERS:
                cleaned[name] = CLEANERS[name](value)
            elif name in RANGES:
                low, high = RANGES[name]
                if not (_is_count(value) and low <= value <= high):
                    raise ValidationError(
                        _("Give a whole number from %(low)s to %(high)s."),
                        code="out_of_range",
                        params={"low": low, "high": high},
                    )
                cleaned[name] = value
            elif name in TEXT_LIMITS:
                if not isinstance(value, str) or len(value) > TEXT_LIMITS[name]:
                    raise ValidationError(
                        _("Give a text of at most %(n)s characters."),
                        code="too_long",
                        params={"n": TEXT_LIMITS[name]},
                    )
                cleaned[name] = value.strip()
            else:
                raise ValidationError(_("This field cannot be set here."), code="unknown_field")
        except ValidationError as exc:
            problems[name] = exc.error_list
    if problems:
        raise ValidationError(problems)
    return cleaned


def policy_lock(*, community: Community) -> MemberPolicy:
    """The community's policy row, created with the defaults when missing, locked for an update.

    The one place the row is created: reads (`policy_for`) show unsaved defaults instead.
    """
    MemberPolicy.objects.get_or_create(community=community)
    return MemberPolicy.objects.select_for_update().get(community=community)


@transaction.atomic
def member_policy_update(*, actor, community: Community, **changes) -> MemberPolicy:
    """Validate and save the given policy fields (any subset of EDITABLE); nothing is saved on an error."""
    ensure_can(actor, "manage_community", community)
    cleaned = _clean(changes)
    policy = policy_lock(community=community)
    for name, value in cleaned.items():
        setattr(policy, name, value)
    policy.save(update_fields=[*cleaned, "updated_at"])
    record(community=community, actor=actor, verb="member_policy.updated", data={"fields": sorted(cleaned)})
    return policy

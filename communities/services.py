"""Writes on communities and their rules. Every function checks the capability table itself."""

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities import errors, validators
from communities.models import Community, Rule, RulesVersion
from communities.permissions import ensure_can
from communities.roles import MembershipStatus, Role

# Fields an owner or admin may change through the profile and branding settings.
EDITABLE_FIELDS = frozenset(
    {
        "name",
        "skill_domain",
        "tagline",
        "positioning",
        "target_audience",
        "description",
        "culture",
        "visibility",
        "join_policy",
        "language",
        "timezone",
        "logo",
        "cover_image",
        "accent_color",
    }
)


def _validated(instance):
    """Run model validation so the API, the forms and the admin refuse the same bad values."""
    instance.full_clean()
    return instance


@transaction.atomic
def community_create(*, actor, slug: str, name: str, skill_domain: str, **fields) -> Community:
    """Create a community with `actor` as its active owner."""
    if settings.COMMUNITY_CREATION_STAFF_ONLY and not actor.is_staff:
        raise errors.CommunityCreationRestricted()
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise errors.DomainError(fields={name: [_("Unknown field.")] for name in unknown})
    community = _validated(
        # Born with one active member, its owner (the membership below): member_count starts at 1.
        Community(slug=slug, name=name, skill_domain=skill_domain, created_by=actor, member_count=1, **fields)
    )
    try:
        with transaction.atomic():
            community.save()
    except IntegrityError as exc:  # a concurrent create took the slug after validation passed
        raise errors.SlugTaken(fields={"slug": [str(errors.SlugTaken.message)]}) from exc
    community.memberships.create(
        user=actor,
        role=Role.OWNER,
        status=MembershipStatus.ACTIVE,
        joined_at=timezone.now(),
        source="created",
        sort_name=actor.name.casefold(),  # the directory's key: a new member has no profile yet
    )
    record(community=community, actor=actor, verb="community.created", target=community)
    return community


@transaction.atomic
def community_update(*, actor, community: Community, **fields) -> Community:
    """Change profile and branding fields; the slug, status and counters are not editable here."""
    ensure_can(actor, "manage_community", community)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise errors.DomainError(fields={name: [_("This field cannot be changed.")] for name in unknown})
    community = Community.objects.select_for_update().get(pk=community.pk)
    for name, value in fields.items():
        setattr(community, name, value)
    _validated(community).save()
    record(community=community, actor=actor, verb="community.updated", data={"fields": sorted(fields)})
    return community


@transaction.atomic
def community_slug_change(*, actor, community: Community, slug: str) -> Community:
    """Give the community a new address (/c/<slug>/): the same format, reserved-word and uniqueness rules
    as at creation; the old address stops working. Recorded with the previous slug."""
    ensure_can(actor, "manage_community", community)
    community = Community.objects.select_for_update().get(pk=community.pk)
    previous = community.slug
    if slug == previous:
        return community
    community.slug = slug
    _validated(community)
    try:
        with transaction.atomic():
            community.save(update_fields=["slug", "updated_at"])
    except IntegrityError as exc:  # a concurrent change took the slug after validation passed
        raise errors.SlugTaken(fields={"slug": [str(errors.SlugTaken.message)]}) from exc
    record(
        community=community,
        actor=actor,
        verb="community.slug_changed",
        data={"previous": previous, "slug": slug},
    )
    return community


@transaction.atomic
def community_archive(*, actor, community: Community) -> Community:
    """Make the community read-only and hide it from the directory."""
    ensure_can(actor, "archive_community", community)
    if community.is_archived:
        raise errors.CommunityArchived()
    community.status = Community.Status.ARCHIVED
    community.archived_at = timezone.now()
    community.save(update_fields=["status", "archived_at", "updated_at"])
    record(community=community, actor=actor, verb="community.archived")
    return community


@transaction.atomic
def community_unarchive(*, actor, community: Community) -> Community:
    ensure_can(actor, "archive_community", community)
    community.status = Community.Status.ACTIVE
    community.archived_at = None
    community.save(update_fields=["status", "archived_at", "updated_at"])
    record(community=community, actor=actor, verb="community.unarchived")
    return community


@transaction.atomic
def community_delete(*, actor, community: Community, confirm_slug: str) -> None:
    """Delete the community and everything it owns, once the owner has typed its slug."""
    ensure_can(actor, "delete_community", community)
    if confirm_slug != community.slug:
        raise errors.ConfirmationMismatch(fields={"confirm_slug": [errors.ConfirmationMismatch.message]})
    _name_community_being_deleted(community)
    community.delete()


def _name_community_being_deleted(community: Community) -> None:
    """Name, for this transaction only, the community being deleted: the PostgreSQL triggers that keep
    append-only tables append-only (the audit log's, decision 0010) let that community's rows go with it.

    On Citus the triggers run on the workers, so the setting must travel with the transaction's commands:
    `citus.propagate_set_commands = 'local'` sends every later SET LOCAL to them (on plain PostgreSQL it
    is an unused placeholder setting)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL citus.propagate_set_commands TO 'local'")
            cursor.execute("SET LOCAL guildhall.deleting_community TO %s", [str(community.pk)])


# --- Rules ------------------------------------------------------------------------------------------------


def _publish_rules(*, actor, community: Community) -> RulesVersion:
    """Snapshot the current rules as the next version; members joining from now accept this one."""
    latest = RulesVersion.objects.for_community(community).aggregate(n=Max("number"))["n"] or 0
    snapshot = [
        {"category": rule.category, "title": rule.title, "body": rule.body}
        for rule in Rule.objects.for_community(community).order_by("position", "id")
    ]
    version = RulesVersion.objects.create(
        community=community, number=latest + 1, rules=snapshot, published_by=actor
    )
    community.rules_version = version.number
    community.save(update_fields=["rules_version"])
    # Whoever publishes a version has accepted it; every other member is asked on their next visit.
    # (Through the relations: communities does not import members.)
    publisher = community.memberships.filter(user=actor, status=MembershipStatus.ACTIVE).first()
    if publisher is not None:
        version.acceptances.create(community=community, membership=publisher)
        publisher.rules_accepted = version.number
        publisher.save(update_fields=["rules_accepted", "updated_at"])
    record(community=community, actor=actor, verb="rules.published", target=version)
    return version


def _lock_community(community: Community) -> Community:
    """Serialise rule edits of one community so version numbers never collide."""
    return Community.objects.select_for_update().get(pk=community.pk)


@transaction.atomic
def rule_create(
    *, actor, community: Community, category: str, title: str, body: str = "", position=None
) -> Rule:
    ensure_can(actor, "manage_rules", community)
    community = _lock_community(community)
    if position is None:
        last = Rule.objects.for_community(community).aggregate(p=Max("position"))["p"] or 0
        position = min(last + 1, validators.MAX_POSITION)
    rule = _validated(Rule(community=community, category=category, title=title, body=body, position=position))
    rule.save()
    _publish_rules(actor=actor, community=community)
    return rule


@transaction.atomic
def rule_update(*, actor, rule: Rule, **fields) -> Rule:
    ensure_can(actor, "manage_rules", rule.community)
    _lock_community(rule.community)
    for name in set(fields) - {"category", "title", "body", "position"}:
        raise errors.DomainError(fields={name: [_("This field cannot be changed.")]})
    for name, value in fields.items():
        setattr(rule, name, value)
    _validated(rule).save()
    _publish_rules(actor=actor, community=rule.community)
    return rule


@transaction.atomic
def rule_delete(*, actor, rule: Rule) -> None:
    ensure_can(actor, "manage_rules", rule.community)
    _lock_community(rule.community)
    community = rule.community
    rule.delete()
    _publish_rules(actor=actor, community=community)


@transaction.atomic
def rules_reorder(*, actor, community: Community, rule_ids: list[int]) -> list[Rule]:
    """Put the community's rules in the order of `rule_ids`, which must name each of them once."""
    ensure_can(actor, "manage_rules", community)
    community = _lock_community(community)
    rules = {rule.pk: rule for rule in Rule.objects.for_community(community)}
    if sorted(rule_ids) != sorted(rules):
        raise errors.DomainError(
            fields={"rule_ids": [_("List every rule of this community exactly once.")]}, code="invalid_order"
        )
    for position, rule_id in enumerate(rule_ids, start=1):
        rules[rule_id].position = position
    Rule.objects.bulk_update(rules.values(), ["position"])
    _publish_rules(actor=actor, community=community)
    return [rules[rule_id] for rule_id in rule_ids]

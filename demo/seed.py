"""Build the demo world through the services; `seed_scale` adds benchmark communities in bulk.

Both are idempotent: accounts are keyed by username, communities by slug, and a community that already
exists is left as it is, so a second run neither fails nor duplicates anything.
"""

import random
from datetime import timedelta
from functools import cache

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import User
from analytics.models import ActivityEvent
from analytics.services import record
from analytics.tasks import refresh_community_activity
from communities.models import Community, SkillDomain
from communities.roles import MembershipStatus, Role
from communities.selectors import rules_version_current
from communities.services import community_create, rule_create
from demo import data
from demo.applications import seed_applications
from demo.content_conversations import seed_conversations
from demo.content_critiques import seed_critiques
from demo.content_discussions import seed_discussions
from demo.content_polls import seed_polls
from demo.content_posts import seed_posts
from demo.content_questions import seed_guest_experts, seed_questions, seed_sessions
from demo.events import seed_events
from demo.events_attendance import seed_events_attendance
from demo.events_competitions import seed_competitions
from demo.learning_paths import seed_learning_paths
from demo.learning_resources import seed_learning_resources
from demo.moderation import seed_moderation
from demo.profiles import seed_profiles
from demo.recruitment import seed_recruitment
from demo.trust import seed_trust
from members.models import Membership
from members.services import membership_join, membership_leave, rules_accept
from members.services.transitions import member_counts_reconcile

BENCH_OWNER = "bench-owner"
BENCH_MEMBERS_PER_SCALE = 20
BENCH_EVENTS_PER_MEMBER = 2


@cache
def _password_hash() -> str:
    """DEMO_PASSWORD hashed once per process: hashing it for every account would dominate the run."""
    return make_password(data.DEMO_PASSWORD)


def ensure_account(
    username: str, *, display_name: str = "", language: str = "", tz: str = "UTC", superuser: bool = False
) -> User:
    """The account `username` with password DEMO_PASSWORD and a verified primary email."""
    user, _ = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@demo.guildhall.local",
            "display_name": display_name,
            "language": language,
            "timezone": tz,
            "is_staff": superuser,
            "is_superuser": superuser,
            "password": _password_hash(),
        },
    )
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def _create_community(spec: dict, users: dict[str, User], rng: random.Random) -> Community:
    now = timezone.now()
    owner = users[spec["owner"]]
    # The demo owners are not staff; seeding must work on sites that restrict community creation too.
    with override_settings(COMMUNITY_CREATION_STAFF_ONLY=False):
        community = community_create(actor=owner, **spec["fields"])
    founded = now - timedelta(days=data.ACTIVITY_DAYS)
    Community.objects.filter(pk=community.pk).update(created_at=founded)
    Membership.objects.filter(community=community, user=owner).update(joined_at=founded)
    for category, title, body in spec["rules"]:
        rule_create(actor=owner, community=community, category=category, title=title, body=body)
    version = rules_version_current(community=community)
    rules_accept(membership=Membership.objects.get(community=community, user=owner), version=version)
    for username, role, status in spec["memberships"]:
        joined_at = now - timedelta(days=rng.randint(2, data.ACTIVITY_DAYS - 1), minutes=rng.randint(0, 1440))
        _add_membership(community, users[username], role, status, version, joined_at)
    _record_activity(community, rng)
    return community


def _add_membership(community, user, role, status, version, joined_at) -> Membership | None:
    """Open communities are joined (and left) through the member services; other memberships, which
    come from vetting, invitations or moderation in a live community, are written directly."""
    if community.join_policy == Community.JoinPolicy.OPEN and status in (
        MembershipStatus.ACTIVE,
        MembershipStatus.LEFT,
    ):
        membership = membership_join(actor=user, community=community, accepted_rules_version=version.number)
        if status == MembershipStatus.LEFT:
            membership = membership_leave(actor=user, community=community)
        Membership.objects.filter(pk=membership.pk).update(role=role, joined_at=joined_at)
        # The service recorded the join as happening now; move it to the demo's join date.
        ActivityEvent.objects.filter(
            community=community, actor=user, verb="community.joined", target_id=str(membership.pk)
        ).update(occurred_at=joined_at)
        return membership
    if status == MembershipStatus.PENDING:
        return None  # applicants apply through the service once the questions exist (demo.applications)
    active_once = status in (MembershipStatus.ACTIVE, MembershipStatus.LEFT, MembershipStatus.BANNED)
    membership = Membership.objects.create(
        community=community,
        user=user,
        sort_name=user.name.casefold(),
        role=role,
        status=status,
        joined_at=joined_at if active_once else None,
        left_at=timezone.now() if status == MembershipStatus.LEFT else None,
    )
    if active_once:
        rules_accept(membership=membership, version=version)
        record(
            community=community, actor=user, verb="community.joined", target=membership, occurred_at=joined_at
        )
    return membership


def _record_activity(community: Community, rng: random.Random) -> None:
    """Participation of every active member, spread between their join and now."""
    now = timezone.now()
    verbs, weights = zip(*data.ACTIVITY_VERBS.items(), strict=True)
    members = Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE).select_related(
        "user"
    )
    for membership in members:
        span = max(int((now - membership.joined_at).total_seconds()), 60)
        for verb in rng.choices(verbs, weights=weights, k=data.EVENTS_PER_ACTIVE_MEMBER):
            occurred_at = now - timedelta(seconds=rng.randint(0, span))
            record(community=community, actor=membership.user, verb=verb, occurred_at=occurred_at)


@transaction.atomic
def seed_world() -> list[str]:
    """Create the demo accounts and the communities that do not exist yet; return the new slugs."""
    users = {
        username: ensure_account(username, display_name=name, language=language, tz=tz, superuser=superuser)
        for username, (name, language, tz, superuser) in data.ACCOUNTS.items()
    }
    existing = set(
        Community.objects.filter(slug__in=[spec["fields"]["slug"] for spec in data.COMMUNITIES]).values_list(
            "slug", flat=True
        )
    )
    rng = random.Random(2026)  # noqa: S311 (not security-related: the same world on every machine)
    created = [
        _create_community(spec, users, rng).slug
        for spec in data.COMMUNITIES
        if spec["fields"]["slug"] not in existing
    ]
    seed_applications()
    seed_guest_experts()
    seed_trust()
    seed_recruitment()
    seed_moderation()
    seed_profiles()
    seed_questions()
    seed_sessions()
    seed_critiques()
    seed_posts()
    seed_discussions()
    seed_polls()
    seed_conversations()
    seed_events()
    seed_events_attendance()
    seed_competitions()
    seed_learning_paths()
    seed_learning_resources()
    member_counts_reconcile()  # memberships written directly above (not through the services)
    if created:
        refresh_community_activity()
    return created


@transaction.atomic
def seed_scale(scale: int) -> list[str]:
    """Ensure `scale` public benchmark communities with scale*20 active members each; return new slugs."""
    owner = ensure_account(BENCH_OWNER, display_name="Benchmark owner")
    password = _password_hash()
    domains = SkillDomain.values
    rng = random.Random(scale)  # noqa: S311 (not security-related)
    now = timezone.now()
    created = []
    for i in range(1, scale + 1):
        slug = f"bench-{i}"
        community = Community.objects.filter(slug=slug).first()
        if community is None:
            with override_settings(COMMUNITY_CREATION_STAFF_ONLY=False):
                community = community_create(
                    actor=owner,
                    slug=slug,
                    name=f"Benchmark community {i}",
                    skill_domain=domains[i % len(domains)],
                    tagline=f"Generated by seed_demo --scale {scale}.",
                )
            created.append(slug)
        usernames = [f"{slug}-{j}" for j in range(1, scale * BENCH_MEMBERS_PER_SCALE + 1)]
        User.objects.bulk_create(
            [
                User(username=name, email=f"{name}@bench.guildhall.local", password=password)
                for name in usernames
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        user_ids = dict(User.objects.filter(username__in=usernames).values_list("pk", "username"))
        Membership.objects.bulk_create(
            [
                Membership(
                    community=community,
                    user_id=user_id,
                    sort_name=name,
                    role=Role.MEMBER,
                    status=MembershipStatus.ACTIVE,
                    joined_at=now - timedelta(days=rng.randint(1, data.ACTIVITY_DAYS)),
                )
                for user_id, name in user_ids.items()
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        if slug in created:
            verbs = list(data.ACTIVITY_VERBS)
            ActivityEvent.objects.bulk_create(
                [
                    ActivityEvent(
                        community=community,
                        actor_id=user_id,
                        verb=rng.choice(verbs),
                        occurred_at=now - timedelta(minutes=rng.randint(0, data.ACTIVITY_DAYS * 1440)),
                    )
                    for user_id in user_ids
                    for _ in range(BENCH_EVENTS_PER_MEMBER)
                ],
                batch_size=1000,
            )
    member_counts_reconcile()  # memberships bulk-created above
    refresh_community_activity()
    return created

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from analytics.models import ActivityEvent
from communities.models import Community, Rule, RulesVersion
from demo.data import ACCOUNTS, DEMO_PASSWORD
from members.models import (
    Invitation,
    JoinLink,
    MemberNote,
    MemberPolicy,
    MemberProfile,
    Membership,
    RuleAcceptance,
    Touchpoint,
)

pytestmark = pytest.mark.django_db

DEMO_SLUGS = {"street-photography", "python-beginners", "design-critique"}


@pytest.fixture
def seeded():
    call_command("seed_demo")


def _counts():
    return tuple(
        model.objects.count()
        for model in (User, Community, Membership, RulesVersion, RuleAcceptance, ActivityEvent, EmailAddress)
    )


def _membership(username, slug):
    return Membership.objects.get(user__username=username, community__slug=slug)


def test_second_run_neither_fails_nor_duplicates(seeded):
    before = _counts()
    call_command("seed_demo")
    assert _counts() == before


def test_demo_communities(seeded):
    street = Community.objects.get(slug="street-photography")
    assert (street.language, street.timezone, street.join_policy, street.visibility) == (
        "zh-hans",
        "Asia/Shanghai",
        "application",
        "public",
    )
    assert Community.objects.get(slug="python-beginners").join_policy == "open"
    design = Community.objects.get(slug="design-critique")
    assert (design.visibility, design.join_policy) == ("private", "invitation")
    for community in Community.objects.filter(slug__in=DEMO_SLUGS):
        assert 4 <= Rule.objects.for_community(community).count() <= 8
        assert community.positioning and community.target_audience and community.culture
        assert not community.logo
        assert community.activity_score > 0


def test_demo_accounts_roles_and_statuses(seeded):
    assert _membership("owner", "street-photography").role == "owner"
    assert _membership("owner", "python-beginners").role == "owner"
    assert _membership("applicant", "street-photography").status == "pending"
    outsider = Membership.objects.filter(user__username="outsider")
    assert list(outsider.values_list("community__slug", "status")) == [("design-critique", "active")]
    assert User.objects.get(username="admin").is_superuser
    statuses = set(Membership.objects.filter(community__slug__in=DEMO_SLUGS).values_list("status", flat=True))
    assert statuses == {"active", "pending", "banned", "left", "rejected"}
    roles = set(Membership.objects.filter(community__slug__in=DEMO_SLUGS).values_list("role", flat=True))
    assert roles == {"owner", "admin", "moderator", "expert", "member"}


def test_active_members_accepted_the_current_rules(seeded):
    membership = _membership("member", "python-beginners")
    current = RulesVersion.objects.for_community(membership.community).order_by("-number").first()
    assert membership.rule_acceptances.filter(rules_version=current).exists()


def test_every_demo_account_has_a_verified_email(seeded):
    for username in ACCOUNTS:
        user = User.objects.get(username=username)
        assert EmailAddress.objects.filter(user=user, email=user.email, verified=True, primary=True).exists()


def test_demo_account_can_log_in(seeded, client):
    response = client.post(
        reverse("account_login"), {"login": "member", "password": DEMO_PASSWORD, "next": "/healthz"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/healthz"
    assert "_auth_user_id" in client.session


def test_activity_spreads_over_sixty_days(seeded):
    community = Community.objects.get(slug="street-photography")
    events = ActivityEvent.objects.for_community(community)
    dates = sorted(events.values_list("occurred_at", flat=True))
    assert (dates[-1] - dates[0]).days >= 30
    recent = events.filter(occurred_at__gte=timezone.now() - timedelta(days=30))
    assert 0 < community.activity_score == recent.count() < events.count()


def test_scale_adds_benchmark_communities_idempotently():
    call_command("seed_demo", scale=2)
    bench = Community.objects.filter(slug__startswith="bench-")
    assert bench.count() == 2
    for community in bench:
        assert community.memberships.filter(status="active", role="member").count() == 40
    before = _counts()
    call_command("seed_demo", scale=2)
    assert _counts() == before


def test_negative_scale_is_refused():
    with pytest.raises(CommandError):
        call_command("seed_demo", scale=-1)


def test_the_chinese_demo_communitys_own_texts_are_chinese(seeded):
    """What its people wrote (welcome, guide, profiles, notes, invitations, touchpoints) is Chinese."""

    def chinese(text):
        return any("\u4e00" <= char <= "\u9fff" for char in text)

    street = Community.objects.get(slug="street-photography")
    policy = MemberPolicy.objects.get(community=street)
    texts = [policy.welcome_message, policy.newcomer_guide]
    texts += [p.bio for p in MemberProfile.objects.filter(community=street)]
    texts += list(MemberNote.objects.filter(community=street).values_list("body", flat=True))
    texts += list(Invitation.objects.filter(community=street).values_list("label", flat=True))
    texts += list(JoinLink.objects.filter(community=street).values_list("channel", flat=True))
    texts += list(Touchpoint.objects.filter(community=street).values_list("note", flat=True))
    texts += [
        event.data["text"]
        for event in ActivityEvent.objects.filter(community=street, verb="introduction.posted")
    ]
    assert len(texts) > 8 and all(chinese(text) for text in texts), texts
    english = Community.objects.get(slug="python-beginners")
    assert not chinese(MemberPolicy.objects.get(community=english).welcome_message)

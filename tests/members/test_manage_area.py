"""The Manage area: the operators' tools by role, the counts of what waits, and what they cost."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members.services.relationships import cadence_set, touchpoint_create
from tests import factories
from tests.members.moderation_helpers import report_member, rules_of

pytestmark = pytest.mark.django_db


def manage_url(community):
    return reverse("members:manage", args=[community.slug])


@pytest.fixture
def world():
    """A community by application with an owner, two pending applications, an open report and two
    followed members: one overdue (never contacted), one contacted today."""
    community = factories.CommunityFactory(join_policy="application")
    owner = factories.member(community=community, role="owner")
    factories.ApplicationFactory.create_batch(2, community=community)
    rule = rules_of(community, owner.user)[0]
    reporter = factories.member(community=community)
    subject = factories.member(community=community)
    report_member(reporter=reporter.user, subject=subject, rule=rule)
    overdue, fresh = factories.member(community=community), factories.member(community=community)
    for followed in (overdue, fresh):
        cadence_set(actor=owner.user, community=community, membership=followed, every_days=7)
    touchpoint_create(actor=owner.user, community=community, membership=fresh, kind="call")
    return community, owner


def test_owner_sees_every_tool_with_its_count(client_for, world):
    community, owner = world
    page = client_for(owner.user).get(manage_url(community)).content.decode()
    assert "2 pending" in page and "1 open" in page and "1 overdue" in page
    for name in ("members:applications", "members:moderation", "members:relationships", "members:audit"):
        assert reverse(name, args=[community.slug]) in page
    assert reverse("communities:settings-danger", args=[community.slug]) in page


def test_admin_holds_no_danger_zone(client_for, world):
    community, _ = world
    admin = factories.member(community=community, role="admin")
    page = client_for(admin.user).get(manage_url(community)).content.decode()
    assert reverse("members:applications", args=[community.slug]) in page
    assert reverse("communities:settings-danger", args=[community.slug]) not in page


def test_moderator_sees_only_the_moderation_queue_and_its_count(client_for, world):
    community, _ = world
    moderator = factories.member(community=community, role="moderator")
    response = client_for(moderator.user).get(manage_url(community))
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("members:moderation", args=[community.slug]) in page and "1 open" in page
    assert reverse("members:applications", args=[community.slug]) not in page
    assert "pending" not in page and "overdue" not in page


@pytest.mark.parametrize("role", ["member", "expert"])
def test_roles_without_tools_are_refused_and_see_no_manage_link(client_for, world, role):
    community, _ = world
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(manage_url(community)).status_code == 403
    home = client_for(user).get(reverse("communities:home", args=[community.slug])).content.decode()
    assert manage_url(community) not in home


def test_anonymous_visitor_is_sent_to_log_in(client_for, world):
    community, _ = world
    response = client_for(None).get(manage_url(community))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_the_community_bar_carries_the_total_for_operators(client_for, world):
    community, owner = world
    page = client_for(owner.user).get(reverse("members:directory", args=[community.slug])).content.decode()
    bar = page[page.index('class="community-nav"') :]
    bar = bar[: bar.index("</nav>")]
    assert manage_url(community) in bar and "4 items wait for you" in bar


def test_overdue_counts_follow_the_relationship_logs_rule(client_for, world):
    community, owner = world
    # Contacted ten days ago on a seven-day cadence: overdue too.
    late = factories.member(community=community)
    cadence_set(actor=owner.user, community=community, membership=late, every_days=7)
    touchpoint_create(
        actor=owner.user,
        community=community,
        membership=late,
        kind="message",
        happened_at=timezone.now() - timedelta(days=10),
    )
    page = client_for(owner.user).get(manage_url(community)).content.decode()
    assert "2 overdue" in page


def test_counts_cost_the_same_whatever_waits(client_for, world):
    community, owner = world
    client = client_for(owner.user)
    client.get(manage_url(community))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(manage_url(community)).status_code == 200
        return len(captured)

    before = queries()
    factories.ApplicationFactory.create_batch(5, community=community)
    for _ in range(3):
        followed = factories.member(community=community)
        cadence_set(actor=owner.user, community=community, membership=followed, every_days=3)
    assert queries() == before


def test_counts_stay_inside_the_community(client_for, world):
    community, owner = world
    factories.ApplicationFactory.create_batch(3)  # other communities
    page = client_for(owner.user).get(manage_url(community)).content.decode()
    assert "2 pending" in page

"""Community.member_count: kept by the transition function, reconciled by the beat job, read by lists.

Query-count tests compare a page at 10 and at 1,000 memberships: the same queries, and none of them
counts memberships.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from communities import services as community_services
from communities.models import Community
from communities.roles import MembershipStatus
from members.models import JoinLink, Membership
from members.services import membership_join, membership_leave, recruitment
from members.services.applications import application_decide, application_submit
from members.services.moderation import member_ban, member_unban
from members.services.roles import member_remove
from members.tasks import reconcile_member_counts
from tests import factories

pytestmark = pytest.mark.django_db
COUNTS_MEMBERSHIPS = re.compile(r"COUNT\(.*FROM \"members_membership\"", re.IGNORECASE | re.DOTALL)


def stored(community) -> int:
    return Community.objects.values_list("member_count", flat=True).get(pk=community.pk)


def test_every_service_keeps_the_count(community, owner):
    assert stored(community) == 1
    user = factories.UserFactory()
    membership = membership_join(actor=user, community=community, accepted_rules_version=None)
    assert stored(community) == 2
    membership_leave(actor=user, community=community)
    assert stored(community) == 1
    membership = membership_join(actor=user, community=community, accepted_rules_version=None)
    assert stored(community) == 2
    member_remove(actor=owner, community=community, membership=membership, reason="spam")
    assert stored(community) == 1
    membership = membership_join(actor=user, community=community, accepted_rules_version=None)
    rule = factories.RuleFactory(community=community)
    member_ban(actor=owner, community=community, membership=membership, rule_id=rule.pk, reason="abuse")
    assert stored(community) == 1
    member_unban(actor=owner, community=community, membership=membership, reason="appeal")
    assert stored(community) == 1  # unbanned is "left": not back in until they join again


def test_approval_counts_and_rejection_does_not(owner, community):
    Community.objects.filter(pk=community.pk).update(join_policy=Community.JoinPolicy.APPLICATION)
    community.refresh_from_db()
    first, second = factories.UserFactory(), factories.UserFactory()
    a = application_submit(actor=first, community=community, answers={}, accepted_rules_version=None)
    b = application_submit(actor=second, community=community, answers={}, accepted_rules_version=None)
    assert stored(community) == 1  # pending applicants are not members
    application_decide(actor=owner, community=community, application=a, decision="approve")
    application_decide(actor=owner, community=community, application=b, decision="reject")
    assert stored(community) == 2


def test_community_creation_counts_its_owner():
    community = community_services.community_create(
        actor=factories.UserFactory(), slug="fresh", name="Fresh", skill_domain="design"
    )
    assert stored(community) == 1


def test_a_join_shows_at_once_in_every_list(api_client_for, client_for, community, owner):
    user = factories.UserFactory()
    api_client_for(user).post(reverse("api:membership", kwargs={"community_slug": community.slug}), {})
    assert (
        api_client_for(owner)
        .get(reverse("api:community-detail", kwargs={"community_slug": community.slug}))
        .json()["member_count"]
        == 2
    )
    listed = api_client_for(owner).get(reverse("api:community-list")).json()["results"]
    assert [c["member_count"] for c in listed if c["slug"] == community.slug] == [2]
    page = client_for(owner).get(reverse("communities:directory"))
    assert [c.member_count for c in page.context["communities"]] == [2]
    home = client_for(owner).get(reverse("communities:home", kwargs={"slug": community.slug}))
    assert home.context["community_stats"].member_count == 2
    members = api_client_for(owner).get(reverse("api:member-list", kwargs={"community_slug": community.slug}))
    assert members.json()["count"] == 2


def test_the_reconcile_job_repairs_a_drifted_count(community, owner):
    other = factories.CommunityFactory()
    factories.member(community=other, status=MembershipStatus.BANNED)
    Community.objects.update(member_count=42)  # drift: a bulk load or manual SQL that bypassed services
    assert reconcile_member_counts() == 2
    assert (stored(community), stored(other)) == (1, 0)
    assert reconcile_member_counts() == 0  # idempotent: nothing left to repair


def test_filtered_directory_counts_the_matching_rows(api_client_for, community, owner):
    factories.member(community=community, role="moderator")
    Community.objects.filter(pk=community.pk).update(member_count=99)  # drifted: the filter must not use it
    url = reverse("api:member-list", kwargs={"community_slug": community.slug})
    assert api_client_for(owner).get(url, {"role": "moderator"}).json()["count"] == 1


def _grow(community, total: int) -> None:
    """Bring `community` to `total` active memberships in bulk (then reconcile, as a bulk load would)."""
    have = Membership.objects.filter(community=community).count()
    users = User.objects.bulk_create(
        [User(username=f"{community.slug}-bulk-{i}", email=f"b{i}@example.com") for i in range(have, total)]
    )
    Membership.objects.bulk_create(
        [Membership(community=community, user=u, status=MembershipStatus.ACTIVE) for u in users]
    )
    reconcile_member_counts()


def _queries(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200
    return [q["sql"] for q in captured]


PAGES = {
    "directory": lambda c: reverse("communities:directory"),
    "my communities": lambda c: reverse("communities:mine"),
    "community home": lambda c: reverse("communities:home", kwargs={"slug": c.slug}),
    "member directory": lambda c: reverse("members:directory", kwargs={"slug": c.slug}),
    "API community list": lambda c: reverse("api:community-list"),
    "API community detail": lambda c: reverse("api:community-detail", kwargs={"community_slug": c.slug}),
    "API member list": lambda c: reverse("api:member-list", kwargs={"community_slug": c.slug}),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_page_costs_the_same_for_10_or_1000_members(page, client_for, api_client_for, community, owner):
    client = api_client_for(owner) if page.startswith("API") else client_for(owner)
    url = PAGES[page](community)
    client.get(url)  # warm per-process caches (content types, the day's visit)
    _grow(community, 10)  # both reads follow a write: neither is served from the lists' cache
    small = _queries(lambda: client.get(url))
    _grow(community, 1000)
    large = _queries(lambda: client.get(url))
    assert len(small) == len(large)
    assert not [sql for sql in large if COUNTS_MEMBERSHIPS.search(sql)]


# --- Join links: the members each brought -------------------------------------------------------------------


def test_a_join_link_counts_who_came_through_it_at_once(api_client_for, community, owner):
    first = recruitment.join_link_create(actor=owner, community=community, channel="newsletter")
    second = recruitment.join_link_create(actor=owner, community=community, channel="forum")
    user = factories.UserFactory()
    recruitment.membership_join_from(
        actor=user, community=community, accepted_rules_version=None, arrival={"link": first.code}
    )
    membership_leave(actor=user, community=community)  # still came through the first link
    url = reverse("api:join-link-list", kwargs={"community_slug": community.slug})
    counts = {
        row["channel"]: row["members_count"] for row in api_client_for(owner).get(url).json()["results"]
    }
    assert counts == {"newsletter": 1, "forum": 0}
    recruitment.membership_join_from(
        actor=user, community=community, accepted_rules_version=None, arrival={"link": second.code}
    )
    counts = {
        row["channel"]: row["members_count"] for row in api_client_for(owner).get(url).json()["results"]
    }
    assert counts == {"newsletter": 0, "forum": 1}
    assert reconcile_member_counts() == 0  # the services kept it exact


def test_the_reconcile_job_repairs_a_join_link_count(community, owner):
    link = recruitment.join_link_create(actor=owner, community=community, channel="newsletter")
    factories.member(community=community, join_link=link)
    JoinLink.objects.update(members_count=7)
    assert reconcile_member_counts() == 1
    assert JoinLink.objects.get(pk=link.pk).members_count == 1


def test_the_join_link_list_costs_the_same_for_10_or_1000_members(client_for, community, owner):
    link = recruitment.join_link_create(actor=owner, community=community, channel="newsletter")
    client = client_for(owner)
    url = reverse("members:join-links", kwargs={"slug": community.slug})
    _grow(community, 10)
    Membership.objects.filter(community=community).update(join_link=link)
    client.get(url)
    small = _queries(lambda: client.get(url))
    _grow(community, 1000)
    Membership.objects.filter(community=community).update(join_link=link)
    large = _queries(lambda: client.get(url))
    assert len(small) == len(large)
    assert not [sql for sql in large if COUNTS_MEMBERSHIPS.search(sql)]

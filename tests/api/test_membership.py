import pytest
from django.urls import reverse

from communities import services
from members.models import Membership, RuleAcceptance
from tests import factories
from tests.api.helpers import assert_error, query_count, row_counts

pytestmark = pytest.mark.django_db


def url(name, community):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug})


@pytest.fixture
def rules_v1(community, owner):
    services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    return 1


def test_my_membership_is_404_when_none(api_client_for, community):
    assert_error(
        api_client_for(factories.UserFactory()).get(url("membership", community)), 404, "not_a_member"
    )
    assert api_client_for().get(url("membership", community)).status_code == 401


def test_join_accepting_the_current_rules(api_client_for, community, rules_v1):
    user = factories.UserFactory()
    client = api_client_for(user)
    response = client.post(url("membership", community), {"accepted_rules_version": rules_v1})
    assert response.status_code == 201, response.content
    assert response.json() == {
        **response.json(),
        "community": community.slug,
        "role": "member",
        "status": "active",
        "accepted_rules_version": 1,
    }
    assert RuleAcceptance.objects.filter(membership__user=user, rules_version__number=1).exists()
    assert client.get(url("membership", community)).json()["status"] == "active"


def test_join_a_community_without_rules_needs_no_acceptance(api_client_for, community):
    response = api_client_for(factories.UserFactory()).post(url("membership", community), {})
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("payload", [{}, {"accepted_rules_version": None}, {"accepted_rules_version": 7}])
def test_join_without_accepting_the_current_rules(api_client_for, community, rules_v1, payload):
    before = row_counts()
    body = assert_error(
        api_client_for(factories.UserFactory()).post(url("membership", community), payload),
        400,
        "rules_not_accepted",
    )
    assert "accepted_rules_version" in body["fields"]
    assert row_counts() == before


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"accepted_rules_version": "one"}, "invalid"),
        ({"accepted_rules_version": 0}, "min_value"),
        ({"accepted_rules_version": 1, "role": "owner"}, "unknown_field"),
        ({"accepted_rules_version": 1, "status": "active"}, "unknown_field"),
    ],
)
def test_join_refuses_malformed_input(api_client_for, community, rules_v1, payload, code):
    before = row_counts()
    assert_error(
        api_client_for(factories.UserFactory()).post(url("membership", community), payload), 400, code
    )
    assert row_counts() == before


@pytest.mark.parametrize("policy", ["application", "invitation"])
def test_join_a_non_open_community(api_client_for, policy):
    community = factories.CommunityFactory(join_policy=policy)
    before = row_counts()
    assert_error(
        api_client_for(factories.UserFactory()).post(url("membership", community), {}), 403, "join_not_open"
    )
    assert row_counts() == before


def test_banned_member_cannot_rejoin(api_client_for, community):
    banned = factories.member(community=community, status="banned").user
    assert_error(api_client_for(banned).post(url("membership", community), {}), 403, "banned")
    assert Membership.objects.get(user=banned).status == "banned"


def test_already_member(api_client_for, community):
    member = factories.member(community=community).user
    assert_error(api_client_for(member).post(url("membership", community), {}), 409, "already_member")


def test_leave(api_client_for, community):
    member = factories.member(community=community).user
    assert api_client_for(member).delete(url("membership", community)).status_code == 204
    assert Membership.objects.get(user=member).status == "left"


def test_last_owner_cannot_leave(api_client_for, community, owner):
    assert_error(api_client_for(owner).delete(url("membership", community)), 409, "last_owner")
    assert Membership.objects.get(user=owner).status == "active"


def test_non_member_cannot_leave(api_client_for, community):
    response = api_client_for(factories.UserFactory()).delete(url("membership", community))
    assert_error(response, 403, "permission_denied")


# --- Member list ------------------------------------------------------------------------------------------


def test_members_see_active_members_with_role_filter_and_search(api_client_for, community, owner):
    factories.member(community=community, role="expert", user=factories.UserFactory(username="ansel"))
    factories.member(community=community, status="pending")
    factories.member(community=community, status="banned")
    client = api_client_for(owner)

    rows = client.get(url("member-list", community)).json()["results"]
    assert sorted(row["role"] for row in rows) == ["expert", "owner"]
    assert [
        row["username"]
        for row in client.get(url("member-list", community), {"role": "expert"}).json()["results"]
    ] == ["ansel"]
    assert [
        row["username"]
        for row in client.get(url("member-list", community), {"search": "ans"}).json()["results"]
    ] == ["ansel"]


def test_member_list_is_for_active_members_only(api_client_for, community, outsider):
    pending = factories.member(community=community, status="pending").user
    banned = factories.member(community=community, status="banned").user
    assert api_client_for().get(url("member-list", community)).status_code == 401
    for user in (outsider, pending, banned):
        assert_error(api_client_for(user).get(url("member-list", community)), 403, "permission_denied")


@pytest.mark.parametrize("role", ["owner", "member"])
def test_member_list_query_count_is_pinned(api_client_for, community, role, django_assert_max_num_queries):
    client = api_client_for(factories.member(community=community, role=role).user)
    client.get(url("member-list", community))  # the day's visit is recorded on the first request
    costs = []
    for n in (9, 30):
        for _ in range(n):
            factories.member(community=community)
        costs.append(query_count(lambda: client.get(url("member-list", community), {"page_size": 100})))
    assert costs[0] == costs[1]
    # Tenancy (2), count, page, then one prefetch each for profiles, skills and (operators) tags.
    with django_assert_max_num_queries(7):
        client.get(url("member-list", community), {"page_size": 100})

import pytest
from django.urls import reverse

from communities import services
from communities.models import Rule, RulesVersion
from tests import factories
from tests.api.helpers import assert_error, query_count, row_counts

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def add_rules(community, actor, n):
    return [
        services.rule_create(actor=actor, community=community, category="conduct", title=f"Rule {i}")
        for i in range(n)
    ]


def test_public_rules_are_readable_anonymously(api_client_for, community, owner):
    add_rules(community, owner, 2)
    body = api_client_for().get(url("rule-list", community)).json()
    assert [row["title"] for row in body["results"]] == ["Rule 0", "Rule 1"]


def test_private_rules_are_404_for_outsiders(api_client_for, private_community, outsider):
    owner = factories.member(community=private_community, role="owner").user
    add_rules(private_community, owner, 1)
    for user in (None, outsider):
        assert_error(api_client_for(user).get(url("rule-list", private_community)), 404, "not_found")
        assert_error(
            api_client_for(user).get(url("rules-version-current", private_community)), 404, "not_found"
        )


def test_admin_creates_a_rule_and_a_version_is_published(api_client_for, community):
    admin = factories.member(community=community, role="admin").user
    response = api_client_for(admin).post(
        url("rule-list", community),
        {"category": "content", "title": "Credit photographers", "body": "<b>x</b>"},
    )
    assert response.status_code == 201, response.content
    assert "<b>" not in response.json()["body_html"]
    current = api_client_for().get(url("rules-version-current", community)).json()
    assert current["number"] == 1
    assert current["rules"] == [{"category": "content", "title": "Credit photographers", "body": "<b>x</b>"}]
    assert current["published_by"] == admin.username


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"category": "gossip", "title": "x"}, "invalid_choice"),
        ({"category": "conduct", "title": ""}, "blank"),
        ({"category": "conduct", "title": "x" * 201}, "max_length"),
        ({"category": "conduct", "title": "x", "body": "x" * 5001}, "max_length"),
        ({"category": "conduct", "title": "x", "position": -1}, "min_value"),
        ({"category": "conduct", "title": "x", "community": 999}, "unknown_field"),
    ],
)
def test_rule_create_refuses_bad_input(api_client_for, community, owner, payload, code):
    before = row_counts()
    assert_error(api_client_for(owner).post(url("rule-list", community), payload), 400, code)
    assert row_counts() == before


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_rule_writes_need_manage_rules(api_client_for, community, owner, role):
    rule = add_rules(community, owner, 1)[0]
    client = api_client_for(factories.member(community=community, role=role).user)
    before = row_counts()
    assert_error(
        client.post(url("rule-list", community), {"category": "conduct", "title": "x"}),
        403,
        "permission_denied",
    )
    assert_error(
        client.patch(url("rule-detail", community, rule_id=rule.pk), {"title": "y"}), 403, "permission_denied"
    )
    assert_error(client.delete(url("rule-detail", community, rule_id=rule.pk)), 403, "permission_denied")
    assert_error(
        client.post(url("rule-reorder", community), {"rule_ids": [rule.pk]}), 403, "permission_denied"
    )
    assert row_counts() == before


def test_update_and_delete_publish_versions(api_client_for, community, owner):
    rule = add_rules(community, owner, 1)[0]
    client = api_client_for(owner)
    response = client.patch(url("rule-detail", community, rule_id=rule.pk), {"title": "Be kind"})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Be kind"
    assert client.delete(url("rule-detail", community, rule_id=rule.pk)).status_code == 204
    versions = client.get(url("rules-version-list", community)).json()["results"]
    assert [(v["number"], len(v["rules"])) for v in versions] == [(3, 0), (2, 1), (1, 1)]


def test_reorder(api_client_for, community, owner):
    first, second, third = add_rules(community, owner, 3)
    response = api_client_for(owner).post(
        url("rule-reorder", community), {"rule_ids": [third.pk, first.pk, second.pk]}
    )
    assert response.status_code == 200, response.content
    assert [row["id"] for row in response.json()] == [third.pk, first.pk, second.pk]
    assert list(Rule.objects.for_community(community).order_by("position").values_list("pk", flat=True)) == [
        third.pk,
        first.pk,
        second.pk,
    ]


@pytest.mark.parametrize("kind", ["missing", "duplicate", "foreign", "not_a_list"])
def test_reorder_refuses_incomplete_or_foreign_ids(api_client_for, community, owner, kind):
    first, second = add_rules(community, owner, 2)
    other = factories.RuleFactory()
    rule_ids = {
        "missing": [first.pk],
        "duplicate": [first.pk, first.pk, second.pk],
        "foreign": [first.pk, second.pk, other.pk],
        "not_a_list": "1,2",
    }[kind]
    before = list(Rule.objects.order_by("pk").values_list("pk", "position"))
    response = api_client_for(owner).post(url("rule-reorder", community), {"rule_ids": rule_ids})
    assert_error(response, 400, "not_a_list" if kind == "not_a_list" else "invalid_order")
    assert list(Rule.objects.order_by("pk").values_list("pk", "position")) == before
    assert RulesVersion.objects.for_community(community).count() == 2


def test_rule_of_another_community_is_404(api_client_for, community, owner):
    foreign = factories.RuleFactory()
    client = api_client_for(owner)
    for call in (client.get, client.delete):
        assert_error(call(url("rule-detail", community, rule_id=foreign.pk)), 404, "rule_not_found")
    assert_error(
        client.patch(url("rule-detail", community, rule_id=foreign.pk), {"title": "x"}), 404, "rule_not_found"
    )
    assert Rule.objects.filter(pk=foreign.pk, title=foreign.title).exists()


def test_current_version_when_none_is_published(api_client_for, community):
    assert_error(api_client_for().get(url("rules-version-current", community)), 404, "no_rules_version")


def test_rules_and_versions_lists_cost_the_same_for_10_and_40_rows(api_client_for, community, owner):
    client = api_client_for(owner)
    client.get(url("rule-list", community))  # the day's visit is recorded on the first request
    costs = []
    for n in (10, 30):
        add_rules(community, owner, n)
        costs.append(
            (
                query_count(lambda: client.get(url("rule-list", community), {"page_size": 100})),
                query_count(lambda: client.get(url("rules-version-list", community), {"page_size": 100})),
            )
        )
    assert costs[0] == costs[1]
    assert max(costs[0]) <= 4

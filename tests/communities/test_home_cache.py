"""The community home keeps its own words and rules in the cache under the community's row and its rules
version (decision 0018): a second read reads no rule, and every change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from communities.services import community_update, rule_create, rule_delete, rule_update, rules_reorder
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role="owner")


@pytest.fixture
def home(client_for, community):
    def read(user=None) -> str:
        response = client_for(user).get(reverse("communities:home", args=[community.slug]))
        assert response.status_code == 200
        return response.content.decode()

    return read


def test_a_second_read_reads_no_rule(client_for, owner, community):
    rule_create(actor=owner.user, community=community, category="conduct", title="Credit the photographer")
    client = client_for(factories.member(community=community).user)
    url = reverse("communities:home", args=[community.slug])
    with CaptureQueriesContext(connection) as first:
        assert "Credit the photographer" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as again:
        assert "Credit the photographer" in client.get(url).content.decode()

    def rule_queries(captured):
        return [q for q in captured if "communities_rule" in q["sql"]]

    assert len(rule_queries(first)) == 2  # the rules and the current rules version
    assert rule_queries(again) == []


def test_every_change_to_the_rules_shows_at_once(home, owner, community):
    first = rule_create(actor=owner.user, community=community, category="conduct", title="Be kind")
    second = rule_create(actor=owner.user, community=community, category="conduct", title="No spam")
    page = home()
    assert page.index("Be kind") < page.index("No spam")

    rule_update(actor=owner.user, rule=first, title="Be generous")
    assert "Be generous" in home() and "Be kind" not in home()

    rules_reorder(actor=owner.user, community=community, rule_ids=[second.pk, first.pk])
    page = home()
    assert page.index("No spam") < page.index("Be generous")

    rule_delete(actor=owner.user, rule=second)
    assert "No spam" not in home()


def test_an_edited_description_shows_at_once(home, owner, community):
    home()
    community_update(actor=owner.user, community=community, description="We meet **every** Sunday.")
    assert "<strong>every</strong>" in home()


def test_each_language_gets_its_own_copy(home, owner, community):
    rule_create(actor=owner.user, community=community, category="conduct", title="Be kind")
    assert "Rules" in home()
    with translation.override("zh-hans"):
        reader = factories.UserFactory(language="zh-hans")
        assert "规则" in home(reader)
    assert "Rules" in home()

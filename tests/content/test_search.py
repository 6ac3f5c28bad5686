"""Full-text search: Chinese found by its words, ranking, snippets, who may find what, and bad input.

The index is written through `search_index` for a registered kind; these tests register the community's
rules as a kind of their own (any tenant model with a title and a body will do), so they exercise the
index, the selectors, the page and the API without depending on one kind of content.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.services import token_create
from communities.models import Rule
from content.models import SearchEntry
from content.selectors import search as search_selectors
from content.selectors.search import highlight, search_results, snippet
from content.services import search as search_services
from content.services.search import SearchDocument, search_index, search_unindex
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rules_are_searchable(monkeypatch):
    """Rules as a searchable kind ("post"): found by anyone; a rule whose body says "members only" is
    for members, one whose category is "safety" belongs to a members-only space (id 7)."""

    def document(rule):
        if rule.title.startswith("Draft"):
            return None
        return SearchDocument(
            title=rule.title,
            body=rule.body,
            url=f"/c/{rule.community.slug}/#rule-{rule.pk}",
            published_at=rule.created_at - timedelta(days=rule.position),
            author_name="Ada",
            members_only="members only" in rule.body,
            space_id=7 if rule.category == "safety" else None,
        )

    monkeypatch.setattr(search_services, "_KINDS", {})
    search_services.register(Rule, kind="post", document=document)


def indexed(community, title, body="", *, category="conduct", position=1):
    rule = Rule.objects.create(
        community=community, category=category, title=title, body=body, position=position
    )
    search_index(rule)
    return rule


def titles(results):
    return [entry.title for entry in results]


def test_a_chinese_word_finds_the_chinese_text_that_holds_it(community):
    indexed(community, "摄影构图的基础", "三分法让画面更平衡，前景增加层次。")  # noqa: RUF001
    indexed(community, "器材选择", "入门相机推荐")
    assert titles(search_results(community=community, query="构图")) == ["摄影构图的基础"]
    assert titles(search_results(community=community, query="三分法")) == ["摄影构图的基础"]
    assert titles(search_results(community=community, query="相机")) == ["器材选择"]
    assert titles(search_results(community=community, query="构图 相机")) == []


def test_only_the_newest_matches_are_ranked_and_counted(community, monkeypatch):
    """A common word in a large community: the newest MAX_CANDIDATES matches are ranked (and counted),
    so the cost does not grow with the community; the rest are left out."""
    monkeypatch.setattr(search_selectors, "MAX_CANDIDATES", 2)
    indexed(community, "Old light", "light", position=30)
    indexed(community, "Newer notes", "about light", position=2)
    indexed(community, "Light today", "light", position=1)
    indexed(community, "Shadows", "no match", position=0)
    results = search_results(community=community, query="light")
    assert len(results) == 2
    assert titles(results) == ["Light today", "Newer notes"]


def test_english_words_match_in_any_case_and_by_prefix(community):
    indexed(community, "Composition basics", "The rule of thirds balances photos.")
    assert titles(search_results(community=community, query="PHOTO")) == ["Composition basics"]
    assert titles(search_results(community=community, query="thirds composition")) == ["Composition basics"]
    assert titles(search_results(community=community, query="portrait")) == []


def test_a_title_match_ranks_first_then_the_newest(community):
    indexed(community, "Gear notes", "light meters and light", position=1)
    indexed(community, "Light and shadow", "notes", position=5)
    indexed(community, "Older gear", "about light", position=9)
    assert titles(search_results(community=community, query="light"))[0] == "Light and shadow"


def test_markdown_and_markup_are_not_indexed_and_snippets_are_escaped(community):
    rule = indexed(
        community, "Safe", "Read [the guide](https://evil.example/light) <script>alert(1)</script> light"
    )
    assert titles(search_results(community=community, query="evil")) == []
    entry = SearchEntry.objects.get(object_id=rule.pk)
    shown = snippet(entry, "light")
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "<mark>light</mark>" in shown
    assert highlight("<b>Light</b>", ["light"]) == "&lt;b&gt;<mark>Light</mark>&lt;/b&gt;"


def test_an_edit_replaces_the_row_and_a_removal_or_draft_takes_it_out(community):
    rule = indexed(community, "Tripods", "carbon legs")
    rule.body = "aluminium legs"
    search_index(rule)
    assert SearchEntry.objects.filter(object_id=rule.pk).count() == 1
    assert titles(search_results(community=community, query="aluminium")) == ["Tripods"]
    assert titles(search_results(community=community, query="carbon")) == []
    rule.title = "Draft tripods"
    search_index(rule)
    assert not SearchEntry.objects.filter(object_id=rule.pk).exists()
    rule.title = "Tripods"
    search_index(rule)
    search_unindex(rule)
    assert titles(search_results(community=community, query="aluminium")) == []


def test_who_may_find_what(community):
    indexed(community, "Open lighting notes", "light for everyone")
    indexed(community, "Member lighting notes", "light, members only")
    indexed(community, "Study group lighting", "light", category="safety")
    member = factories.member(community=community)
    pending = factories.member(community=community, status="pending")

    def found(membership=None, space_ids=()):
        results = search_results(
            community=community, query="light", membership=membership, space_ids=space_ids
        )
        return sorted(titles(results))

    assert found() == ["Open lighting notes"]
    assert found(pending) == ["Open lighting notes"]
    assert found(member) == ["Member lighting notes", "Open lighting notes"]
    assert found(member, space_ids=[7]) == [
        "Member lighting notes",
        "Open lighting notes",
        "Study group lighting",
    ]


def test_nothing_of_another_community_is_found(community):
    other = factories.CommunityFactory()
    indexed(other, "Elsewhere light", "light")
    assert titles(search_results(community=community, query="light")) == []


def test_a_query_without_words_finds_nothing(community):
    indexed(community, "Light", "light")
    assert titles(search_results(community=community, query="  ¡!  ")) == []
    assert titles(search_results(community=community, query="light & | ! :*")) == ["Light"]


def test_the_page_shows_marked_results_in_both_languages(client, community):
    indexed(community, "摄影构图的基础", "三分法让画面更平衡")
    url = reverse("content:search", args=[community.slug])
    page = client.get(url, {"q": "三分法"}).content.decode()
    assert "摄影构图的基础" in page and "<mark>三分法</mark>" in page
    assert "1 result" in page
    chinese = client.get(url, {"q": "三分法"}, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "摄影构图的基础" in chinese
    in_title = client.get(url, {"q": "构图"}).content.decode()
    assert "摄影<mark>构图</mark>的基础" in in_title, "the words are marked in the title too"


def test_the_page_refuses_a_huge_query_with_a_message(client, community):
    response = client.get(reverse("content:search", args=[community.slug]), {"q": "x" * 500, "kind": "nope"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"q", "kind"}


def api(community, user=None, **params):
    client = APIClient()
    if user is not None:
        _, key = token_create(user=user, name="search")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(reverse("api:search", kwargs={"community_slug": community.slug}), params)


def test_the_api_finds_with_snippets_and_respects_membership(community):
    indexed(community, "Open light", "light for all")
    indexed(community, "Members light", "light, members only")
    anonymous = api(community, q="light")
    assert anonymous.status_code == 200
    assert [row["title"] for row in anonymous.json()["results"]] == ["Open light"]
    row = anonymous.json()["results"][0]
    assert "<mark>light</mark>" in row["snippet_html"] and row["kind"] == "post"
    member = factories.member(community=community)
    assert len(api(community, member.user, q="light").json()["results"]) == 2


@pytest.mark.parametrize(
    ("params", "field"), [({}, "q"), ({"q": "x" * 201}, "q"), ({"q": "light", "kind": "nope"}, "kind")]
)
def test_the_api_answers_bad_queries_with_400(community, params, field):
    response = api(community, **params)
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_a_private_community_cannot_be_searched_by_outsiders():
    private = factories.CommunityFactory(visibility="private")
    indexed(private, "Secret light", "light")
    assert api(private, q="light").status_code == 404
    assert api(private, factories.UserFactory(), q="light").status_code == 404


def test_the_list_costs_the_same_for_any_number_of_results(community, django_assert_max_num_queries):
    for number in range(30):
        indexed(community, f"Light {number}", "light", position=number + 1)
    with django_assert_max_num_queries(4):
        response = api(community, q="light", page_size=25)
    assert len(response.json()["results"]) == 25
    assert SearchEntry.objects.filter(published_at__lte=timezone.now()).count() == 30


def test_a_search_scans_its_matches_once_and_loads_a_page_by_id(community):
    """One query reads the candidates (ids and ranks: their number is the count), a second loads the
    asked page's rows by id; the matching is never run twice (once to count, once for the page)."""
    for number in range(30):
        indexed(community, f"Light {number}", "light", position=number + 1)
    everything = titles(search_results(community=community, query="light"))
    with CaptureQueriesContext(connection) as captured:
        second = api(community, q="light", page_size=25, page=2).json()
    matching = [query["sql"] for query in captured if "@@" in query["sql"] or '"words" LIKE' in query["sql"]]
    assert len(matching) == 1
    assert second["count"] == 30
    first = api(community, q="light", page_size=25).json()
    assert [row["title"] for row in first["results"] + second["results"]] == everything

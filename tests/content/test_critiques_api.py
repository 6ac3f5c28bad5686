"""The critique exchange over the API: works (JSON and multipart), the queue, critiques, helpful marks,
credits and grants; bad input is a 400/409 with a code; lists paginate with constant queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import CreditAccount, Critique, Work
from content.services import critiques as services
from tests import factories
from tests.api.helpers import assert_error
from tests.content.critique_helpers import give_credits, png, post_work, scores_for, setup

pytestmark = pytest.mark.django_db


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def scores_body(criteria, score=4):
    return [{"criterion": c.pk, "score": score, "comment": f"On {c.name}"} for c in criteria]


def test_post_a_work_with_links_as_json(api_client_for):
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 2)
    response = api_client_for(author.user).post(
        api("work-list", community),
        {"title": "Tram", "description": "**x**", "links": ["https://example.com/tram"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["links"] == ["https://example.com/tram"]
        and body["description_html"] == "<p><strong>x</strong></p>\n"
    )
    assert body["author"] == author.user.username and body["critique_count"] == 0


def test_post_a_work_with_images_as_multipart(api_client_for):
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 2)
    response = api_client_for(author.user).post(
        api("work-list", community), {"title": "Tram", "images": [png(), png("two.png")]}, format="multipart"
    )
    assert response.status_code == 201, response.content
    assert len(response.json()["images"]) == 2
    assert response.json()["images"][0].startswith("http://testserver/files/communities/")


def test_a_file_that_is_not_an_image_is_a_400(api_client_for):
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 2)
    fake = SimpleUploadedFile("x.png", b"GIF89a-not-really", content_type="image/png")
    response = api_client_for(author.user).post(
        api("work-list", community), {"title": "Tram", "images": [fake]}, format="multipart"
    )
    body = assert_error(response, 400, "invalid_image")
    assert "images" in body["fields"]
    assert not Work.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "x"}, "images"),  # neither image nor link
        ({"title": "x", "links": ["ftp://example.com"]}, "links"),
        ({"title": "", "links": ["https://example.com"]}, "title"),
        ({"title": "x" * 201, "links": ["https://example.com"]}, "title"),
        ({"title": "x", "links": ["https://example.com"], "author": "me"}, "author"),
    ],
)
def test_bad_work_input_names_the_field(api_client_for, payload, field):
    community, _owner, author, _critic, _criteria = setup()
    give_credits(author, 5)
    response = api_client_for(author.user).post(api("work-list", community), payload, format="json")
    assert response.status_code == 400 and field in response.json()["fields"], response.content


def test_without_enough_credits_a_409(api_client_for):
    community, _owner, author, _critic, _criteria = setup()
    response = api_client_for(author.user).post(
        api("work-list", community), {"title": "x", "links": ["https://example.com"]}, format="json"
    )
    assert_error(response, 409, "insufficient_credits")


def test_critique_then_twice_then_own_work(api_client_for):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    url = api("critique-list", community, work_id=work.pk)
    body = {"overall": "Good *balance*", "scores": scores_body(criteria)}
    response = api_client_for(critic.user).post(url, body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert [s["criterion_name"] for s in data["scores"]] == ["Composition", "Light", "Story"]
    assert data["overall_html"] == "<p>Good <em>balance</em></p>\n"
    assert_error(api_client_for(critic.user).post(url, body, format="json"), 409, "already_critiqued")
    assert_error(api_client_for(author.user).post(url, body, format="json"), 400, "own_work")
    listed = api_client_for(author.user).get(url).json()
    assert [c["critic"] for c in listed["results"]] == [critic.user.username]


@pytest.mark.parametrize(
    "scores",
    [
        lambda c: [],
        lambda c: scores_body(c)[:2],
        lambda c: [*scores_body(c), {"criterion": c[0].pk, "score": 3}],
        lambda c: [{**scores_body(c)[0], "score": 0}, *scores_body(c)[1:]],
        lambda c: [{"criterion": "x", "score": 3}],
        lambda c: "nope",
    ],
)
def test_bad_scores_are_a_400(api_client_for, scores):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    response = api_client_for(critic.user).post(
        api("critique-list", community, work_id=work.pk),
        {"overall": "x", "scores": scores(criteria)},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert not Critique.objects.exists()


def test_helpful_only_by_the_author(api_client_for):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    critique = services.critique_give(
        actor=critic.user, community=community, work=work, overall="x", scores=scores_for(criteria)
    )
    url = api("critique-helpful", community, work_id=work.pk, critique_id=critique.pk)
    assert_error(api_client_for(critic.user).post(url, {}, format="json"), 400, "not_the_author")
    response = api_client_for(author.user).post(url, {}, format="json")
    assert response.status_code == 200 and response.json()["helpful"] is True
    assert_error(api_client_for(author.user).post(url, {}, format="json"), 409, "already_helpful")


def test_a_critique_of_another_work_in_the_url_is_a_404(api_client_for):
    community, _owner, author, critic, criteria = setup()
    work = post_work(community, author)
    other = post_work(community, critic, title="Other")
    critique = services.critique_give(
        actor=critic.user, community=community, work=work, overall="x", scores=scores_for(criteria)
    )
    url = api("critique-helpful", community, work_id=other.pk, critique_id=critique.pk)
    assert_error(api_client_for(critic.user).post(url, {}, format="json"), 404, "critique_not_found")


def test_filters_ordering_and_the_queue(api_client_for):
    community, _owner, author, critic, criteria = setup()
    first = post_work(community, author, title="First")
    post_work(community, critic, title="Second")
    services.critique_give(
        actor=critic.user, community=community, work=first, overall="x", scores=scores_for(criteria)
    )
    client = api_client_for(author.user)

    def titles(query):
        return [w["title"] for w in client.get(api("work-list", community) + query).json()["results"]]

    assert titles("") == ["Second", "First"]
    assert titles("?waiting=true") == ["Second"]
    assert titles("?waiting=false") == ["First"]
    assert titles(f"?author={critic.user.username}") == ["Second"]
    assert titles("?ordering=-critique_count") == ["First", "Second"]
    assert titles("?ordering=created_at") == ["First", "Second"]
    queue = client.get(api("work-queue", community)).json()
    assert [w["title"] for w in queue["results"]] == ["Second"]
    assert client.get(api("work-list", community) + "?ordering=secret").status_code in (200, 400)


def test_credits_mine_and_the_operators_views(api_client_for):
    community, owner, author, _critic, _criteria = setup()
    client = api_client_for(author.user)
    assert client.get(api("credits-mine", community)).json()["balance"] == 0  # not yet a row: no write
    assert not CreditAccount.objects.exists()
    grant = api_client_for(owner).post(
        api("credit-account-grant", community, membership_id=author.pk),
        {"amount": 7, "reason": "Prize"},
        format="json",
    )
    assert grant.status_code == 201 and grant.json()["balance_after"] == 7
    assert client.get(api("credits-mine", community)).json()["balance"] == 7
    ledger = client.get(api("credits-mine-transactions", community)).json()
    assert [(e["kind"], e["amount"], e["reason"]) for e in ledger["results"]] == [("granted", 7, "Prize")]
    accounts = api_client_for(owner).get(api("credit-account-list", community) + "?ordering=-balance").json()
    assert accounts["results"][0]["member"] == author.user.username
    assert client.get(api("credit-account-list", community)).status_code == 403
    bad = api_client_for(owner).post(
        api("credit-account-grant", community, membership_id=author.pk),
        {"amount": -8, "reason": "x"},
        format="json",
    )
    assert bad.status_code == 400 and "amount" in bad.json()["fields"]


def test_rubric_and_prices(api_client_for):
    community, owner, author, _critic, criteria = setup()
    client = api_client_for(owner)
    created = client.post(api("criterion-list", community), {"name": "Colour", "guidance": ""}, format="json")
    assert created.status_code == 201
    changed = client.put(
        api("criterion-detail", community, criterion_id=criteria[0].pk),
        {"name": "Framing", "guidance": "Edges", "position": 7, "active": False},
        format="json",
    )
    assert changed.status_code == 200 and changed.json()["active"] is False
    names = [c["name"] for c in api_client_for(author.user).get(api("criterion-list", community)).json()]
    assert names == ["Light", "Story", "Colour", "Framing"]
    assert client.put(
        api("critique-settings", community), {"request_cost": 1, "critique_reward": 2}, format="json"
    ).json() == {
        "request_cost": 1,
        "critique_reward": 2,
    }
    bad = client.put(
        api("critique-settings", community), {"request_cost": 101, "critique_reward": 2}, format="json"
    )
    assert bad.status_code == 400 and "request_cost" in bad.json()["fields"]
    assert (
        api_client_for(author.user)
        .post(api("criterion-list", community), {"name": "x"}, format="json")
        .status_code
        == 403
    )


def test_another_communitys_work_is_a_404(api_client_for):
    community, _owner, author, _critic, _criteria = setup()
    work = post_work(community, author)
    elsewhere = factories.CommunityFactory()
    visitor = factories.member(community=elsewhere).user
    response = api_client_for(visitor).get(api("work-detail", elsewhere, work_id=work.pk))
    assert_error(response, 404, "work_not_found")


@pytest.mark.parametrize("size", [2, 8])
def test_lists_have_constant_queries(api_client_for, django_assert_num_queries, size):
    community, owner, author, _critic, criteria = setup()
    work = post_work(community, author, images=[png()])
    for i in range(size):
        member = factories.member(community=community)
        post_work(community, member, title=f"W{i}", images=[png()])
        services.critique_give(
            actor=member.user, community=community, work=work, overall="x", scores=scores_for(criteria)
        )
    client = api_client_for(owner)
    client.get(api("credits-mine", community))  # the day's visit is written once, by the first request
    # Membership, page count, rows with authors, images.
    with django_assert_num_queries(4):
        assert client.get(api("work-list", community)).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(api("work-queue", community)).status_code == 200
    # Membership, the work (and its images), count, critiques with critics, scores with criteria.
    with django_assert_num_queries(6):
        assert client.get(api("critique-list", community, work_id=work.pk)).status_code == 200
    with django_assert_num_queries(3):
        assert client.get(api("credit-account-list", community)).status_code == 200
    with django_assert_num_queries(4):
        assert (
            client.get(api("credit-account-transactions", community, membership_id=author.pk)).status_code
            == 200
        )

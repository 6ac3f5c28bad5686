"""Q&A through the API: lists with filters and ordering, asking, answering, votes, acceptance, bad
input, hidden rows and query counts."""

import pytest
from django.db import reset_queries
from django.urls import reverse

from communities.roles import Role
from content.models import Question
from content.services import questions as services
from tests import factories
from tests.api.helpers import assert_error
from tests.content.xss import assert_inert

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture
def asker(community):
    return factories.member(community=community).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT).user


def test_ask_answer_vote_accept(api_client_for, community, asker, expert):
    response = api_client_for(asker).post(
        api("question-list", community),
        {
            "title": "Which film for snow?",
            "body": "*Portra*?",
            "tags": ["Film", "snow"],
            "skill_level": "beginner",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    question = response.json()
    assert question["tags"] == ["film", "snow"] and question["body_html"] == "<p><em>Portra</em>?</p>\n"
    assert question["author"]["name"] == asker.name and question["answer_count"] == 0
    answers = api("answer-list", community, question["id"])
    answer = api_client_for(expert).post(answers, {"body": "Portra 400"}, format="json").json()
    assert answer["by_expert"] and not answer["is_accepted"] and answer["vote_count"] == 0
    vote = api("answer-vote", community, question["id"], answer["id"])
    voted = api_client_for(asker).post(vote)
    assert voted.status_code == 200 and voted.json()["vote_count"] == 1 and voted.json()["voted_by_me"]
    assert_error(api_client_for(asker).post(vote), 409, "answer_already_voted")
    assert_error(api_client_for(expert).post(vote), 403, "own_answer_vote")
    accept = api("question-accept", community, question["id"])
    accepted = api_client_for(asker).post(accept, {"answer_id": answer["id"]}, format="json")
    assert accepted.status_code == 200 and accepted.json()["accepted_answer_id"] == answer["id"]
    assert accepted.json()["time_to_accepted_answer"] is not None
    listed = api_client_for(asker).get(answers).json()["results"]
    assert [row["is_accepted"] for row in listed] == [True]
    assert api_client_for(asker).delete(vote).json()["vote_count"] == 0
    assert_error(api_client_for(asker).delete(vote), 409, "answer_not_voted")


def test_accepting_an_answer_of_another_question_is_a_400(api_client_for, community, asker, expert):
    question = services.question_ask(actor=asker, community=community, title="One")
    other = services.question_ask(actor=asker, community=community, title="Two")
    foreign = services.answer_post(actor=expert, community=community, question=other, body="x")
    response = api_client_for(asker).post(
        api("question-accept", community, question.pk), {"answer_id": foreign.pk}, format="json"
    )
    body = assert_error(response, 400, "answer_of_another_question")
    assert body["fields"]["answer_id"]
    elsewhere = factories.CommunityFactory()
    stranger_answer = services.answer_post(
        actor=factories.member(community=elsewhere).user,
        community=elsewhere,
        question=services.question_ask(
            actor=factories.member(community=elsewhere).user, community=elsewhere, title="x"
        ),
        body="x",
    )
    response = api_client_for(asker).post(
        api("question-accept", community, question.pk), {"answer_id": stranger_answer.pk}, format="json"
    )
    assert_error(response, 404, "answer_not_found")


def test_bystander_may_not_accept(api_client_for, community, asker, expert):
    question = services.question_ask(actor=asker, community=community, title="One")
    answer = services.answer_post(actor=expert, community=community, question=question, body="x")
    bystander = factories.member(community=community).user
    response = api_client_for(bystander).post(
        api("question-accept", community, question.pk), {"answer_id": answer.pk}, format="json"
    )
    assert_error(response, 403, "accept_not_allowed")


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "ok", "tags": ["a", "b", "c", "d", "e", "f"]}, "tags"),
        ({"title": "ok", "tags": "light"}, "tags"),
        ({"title": "ok", "skill_level": "wizard"}, "skill_level"),
        ({"title": "ok", "answer_count": 5}, "answer_count"),
        ({"title": "ok", "body": "x" * 20_001}, "body"),
    ],
)
def test_bad_questions_are_400s(api_client_for, community, asker, payload, field):
    response = api_client_for(asker).post(api("question-list", community), payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["fields"]
    assert not Question.objects.exists()


def test_empty_answer_is_a_400(api_client_for, community, asker):
    question = services.question_ask(actor=asker, community=community, title="One")
    response = api_client_for(asker).post(
        api("answer-list", community, question.pk), {"body": ""}, format="json"
    )
    assert response.status_code == 400 and "body" in response.json()["fields"]


def test_filters_ordering_and_unanswered(api_client_for, community, asker, expert):
    old = services.question_ask(actor=asker, community=community, title="Old", tags=["light"])
    new = services.question_ask(actor=asker, community=community, title="New", tags=["gear"])
    services.answer_post(actor=expert, community=community, question=new, body="x")
    client = api_client_for(asker)

    def ids(path):
        return [row["id"] for row in client.get(path).json()["results"]]

    assert ids(api("question-list", community)) == [new.pk, old.pk]
    assert ids(api("question-list", community) + "?tag=LIGHT") == [old.pk]
    assert ids(api("question-list", community) + "?ordering=-answer_count") == [new.pk, old.pk]
    assert ids(api("question-list", community) + "?answered=false") == [new.pk, old.pk]
    assert ids(api("question-unanswered", community)) == [old.pk]
    assert ids(api("question-list", community) + "?answered=true") == []


def test_xss_is_inert_in_the_html_fields(api_client_for, community, asker):
    body = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="alert(1)">'
    question = services.question_ask(actor=asker, community=community, title="t", body=body)
    html = api_client_for(asker).get(api("question-detail", community, question.pk)).json()["body_html"]
    assert_inert(html)


@pytest.mark.parametrize("name", ["question-list", "question-unanswered"])
def test_question_lists_have_a_constant_query_count(
    api_client_for, community, asker, name, django_assert_max_num_queries
):
    client = api_client_for(asker)

    def fill(n):
        for i in range(n):
            services.question_ask(actor=asker, community=community, title=f"Q{i}", tags=["a", "b"])

    fill(3)
    client.get(api(name, community))
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(12) as small:
        client.get(api(name, community) + "?page_size=50")
    limit = len(small)  # read now: the log is reset before the next count
    fill(20)
    client.get(api(name, community) + "?page_size=50")  # warm again: new notices renew the inbox count
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(limit):
        client.get(api(name, community) + "?page_size=50")


def test_answer_list_has_a_constant_query_count(
    api_client_for, community, asker, django_assert_max_num_queries
):
    question = services.question_ask(actor=asker, community=community, title="Q")
    client = api_client_for(asker)

    def fill(n):
        for i in range(n):
            author = factories.member(community=community).user
            answer = services.answer_post(actor=author, community=community, question=question, body=f"A{i}")
            services.answer_vote(actor=asker, community=community, answer=answer)

    fill(2)
    client.get(api("answer-list", community, question.pk))
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(12) as small:
        client.get(api("answer-list", community, question.pk) + "?page_size=50")
    limit = len(small)  # read now: the log is reset before the next count
    fill(15)
    client.get(
        api("answer-list", community, question.pk) + "?page_size=50"
    )  # warm again: new notices renew the inbox count
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(limit):
        client.get(api("answer-list", community, question.pk) + "?page_size=50")


def test_visitors_and_outsiders_cannot_read(api_client_for, community, asker):
    question = services.question_ask(actor=asker, community=community, title="Members only")
    for caller in (None, factories.UserFactory()):
        response = api_client_for(caller).get(api("question-detail", community, question.pk))
        assert response.status_code in (401, 403)

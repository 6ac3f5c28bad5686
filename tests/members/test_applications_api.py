"""Vetting through the REST API: questions CRUD and reorder, apply, mine, withdraw, the queue, decisions."""

import pytest
from django.urls import reverse

from members.models import Application, ApplicationQuestion, Membership
from members.services import applications as services
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


@pytest.fixture
def vetted(db):
    return factories.CommunityFactory(join_policy="application")


@pytest.fixture
def vetter(vetted):
    return factories.member(community=vetted, role="owner").user


@pytest.fixture
def question(vetted, vetter):
    return services.question_create(
        actor=vetter, community=vetted, label="Level", kind="single_choice", choices=["low", "high"]
    )


def test_operator_creates_updates_and_reorders_questions(api_client_for, vetted, vetter):
    client = api_client_for(vetter)
    first = client.post(url("application-question-list", vetted), {"label": "Why?", "kind": "long_text"})
    assert first.status_code == 201, first.json()
    second = client.post(
        url("application-question-list", vetted),
        {"label": "Gear", "kind": "multiple_choice", "choices": ["film", "digital"], "required": False},
    )
    assert second.status_code == 201
    response = client.patch(
        url("application-question-detail", vetted, application_question_id=first.json()["id"]),
        {"label": "Why do you want to join?"},
    )
    assert response.json()["label"] == "Why do you want to join?"
    ids = [second.json()["id"], first.json()["id"]]
    response = client.post(url("application-question-reorder", vetted), {"ids": ids})
    assert [q["id"] for q in response.json()] == ids
    assert [q["id"] for q in client.get(url("application-question-list", vetted)).json()] == ids


def test_bad_questions_are_400(api_client_for, vetted, vetter):
    client = api_client_for(vetter)
    response = client.post(
        url("application-question-list", vetted), {"label": "Pick", "kind": "single_choice"}
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_question"
    response = client.post(url("application-question-list", vetted), {"label": "Why?", "position": 3})
    assert response.status_code == 400
    response = client.post(url("application-question-reorder", vetted), {"ids": [999]})
    assert response.json()["code"] == "invalid_question"
    assert not ApplicationQuestion.objects.exists()


def test_retire_and_delete(api_client_for, vetted, vetter, question):
    client = api_client_for(vetter)
    services.application_submit(
        actor=factories.UserFactory(),
        community=vetted,
        answers={str(question.pk): "low"},
        accepted_rules_version=None,
    )
    detail = url("application-question-detail", vetted, application_question_id=question.pk)
    response = client.delete(detail)
    assert response.status_code == 409 and response.json()["code"] == "question_answered"
    response = client.post(url("application-question-retire", vetted, application_question_id=question.pk))
    assert response.json()["retired"] is True
    assert client.get(url("application-question-list", vetted)).json() == []
    listed = client.get(url("application-question-list", vetted), {"include_retired": "true"}).json()
    assert [q["id"] for q in listed] == [question.pk]


def test_anyone_who_sees_the_community_reads_the_asked_questions(api_client_for, vetted, question):
    response = api_client_for().get(url("application-question-list", vetted), {"include_retired": "true"})
    assert response.status_code == 200
    assert response.json()[0]["choices"] == ["low", "high"]


def test_apply_mine_and_withdraw(api_client_for, vetted, question):
    user = factories.UserFactory()
    client = api_client_for(user)
    response = client.post(url("application-list", vetted), {"answers": {str(question.pk): "high"}})
    assert response.status_code == 201, response.json()
    assert response.json()["answers"][0]["answer"] == "high"
    again = client.post(url("application-list", vetted), {"answers": {str(question.pk): "high"}})
    assert again.status_code == 409 and again.json()["code"] == "application_pending"
    mine = client.get(url("application-mine", vetted)).json()
    assert [a["status"] for a in mine] == ["pending"]
    assert client.delete(url("application-mine", vetted)).status_code == 204
    assert client.get(url("application-mine", vetted)).json()[0]["status"] == "withdrawn"
    assert client.delete(url("application-mine", vetted)).json()["code"] == "no_pending_application"


@pytest.mark.parametrize(
    ("answers", "code"),
    [({}, "invalid_answers"), ({"1": "x"}, "invalid_answers"), ([], "not_a_dict")],
    ids=["missing", "unknown-question", "not-an-object"],
)
def test_bad_applications_are_400(api_client_for, vetted, question, answers, code):
    response = api_client_for(factories.UserFactory()).post(
        url("application-list", vetted), {"answers": answers}
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Membership.objects.filter(community=vetted, status="pending").exists()


def test_apply_error_names_the_question(api_client_for, vetted, question):
    response = api_client_for(factories.UserFactory()).post(
        url("application-list", vetted), {"answers": {str(question.pk): "medium"}}
    )
    assert list(response.json()["fields"]) == [f"q_{question.pk}"]


def test_anonymous_cannot_apply(api_client_for, vetted):
    assert api_client_for().post(url("application-list", vetted), {}).status_code in (401, 403)


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_queue_is_for_owners_and_admins(api_client_for, vetted, role):
    factories.ApplicationFactory(community=vetted)
    user = factories.member(community=vetted, role=role).user
    assert api_client_for(user).get(url("application-list", vetted)).status_code == 403


def test_queue_filters_search_and_query_count(api_client_for, vetted, vetter, django_assert_max_num_queries):
    client = api_client_for(vetter)

    def make(n):
        for _ in range(n):
            application = factories.ApplicationFactory(community=vetted)
            factories.member(community=factories.CommunityFactory(), user=application.applicant)

    make(10)
    with django_assert_max_num_queries(12):
        small = client.get(url("application-list", vetted), {"page_size": 50})
    make(30)
    with django_assert_max_num_queries(12):
        large = client.get(url("application-list", vetted), {"page_size": 50})
    assert small.json()["count"] == 10 and large.json()["count"] == 40
    assert len(large.json()["results"][0]["public_memberships"]) == 1
    target = factories.ApplicationFactory(community=vetted, answers_text="street photography")
    found = client.get(url("application-list", vetted), {"search": "street"}).json()
    assert [row["id"] for row in found["results"]] == [target.pk]
    assert client.get(url("application-list", vetted), {"status": "approved"}).json()["count"] == 0
    response = client.get(url("application-list", vetted), {"submitted_from": "not-a-date"})
    assert response.status_code == 400


def test_decide_one_and_twice(api_client_for, vetted, vetter):
    application = factories.ApplicationFactory(community=vetted)
    client = api_client_for(vetter)
    decide = url("application-decide", vetted, application_id=application.pk)
    response = client.post(decide, {"decision": "approve", "note": "ok", "message": "Welcome"})
    assert response.status_code == 200 and response.json()["status"] == "approved"
    again = client.post(decide, {"decision": "reject"})
    assert again.status_code == 409 and again.json()["code"] == "application_already_decided"
    assert client.post(decide, {"decision": "maybe"}).status_code == 400


def test_bulk_decide_all_or_nothing(api_client_for, vetted, vetter):
    applications = factories.ApplicationFactory.create_batch(3, community=vetted)
    client = api_client_for(vetter)
    ids = [a.pk for a in applications]
    services.application_decide(
        actor=vetter, community=vetted, application=applications[0], decision="reject"
    )
    response = client.post(url("application-bulk-decide", vetted), {"ids": ids, "decision": "approve"})
    assert response.status_code == 409 and response.json()["code"] == "application_already_decided"
    assert Application.objects.filter(status="pending").count() == 2
    response = client.post(url("application-bulk-decide", vetted), {"ids": ids[1:], "decision": "approve"})
    assert response.status_code == 200
    assert {row["status"] for row in response.json()} == {"approved"}
    assert (
        client.post(url("application-bulk-decide", vetted), {"ids": [], "decision": "approve"}).status_code
        == 400
    )


def test_another_communitys_ids_are_404(api_client_for, vetted, vetter):
    foreign = factories.ApplicationFactory()
    foreign_question = factories.ApplicationQuestionFactory()
    client = api_client_for(vetter)
    assert client.get(url("application-detail", vetted, application_id=foreign.pk)).status_code == 404
    decide = url("application-decide", vetted, application_id=foreign.pk)
    assert client.post(decide, {"decision": "approve"}).status_code == 404
    response = client.post(
        url("application-bulk-decide", vetted), {"ids": [foreign.pk], "decision": "approve"}
    )
    assert response.status_code == 404 and response.json()["code"] == "application_not_found"
    detail = url("application-question-detail", vetted, application_question_id=foreign_question.pk)
    assert client.patch(detail, {"label": "x"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "pending"

"""Expert sessions through the API: schedule, ask, vote, answer, status filter, bad input, the archive
refusing questions, guest experts, permissions and query counts."""

from datetime import timedelta

import pytest
from django.db import reset_queries
from django.urls import reverse
from django.utils import timezone

from communities.roles import Role
from content.models import ExpertSession
from content.services import sessions as services
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT)


def window(starts_in=timedelta(minutes=-10), hours=1):
    starts = timezone.now() + starts_in
    return {"starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=hours)).isoformat()}


def test_schedule_ask_vote_answer(api_client_for, community, owner, expert):
    payload = {"title": "AMA", "topic": "Film", "expert_id": expert.pk, **window()}
    response = api_client_for(owner).post(api("session-list", community), payload, format="json")
    assert response.status_code == 201, response.content
    session = response.json()
    assert session["status"] == "live" and session["expert"]["membership_id"] == expert.pk
    asker, voter = factories.member(community=community).user, factories.member(community=community).user
    questions = api("session-question-list", community, session["id"])
    question = api_client_for(asker).post(questions, {"body": "Portra or Ektar?"}, format="json").json()
    vote = api("session-question-vote", community, session["id"], question["id"])
    assert api_client_for(voter).post(vote).json()["vote_count"] == 1
    assert_error(api_client_for(voter).post(vote), 409, "session_question_already_voted")
    assert_error(api_client_for(asker).post(vote), 403, "own_session_question_vote")
    answer = api("session-question-answer", community, session["id"], question["id"])
    answered = api_client_for(expert.user).post(answer, {"answer": "Portra *for skin*"}, format="json")
    assert (
        answered.status_code == 200 and answered.json()["answer_html"] == "<p>Portra <em>for skin</em></p>\n"
    )
    assert api_client_for(voter).post(answer, {"answer": "x"}, format="json").status_code == 403
    listed = api_client_for(voter).get(questions).json()["results"]
    assert listed[0]["voted_by_me"] and listed[0]["answered_at"]


def test_questions_to_a_finished_session_are_refused(api_client_for, community, owner, expert):
    session = services.session_schedule(
        actor=owner, community=community, title="AMA", topic="x", expert_id=expert.pk,
        starts_at=timezone.now() - timedelta(minutes=5), ends_at=timezone.now() + timedelta(minutes=5),
    )  # fmt: skip
    ExpertSession.objects.filter(pk=session.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    asker = factories.member(community=community).user
    response = api_client_for(asker).post(
        api("session-question-list", community, session.pk), {"body": "Late"}, format="json"
    )
    assert_error(response, 409, "session_finished")


@pytest.mark.parametrize(
    "change, field",
    [
        ({"expert_id": 0}, "expert_id"),
        ({"ends_at": "2000-01-01T00:00:00Z"}, "ends_at"),
        ({"starts_at": "1800-01-01T00:00:00Z"}, "starts_at"),
        ({"title": ""}, "title"),
        ({"question_count": 3}, "question_count"),
    ],
)
def test_bad_sessions_are_400s(api_client_for, community, owner, expert, change, field):
    payload = {"title": "AMA", "topic": "Film", "expert_id": expert.pk, **window(), **change}
    response = api_client_for(owner).post(api("session-list", community), payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["fields"]
    assert not ExpertSession.objects.exists()


def test_members_cannot_schedule_and_a_member_is_no_expert(api_client_for, community, owner, expert):
    payload = {"title": "AMA", "topic": "Film", "expert_id": expert.pk, **window()}
    member = factories.member(community=community)
    assert (
        api_client_for(member.user).post(api("session-list", community), payload, format="json").status_code
        == 403
    )
    payload["expert_id"] = member.pk
    response = api_client_for(owner).post(api("session-list", community), payload, format="json")
    assert_error(response, 400, "session_invalid")


def test_status_filter(api_client_for, community, owner, expert):
    live = services.session_schedule(
        actor=owner, community=community, title="Live", topic="x", expert_id=expert.pk,
        starts_at=timezone.now() - timedelta(minutes=5), ends_at=timezone.now() + timedelta(minutes=50),
    )  # fmt: skip
    soon = services.session_schedule(
        actor=owner, community=community, title="Soon", topic="x", expert_id=expert.pk,
        starts_at=timezone.now() + timedelta(days=1), ends_at=timezone.now() + timedelta(days=1, hours=1),
    )  # fmt: skip
    client = api_client_for(owner)
    assert [row["id"] for row in client.get(api("session-list", community)).json()["results"]] == [
        live.pk,
        soon.pk,
    ]
    assert [
        row["id"] for row in client.get(api("session-list", community) + "?status=upcoming").json()["results"]
    ] == [soon.pk]
    assert_error(client.get(api("session-list", community) + "?status=someday"), 400, "invalid")


def test_guest_experts_through_the_api(api_client_for, community, owner):
    factories.UserFactory(username="ansel", email="ansel@example.com")
    response = api_client_for(owner).post(
        api("guest-expert-list", community), {"account": "ansel@example.com"}, format="json"
    )
    assert response.status_code == 201 and response.json()["membership"]["role"] == "expert"
    assert_error(
        api_client_for(owner).post(api("guest-expert-list", community), {"account": "ansel"}, format="json"),
        409,
        "guest_already_member",
    )
    assert [
        row["username"]
        for row in api_client_for(owner).get(api("guest-expert-list", community)).json()["results"]
    ] == ["ansel"]


def test_lists_have_a_constant_query_count(
    api_client_for, community, owner, expert, django_assert_max_num_queries
):
    session = services.session_schedule(
        actor=owner, community=community, title="AMA", topic="x", expert_id=expert.pk,
        starts_at=timezone.now() - timedelta(minutes=5), ends_at=timezone.now() + timedelta(hours=5),
    )  # fmt: skip
    viewer = factories.member(community=community).user
    client = api_client_for(viewer)

    def fill(n):
        for i in range(n):
            author = factories.member(community=community).user
            question = services.session_question_ask(
                actor=author, community=community, session=session, body=f"Q{i}"
            )
            services.session_question_vote(actor=viewer, community=community, question=question)
            starts = timezone.now() + timedelta(days=i + 1)
            services.session_schedule(
                actor=owner, community=community, title=f"S{i}", topic="x", expert_id=expert.pk,
                starts_at=starts, ends_at=starts + timedelta(hours=1),
            )  # fmt: skip

    for path in (api("session-question-list", community, session.pk), api("session-list", community)):
        fill(2)
        client.get(path)
        reset_queries()
        with django_assert_max_num_queries(12) as small:
            client.get(path + "?page_size=50")
        limit = len(small)
        fill(10)
        client.get(path)
        reset_queries()
        with django_assert_max_num_queries(limit):
            client.get(path + "?page_size=50")

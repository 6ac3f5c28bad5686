"""Expert session pages: the list, scheduling in the reader's time zone, the question queue (ask, upvote,
answer), the archive refusing questions, guest experts, XSS and constant query counts."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.db import reset_queries
from django.utils import timezone

from communities.roles import Role
from content.models import ExpertSession, SessionQuestion
from content.services import sessions as services
from tests import factories
from tests.content.pages import client_for, url
from tests.content.xss import XSS, assert_inert

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT)


def live_session(community, owner, expert, **kwargs):
    return services.session_schedule(
        actor=owner,
        community=community,
        title=kwargs.get("title", "Night streets AMA"),
        topic="Low light",
        description=kwargs.get("description", ""),
        starts_at=timezone.now() - timedelta(minutes=10),
        ends_at=timezone.now() + timedelta(hours=1),
        expert_id=expert.pk,
    )


def test_operator_schedules_in_their_time_zone(community, owner, expert):
    owner.timezone = "Asia/Tokyo"
    owner.save()
    response = client_for(owner).post(
        url("session-schedule", community),
        {"title": "AMA", "topic": "Film", "expert_id": expert.pk, "starts_at": "2100-01-05T20:00",
         "ends_at": "2100-01-05T21:30", "description": ""},
    )  # fmt: skip
    session = ExpertSession.objects.get()
    assert response.status_code == 302
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    assert session.starts_at == datetime(2100, 1, 5, 20, 0, tzinfo=tokyo)
    reader = factories.member(community=community, user=factories.UserFactory(timezone="Europe/London")).user
    page = client_for(reader).get(url("session-detail", community, session.pk)).content.decode()
    assert "Europe/London" in page and 'datetime="2100-01-05T11:00:00+00:00"' in page


def test_members_ask_and_upvote_and_the_expert_answers(community, owner, expert):
    session = live_session(community, owner, expert)
    asker, voter = factories.member(community=community).user, factories.member(community=community).user
    client_for(asker).post(url("session-detail", community, session.pk), {"body": "Which ISO at night?"})
    question = SessionQuestion.objects.get()
    client_for(voter).post(url("session-question-vote", community, session.pk, question.pk))
    question.refresh_from_db()
    assert question.vote_count == 1
    page = client_for(expert.user).get(url("session-detail", community, session.pk)).content.decode()
    assert url("session-question-answer", community, session.pk, question.pk) in page
    response = client_for(expert.user).post(
        url("session-question-answer", community, session.pk, question.pk), {"answer": "**3200** is fine."}
    )
    assert response.status_code == 302
    page = client_for(asker).get(url("session-detail", community, session.pk)).content.decode()
    assert "<strong>3200</strong>" in page
    # A member may not answer; an empty answer comes back as a form error.
    member_answer = client_for(voter).post(url("session-question-answer", community, session.pk, question.pk))
    assert member_answer.status_code == 403
    empty = client_for(expert.user).post(
        url("session-question-answer", community, session.pk, question.pk), {}
    )
    assert empty.status_code == 200 and empty.context["form"].errors["answer"]


def test_a_finished_session_is_an_archive_that_refuses_questions(community, owner, expert):
    session = live_session(community, owner, expert)
    asker = factories.member(community=community).user
    services.session_question_ask(actor=asker, community=community, session=session, body="Tripod?")
    ExpertSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=1)
    )
    page = client_for(asker).get(url("session-detail", community, session.pk)).content.decode()
    assert "Tripod?" in page and 'name="body"' not in page
    response = client_for(asker).post(url("session-detail", community, session.pk), {"body": "Too late?"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert SessionQuestion.objects.count() == 1
    listing = client_for(asker).get(url("sessions", community)).content.decode()
    assert "Night streets AMA" in listing


def test_guest_expert_page(community, owner):
    factories.UserFactory(username="ansel")
    response = client_for(owner).post(
        url("session-guests", community), {"account": "ansel", "note": "Landscape"}
    )
    assert response.status_code == 302
    page = client_for(owner).get(url("session-guests", community)).content.decode()
    assert "Landscape" in page
    response = client_for(owner).post(url("session-guests", community), {"account": "nobody"})
    assert response.status_code == 200 and response.context["form"].errors["account"]
    member = factories.member(community=community).user
    assert client_for(member).get(url("session-guests", community)).status_code == 403


def test_session_text_is_inert(community, owner, expert):
    body = "\n\n".join(XSS)
    session = live_session(community, owner, expert, title="<script>alert(1)</script>", description=body)
    asker = factories.member(community=community).user
    question = services.session_question_ask(actor=asker, community=community, session=session, body=body)
    services.session_question_answer(actor=expert.user, community=community, question=question, answer=body)
    for page_url in (url("session-detail", community, session.pk), url("sessions", community)):
        assert_inert(client_for(asker).get(page_url).content.decode())


def test_session_pages_have_a_constant_query_count(community, owner, expert, django_assert_max_num_queries):
    session = live_session(community, owner, expert)
    viewer = factories.member(community=community).user
    client = client_for(viewer)

    def fill(n):
        for i in range(n):
            author = factories.member(community=community).user
            question = services.session_question_ask(
                actor=author, community=community, session=session, body=f"Q{i}"
            )
            services.session_question_vote(actor=viewer, community=community, question=question)
            services.session_question_answer(
                actor=expert.user, community=community, question=question, answer="A"
            )
            live_session(community, owner, expert, title=f"S{i}")

    for page in (url("session-detail", community, session.pk), url("sessions", community)):
        fill(2)
        client.get(page)
        reset_queries()
        with django_assert_max_num_queries(30) as small:
            client.get(page)
        limit = len(small)
        fill(10)
        client.get(page)
        reset_queries()
        with django_assert_max_num_queries(limit):
            client.get(page)

"""Q&A pages: the lists with filters, asking, a question with its answers, voting, accepting, XSS, and
constant query counts."""

import pytest
from django.db import reset_queries

from communities.roles import Role
from content.models import Question
from content.services import questions as services
from tests import factories
from tests.content.pages import client_for, url
from tests.content.xss import XSS, assert_inert

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(community):
    return factories.member(community=community).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role=Role.EXPERT).user


def test_member_asks_expert_answers_asker_accepts(community, asker, expert):
    response = client_for(asker).post(
        url("question-ask", community),
        {
            "title": "Why are my night shots noisy?",
            "body": "ISO 6400",
            "tags": "night, noise",
            "skill_level": "",
        },
    )
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "question-detail", community, question.pk
    )
    response = client_for(expert).post(
        url("question-detail", community, question.pk), {"body": "Use a tripod."}
    )
    assert response.status_code == 302
    answer = question.answers.get()
    page = client_for(asker).get(url("question-detail", community, question.pk)).content.decode()
    assert "Use a tripod." in page and "badge-expert" in page
    assert url("answer-accept", community, question.pk, answer.pk) in page
    response = client_for(asker).post(url("answer-accept", community, question.pk, answer.pk))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.accepted_answer_id == answer.pk
    page = client_for(asker).get(url("questions", community)).content.decode()
    assert "Why are my night shots noisy?" in page and "Accepted answer" in page


def test_vote_button_toggles(community, asker, expert):
    question = services.question_ask(actor=asker, community=community, title="Lens?")
    answer = services.answer_post(actor=expert, community=community, question=question, body="50mm")
    vote = url("answer-vote", community, question.pk, answer.pk)
    client_for(asker).post(vote)
    answer.refresh_from_db()
    assert answer.vote_count == 1
    page = client_for(asker).get(url("question-detail", community, question.pk)).content.decode()
    assert 'aria-pressed="true"' in page
    client_for(asker).post(vote)
    answer.refresh_from_db()
    assert answer.vote_count == 0
    # One's own answer has no vote button; a forced POST is refused.
    assert client_for(expert).post(vote).status_code == 403


def test_bystander_cannot_accept(community, asker, expert):
    question = services.question_ask(actor=asker, community=community, title="Lens?")
    answer = services.answer_post(actor=expert, community=community, question=question, body="50mm")
    bystander = factories.member(community=community).user
    page = client_for(bystander).get(url("question-detail", community, question.pk)).content.decode()
    assert url("answer-accept", community, question.pk, answer.pk) not in page
    assert (
        client_for(bystander).post(url("answer-accept", community, question.pk, answer.pk)).status_code == 403
    )
    assert client_for().post(url("answer-accept", community, question.pk, answer.pk)).status_code == 302


def test_answer_of_another_question_in_the_url_is_404(community, asker, expert):
    question = services.question_ask(actor=asker, community=community, title="One")
    other = services.question_ask(actor=asker, community=community, title="Two")
    answer = services.answer_post(actor=expert, community=community, question=other, body="x")
    response = client_for(asker).post(url("answer-accept", community, question.pk, answer.pk))
    assert response.status_code == 404


def test_bad_question_form_shows_field_errors(community, asker):
    response = client_for(asker).post(
        url("question-ask", community), {"title": "", "tags": ",".join(f"t{i}" for i in range(7))}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    response = client_for(asker).post(url("question-ask", community), {"title": "ok", "tags": "a,b,c,d,e,f"})
    assert response.status_code == 200 and response.context["form"].errors["tags"]
    assert not Question.objects.exists()


def test_huge_body_is_a_form_error(community, asker):
    response = client_for(asker).post(url("question-ask", community), {"title": "ok", "body": "x" * 20_001})
    assert response.status_code == 200 and response.context["form"].errors["body"]


def test_markdown_is_rendered_and_script_is_inert(community, asker, expert):
    body = "\n\n".join(XSS)
    question = services.question_ask(
        actor=asker, community=community, title="<script>alert(1)</script>", body=body
    )
    services.answer_post(actor=expert, community=community, question=question, body=body + "\n\n**bold**")
    for page_url in (url("question-detail", community, question.pk), url("questions", community)):
        page = client_for(asker).get(page_url).content.decode()
        assert_inert(page)
    assert (
        "<strong>bold</strong>"
        in client_for(asker).get(url("question-detail", community, question.pk)).content.decode()
    )


def test_filters_and_unanswered_list(community, asker, expert):
    lit = services.question_ask(actor=asker, community=community, title="Lighting", tags=["light"])
    services.question_ask(actor=asker, community=community, title="Gear", tags=["gear"])
    services.answer_post(actor=expert, community=community, question=lit, body="Window light")
    page = client_for(asker).get(url("questions", community) + "?tag=light").content.decode()
    assert "Lighting" in page and "Gear" not in page
    page = client_for(asker).get(url("questions-unanswered", community)).content.decode()
    assert "Gear" in page and "Lighting" not in page
    assert (
        client_for(asker).get(url("questions", community) + "?order=bogus&skill_level=zz").status_code == 200
    )


def test_qa_is_for_members(community, asker):
    question = services.question_ask(actor=asker, community=community, title="Readable")
    assert client_for().get(url("question-detail", community, question.pk)).status_code == 302  # to log in
    outsider = factories.UserFactory()
    assert client_for(outsider).get(url("question-detail", community, question.pk)).status_code == 403
    assert client_for(outsider).get(url("question-ask", community)).status_code == 403


@pytest.mark.parametrize("name", ["questions", "questions-unanswered"])
def test_lists_have_a_constant_query_count(community, asker, name, django_assert_max_num_queries):
    viewer = client_for(asker)

    def fill(n):
        for i in range(n):
            services.question_ask(actor=asker, community=community, title=f"Q{i}", tags=["a", "b"])

    fill(3)
    viewer.get(url(name, community))  # warm: the session, the content types
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(30) as small:
        viewer.get(url(name, community))
    limit = len(small)  # read now: the log is reset before the next count
    fill(17)
    viewer.get(url(name, community))  # warm again: new notices renew the inbox count
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(limit):
        viewer.get(url(name, community))


def test_question_page_has_a_constant_query_count(community, asker, django_assert_max_num_queries):
    question = services.question_ask(actor=asker, community=community, title="Q", tags=["a"])
    viewer = client_for(asker)

    def fill(n):
        for i in range(n):
            author = factories.member(community=community, role=Role.EXPERT).user
            answer = services.answer_post(actor=author, community=community, question=question, body=f"A{i}")
            services.answer_vote(actor=asker, community=community, answer=answer)

    fill(2)
    viewer.get(url("question-detail", community, question.pk))
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(30) as small:
        viewer.get(url("question-detail", community, question.pk))
    limit = len(small)  # read now: the log is reset before the next count
    fill(10)
    viewer.get(
        url("question-detail", community, question.pk)
    )  # warm again: new notices renew the inbox count
    reset_queries()  # the connection keeps at most 9,000 queries: count from an empty log
    with django_assert_max_num_queries(limit):
        viewer.get(url("question-detail", community, question.pk))

"""The "Report" link under each kind of content: for members who may report it, never its author's, and
it names the object so the report form opens on it."""

import pytest
from django.urls import reverse

from content.services import questions as question_services
from tests import factories
from tests.content.critique_helpers import post_work
from tests.content.helpers import discussion_ids, post_rows


def report_href(community, key: str, pk: int) -> str:
    url = reverse("members:report", args=[community.slug])
    return f"{url}?target_type={key}&amp;target_id={pk}"


@pytest.fixture
def reader(community):
    return factories.member(community=community).user


def test_topic_and_reply_carry_report_links_for_others_only(community, owner, writer, reader, client_for):
    ids = discussion_ids(community, owner, writer)  # topic by writer, reply by owner
    url = reverse("content:topic-detail", args=[community.slug, ids["topic_id"]])

    page = client_for(reader).get(url).content.decode()
    assert report_href(community, "content.topic", ids["topic_id"]) in page
    assert report_href(community, "content.reply", ids["reply_id"]) in page

    by_author = client_for(writer).get(url).content.decode()
    assert report_href(community, "content.topic", ids["topic_id"]) not in by_author
    assert report_href(community, "content.reply", ids["reply_id"]) in by_author


def test_post_question_answer_and_work_carry_report_links(community, owner, writer, reader, client_for):
    post = post_rows(community, owner)["post"]
    question = question_services.question_ask(actor=writer, community=community, title="Which lens?")
    answer = question_services.answer_post(actor=owner, community=community, question=question, body="A 35")
    work = post_work(community, writer.memberships.get(community=community))
    client = client_for(reader)

    post_page = client.get(reverse("content:post-detail", args=[community.slug, post.pk])).content.decode()
    assert report_href(community, "content.post", post.pk) in post_page
    question_page = client.get(
        reverse("content:question-detail", args=[community.slug, question.pk])
    ).content.decode()
    assert report_href(community, "content.question", question.pk) in question_page
    assert report_href(community, "content.answer", answer.pk) in question_page
    work_page = client.get(reverse("content:work-detail", args=[community.slug, work.pk])).content.decode()
    assert report_href(community, "content.work", work.pk) in work_page


def test_visitors_and_outsiders_see_no_report_link(community, owner, writer, client_for):
    ids = discussion_ids(community, owner, writer)
    url = reverse("content:topic-detail", args=[community.slug, ids["topic_id"]])
    for user in (None, factories.UserFactory()):
        response = client_for(user).get(url)
        assert "report-link" not in response.content.decode()


def test_the_link_opens_the_form_on_the_object(community, owner, writer, reader, client_for):
    ids = discussion_ids(community, owner, writer)
    response = client_for(reader).get(
        reverse("members:report", args=[community.slug]),
        {"target_type": "content.reply", "target_id": ids["reply_id"]},
    )
    assert response.status_code == 200
    assert f'value="{ids["reply_id"]}"' in response.content.decode()

"""Members edit their own question, answer and work (HTML form and API PATCH) within the rules: a question
until an answer is accepted, an answer until it is accepted, a work until its first critique; operators
always. The page renders the new Markdown and search finds the new words."""

import pytest
from django.urls import reverse

from analytics.models import ActivityEvent
from communities.roles import Role
from content.errors import critiques as critique_errors
from content.errors import questions as errors
from content.models import Answer, Question, SearchEntry, Work
from content.services import critiques as critique_services
from content.services import questions as services
from members.errors import MemberMuted
from members.services import moderation
from tests import factories
from tests.api.helpers import assert_error
from tests.content.critique_helpers import post_work, scores_for, setup
from tests.content.xss import assert_inert

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture
def asker(community):
    return factories.member(community=community)


@pytest.fixture
def answerer(community):
    return factories.member(community=community, role=Role.EXPERT)


@pytest.fixture
def question(community, asker):
    return services.question_ask(
        actor=asker.user, community=community, title="Metering snow", body="Grey snow", tags=["snow"]
    )


@pytest.fixture
def answer(community, question, answerer):
    return services.answer_post(actor=answerer.user, community=community, question=question, body="Add +1")


def words(community, kind, pk) -> str:
    return SearchEntry.objects.get(community=community, kind=kind, object_id=pk).words


# --- Questions ------------------------------------------------------------------------------------------


def test_the_asker_edits_title_text_tags_and_level(community, asker, question, answer):
    edited = services.question_edit(
        actor=asker.user, community=community, question=question, title="  Metering   glaciers ",
        body="Blue *ice*", tags=["Ice", "#snow"], skill_level="beginner",
    )  # fmt: skip
    assert (edited.title, edited.body, edited.skill_level) == ("Metering glaciers", "Blue *ice*", "beginner")
    assert edited.edited_at is not None
    assert sorted(edited.tags.values_list("name", flat=True)) == ["ice", "snow"]
    assert "glaciers" in words(community, "question", question.pk)
    assert "glaciers" in words(community, "answer", answer.pk)  # answers are found under the title
    assert ActivityEvent.objects.filter(verb="question.edited", actor=asker.user).count() == 1


def test_an_unchanged_field_stays(community, asker, question):
    services.question_edit(actor=asker.user, community=community, question=question, body="New")
    question.refresh_from_db()
    assert (question.title, question.body) == ("Metering snow", "New")
    assert list(question.tags.values_list("name", flat=True)) == ["snow"]


def test_no_edit_by_the_asker_after_an_accepted_answer_but_operators_may(community, asker, question, answer):
    services.answer_accept(actor=asker.user, community=community, question=question, answer=answer)
    with pytest.raises(errors.QuestionNotEditable):
        services.question_edit(actor=asker.user, community=community, question=question, title="Other")
    moderator = factories.member(community=community, role=Role.MODERATOR).user
    services.question_edit(actor=moderator, community=community, question=question, title="Tidied")
    assert Question.objects.get(pk=question.pk).title == "Tidied"


def test_others_may_not_edit_and_bad_input_writes_nothing(community, question, answerer):
    with pytest.raises(errors.QuestionNotEditable):
        services.question_edit(actor=answerer.user, community=community, question=question, title="Mine")
    with pytest.raises(errors.QuestionInvalid) as caught:
        services.question_edit(
            actor=question.author.user, community=community, question=question, title=" ", body="x"
        )
    assert "title" in caught.value.fields
    question.refresh_from_db()
    assert (question.title, question.body, question.edited_at) == ("Metering snow", "Grey snow", None)


def test_a_muted_asker_cannot_edit(community, asker, question):
    owner = factories.member(community=community, role=Role.OWNER).user
    moderation.member_mute(actor=owner, community=community, membership=asker, days=1, reason="Calm down")
    with pytest.raises(MemberMuted):
        services.question_edit(actor=asker.user, community=community, question=question, title="Loud")


# --- Answers --------------------------------------------------------------------------------------------


def test_the_author_edits_an_answer_until_it_is_accepted(community, asker, question, answer, answerer):
    services.answer_edit(actor=answerer.user, community=community, answer=answer, body="Add +1.7 EV")
    assert Answer.objects.get(pk=answer.pk).edited_at is not None
    assert "ev" in words(community, "answer", answer.pk)
    with pytest.raises(errors.AnswerNotEditable):
        services.answer_edit(actor=asker.user, community=community, answer=answer, body="Hijack")
    with pytest.raises(errors.QuestionInvalid):
        services.answer_edit(actor=answerer.user, community=community, answer=answer, body="  ")
    services.answer_accept(actor=asker.user, community=community, question=question, answer=answer)
    with pytest.raises(errors.AnswerNotEditable):
        services.answer_edit(actor=answerer.user, community=community, answer=answer, body="Changed")
    assert Answer.objects.get(pk=answer.pk).body == "Add +1.7 EV"


def test_edit_pages_for_question_and_answer(client_for, community, asker, question, answer, answerer):
    page = client_for(asker.user).get(reverse("content:question-detail", args=[community.slug, question.pk]))
    assert reverse("content:question-edit", args=[community.slug, question.pk]) in page.content.decode()
    url = reverse("content:question-edit", args=[community.slug, question.pk])
    form = client_for(asker.user).get(url)
    assert form.status_code == 200 and "Grey snow" in form.content.decode()
    response = client_for(asker.user).post(
        url, {"title": "Metering snow", "body": "<script>alert(1)</script> **bright**", "tags": "snow, ice"}
    )
    assert response.status_code == 302
    page = client_for(asker.user).get(response["Location"]).content.decode()
    assert "<strong>bright</strong>" in page
    assert_inert(page)
    answer_url = reverse("content:answer-edit", args=[community.slug, question.pk, answer.pk])
    assert client_for(answerer.user).post(answer_url, {"body": "Plus one"}).status_code == 302
    assert Answer.objects.get(pk=answer.pk).body == "Plus one"
    refused = client_for(asker.user).get(answer_url)  # not their answer: a flash message, not a form
    assert refused.status_code == 302 and refused["Location"] != answer_url
    invalid = client_for(answerer.user).post(answer_url, {"body": ""})
    assert invalid.status_code == 200 and invalid.context["form"].errors


def test_api_patch_question_and_answer(api_client_for, community, asker, question, answer, answerer):
    url = api("question-detail", community, question.pk)
    response = api_client_for(asker.user).patch(url, {"body": "New *text*"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["body_html"] == "<p>New <em>text</em></p>\n" and body["edited_at"]
    assert body["title"] == "Metering snow" and body["tags"] == ["snow"]
    assert_error(
        api_client_for(answerer.user).patch(url, {"title": "x"}, format="json"), 400, "question_not_editable"
    )
    assert_error(api_client_for(asker.user).patch(url, {"title": ""}, format="json"), 400, "blank")
    assert_error(
        api_client_for(asker.user).patch(url, {"colour": "red"}, format="json"), 400, "unknown_field"
    )
    answer_url = api("answer-detail", community, question.pk, answer.pk)
    response = api_client_for(answerer.user).patch(answer_url, {"body": "Plus **one**"}, format="json")
    assert (
        response.status_code == 200 and response.json()["body_html"] == "<p>Plus <strong>one</strong></p>\n"
    )
    assert_error(
        api_client_for(asker.user).patch(answer_url, {"body": "x"}, format="json"), 400, "answer_not_editable"
    )


def test_api_patch_of_another_communitys_question_is_a_404(api_client_for, community, question):
    other = factories.CommunityFactory()
    stranger = factories.member(community=other).user
    response = api_client_for(stranger).patch(
        api("question-detail", other, question.pk), {"title": "x"}, format="json"
    )
    assert response.status_code == 404


# --- Works ----------------------------------------------------------------------------------------------


def test_the_author_edits_a_work_until_its_first_critique():
    community, owner, author, critic, criteria = setup()
    work = post_work(community, author)
    edited = critique_services.work_edit(
        actor=author.user, community=community, work=work, title="Evening market",
        description="Warmer *light*", links=["https://example.com/v2"],
    )  # fmt: skip
    assert (edited.title, edited.links) == ("Evening market", ["https://example.com/v2"])
    assert edited.edited_at is not None
    with pytest.raises(critique_errors.LinksInvalid):
        critique_services.work_edit(actor=author.user, community=community, work=work, links=["ftp://x"])
    with pytest.raises(critique_errors.WorkEmpty):
        critique_services.work_edit(actor=author.user, community=community, work=work, links=[])
    with pytest.raises(critique_errors.WorkNotEditable):
        critique_services.work_edit(actor=critic.user, community=community, work=work, title="Mine")
    critique_services.critique_give(
        actor=critic.user, community=community, work=work, overall="Nice", scores=scores_for(criteria)
    )
    with pytest.raises(critique_errors.WorkNotEditable):
        critique_services.work_edit(actor=author.user, community=community, work=work, title="Late")
    critique_services.work_edit(actor=owner, community=community, work=work, title="Operator's fix")
    assert Work.objects.get(pk=work.pk).title == "Operator's fix"


def test_work_edit_page_and_api():
    from django.test import Client
    from rest_framework.test import APIClient

    community, _owner, author, critic, _criteria = setup()
    work = post_work(community, author)
    browser = Client()
    browser.force_login(author.user)
    url = reverse("content:work-edit", args=[community.slug, work.pk])
    assert "https://example.com/photo" in browser.get(url).content.decode()
    response = browser.post(
        url, {"title": "Dawn", "description": "**Fog**", "links": "https://example.com/a"}
    )
    assert response.status_code == 302
    page = browser.get(response["Location"]).content.decode()
    assert "<strong>Fog</strong>" in page and url in page
    client = APIClient()
    client.force_authenticate(critic.user)
    detail = api("work-detail", community, work.pk)
    assert_error(client.patch(detail, {"title": "x"}, format="json"), 400, "work_not_editable")
    client.force_authenticate(author.user)
    response = client.patch(detail, {"links": ["https://example.com/b"]}, format="json")
    assert response.status_code == 200 and response.json()["links"] == ["https://example.com/b"]
    assert response.json()["title"] == "Dawn" and response.json()["edited_at"]

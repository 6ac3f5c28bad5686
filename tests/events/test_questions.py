"""Editing registration questions (API and pages): the wording, hint and required flag change and the
answers already given stay readable under the new wording; the order changes; bad input is a 400 with
field errors or a form error; a type cannot be set (questions are free text); hosts may, other members
may not; another event's question is a 404."""

import pytest
from django.urls import reverse

from events.errors.registrations import AnswersInvalid
from events.models import RegistrationQuestion
from events.selectors.registrations import registration_export
from events.services import questions as question_services
from events.services import registrations as registration_services
from tests import factories
from tests.api.helpers import assert_error
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def page(name, community, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": community.slug, **kwargs})


@pytest.fixture
def asked(community, owner):
    """An event with two questions, the first answered by a member."""
    event = make_event(community, owner)
    first, second = (
        question_services.registration_question_create(
            actor=owner, community=community, event=event, label=label
        )
        for label in ("Your camera?", "Your lens?")
    )
    member = factories.member(community=community)
    registration = registration_services.registration_create(
        actor=member.user, community=community, event=event, answers={str(first.pk): "Leica M6"}
    )
    return event, first, second, registration


def export_rows(community, event):
    export = registration_export(community=community, event=event)
    return [str(cell) for cell in export.header], [list(row) for row in export.rows]


def test_editing_the_wording_keeps_the_answers(api_client_for, community, owner, asked):
    event, first, _second, registration = asked
    url = api("event-question-detail", community, event_id=event.pk, registration_question_id=first.pk)
    response = api_client_for(owner).patch(
        url, {"label": "Which camera will you bring?", "required": True, "help_text": "Film or digital"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json() == {
        "id": first.pk,
        "label": "Which camera will you bring?",
        "help_text": "Film or digital",
        "required": True,
        "position": 1,
    }
    header, rows = export_rows(community, event)
    assert "Which camera will you bring?" in header
    assert rows[0][header.index("Which camera will you bring?")] == "Leica M6"
    registration.refresh_from_db()
    assert registration.answers == {str(first.pk): "Leica M6"}
    newcomer = factories.member(community=community)
    with pytest.raises(AnswersInvalid):  # required from now on: asked of those who register now
        registration_services.registration_create(actor=newcomer.user, community=community, event=event)


def test_bad_edits_are_400_with_field_errors(api_client_for, community, owner, asked):
    event, first, _second, _registration = asked
    client = api_client_for(owner)
    url = api("event-question-detail", community, event_id=event.pk, registration_question_id=first.pk)
    blank = assert_error(client.patch(url, {"label": "   "}, format="json"), 400, "blank")
    assert "label" in blank["fields"]
    assert "label" in client.patch(url, {"label": "x" * 201}, format="json").json()["fields"]
    kind = assert_error(client.patch(url, {"kind": "choice"}, format="json"), 400, "unknown_field")
    assert "kind" in kind["fields"]
    assert client.patch(url, {"required": "perhaps"}, format="json").status_code == 400
    assert RegistrationQuestion.objects.get(pk=first.pk).label == "Your camera?"


def test_reorder_names_every_question_once(api_client_for, community, owner, asked):
    event, first, second, _registration = asked
    client = api_client_for(owner)
    url = api("event-question-reorder", community, event_id=event.pk)
    response = client.post(url, {"question_ids": [second.pk, first.pk]}, format="json")
    assert [q["id"] for q in response.json()] == [second.pk, first.pk]
    listed = client.get(api("event-question-list", community, event_id=event.pk)).json()
    assert [q["label"] for q in listed] == ["Your lens?", "Your camera?"]
    for ids in ([second.pk], [first.pk, first.pk], [first.pk, second.pk, 2**40]):
        assert_error(client.post(url, {"question_ids": ids}, format="json"), 400, "question_order_invalid")
    assert client.post(url, {"question_ids": "all"}, format="json").status_code == 400
    assert [q["id"] for q in client.get(api("event-question-list", community, event_id=event.pk)).json()] == [
        second.pk,
        first.pk,
    ]


def test_hosts_may_edit_members_may_not_and_other_events_questions_are_404(
    api_client_for, community, owner, asked
):
    event, first, _second, _registration = asked
    host = factories.member(community=community)
    hosted = make_event(community, owner, title="Hosted", host_ids=[host.pk])
    own = question_services.registration_question_create(
        actor=owner, community=community, event=hosted, label="Tripod?"
    )
    client = api_client_for(host.user)
    own_url = api("event-question-detail", community, event_id=hosted.pk, registration_question_id=own.pk)
    assert client.patch(own_url, {"label": "A tripod?"}, format="json").json()["label"] == "A tripod?"
    other_url = api("event-question-detail", community, event_id=event.pk, registration_question_id=first.pk)
    assert client.patch(other_url, {"label": "Mine"}, format="json").status_code == 403
    member = factories.member(community=community).user
    assert api_client_for(member).patch(own_url, {"label": "Mine"}, format="json").status_code == 403
    crossed = api("event-question-detail", community, event_id=hosted.pk, registration_question_id=first.pk)
    assert_error(
        client.patch(crossed, {"label": "Mine"}, format="json"), 404, "registration_question_not_found"
    )
    assert RegistrationQuestion.objects.get(pk=first.pk).label == "Your camera?"


def test_the_edit_page_and_the_move_buttons(client_for, community, owner, asked):
    event, first, second, _registration = asked
    client = client_for(owner)
    edit = page("question-edit", community, event_id=event.pk, registration_question_id=first.pk)
    form = client.get(edit)
    assert form.status_code == 200 and 'value="Your camera?"' in form.content.decode()
    blank = client.post(edit, {"label": "", "help_text": ""})
    assert blank.status_code == 200 and "errorlist" in blank.content.decode()
    saved = client.post(edit, {"label": "Camera body?", "required": "on"})
    assert saved.status_code == 302
    first.refresh_from_db()
    assert first.label == "Camera body?" and first.required
    registrations = client.get(page("registrations", community, event_id=event.pk)).content.decode()
    assert "Camera body?" in registrations and "Leica M6" in registrations
    move = page("question-move", community, event_id=event.pk, registration_question_id=second.pk)
    assert client.post(move, {"direction": "up"}).status_code == 302
    order = list(
        RegistrationQuestion.objects.filter(event=event).order_by("position").values_list("pk", flat=True)
    )
    assert order == [second.pk, first.pk]
    member = factories.member(community=community).user
    assert client_for(member).get(edit).status_code == 403
    assert client_for(member).post(move, {"direction": "down"}).status_code == 403


def test_a_host_edits_their_events_question_on_the_page(client_for, community, owner):
    host = factories.member(community=community)
    event = make_event(community, owner, host_ids=[host.pk])
    question = question_services.registration_question_create(
        actor=owner, community=community, event=event, label="Tripod?"
    )
    edit = page("question-edit", community, event_id=event.pk, registration_question_id=question.pk)
    client = client_for(host.user)
    assert client.get(edit).status_code == 200
    assert client.post(edit, {"label": "Bring a tripod?"}).status_code == 302
    question.refresh_from_db()
    assert question.label == "Bring a tripod?" and not question.required

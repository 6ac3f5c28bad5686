"""Onboarding in the API: my checklist, introductions, steps (operators) and progress."""

import pytest
from django.urls import reverse

from members.models import OnboardingStep
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def test_checklist_and_introductions(api_client_for, community):
    member = factories.member(community=community)
    client = api_client_for(member.user)
    assert [item["done"] for item in client.get(url("onboarding-checklist", community)).json()] == [False] * 4
    assert client.post(url("onboarding-introductions", community), {"text": "Hello there"}).status_code == 201
    assert client.post(url("onboarding-introductions", community), {"text": ""}).status_code == 400
    done = {
        item["step"]["verb"]: item["done"]
        for item in client.get(url("onboarding-checklist", community)).json()
    }
    assert done["introduction.posted"] is True
    intros = api_client_for(factories.member(community=community).user).get(
        url("onboarding-introductions", community)
    )
    assert [row["text"] for row in intros.json()] == ["Hello there"]


def test_steps_are_managed_by_operators(api_client_for, community):
    owner = api_client_for(factories.member(community=community, role="owner").user)
    created = owner.post(url("onboarding-step-list", community), {"title": "Ask", "verb": "question.asked"})
    assert created.status_code == 201 and created.json()["position"] == 4  # after the 4 defaults
    conflict = owner.post(
        url("onboarding-step-list", community), {"title": "Again", "verb": "question.asked"}
    )
    assert conflict.status_code == 409 and conflict.json()["code"] == "onboarding_verb_taken"
    step_url = url("onboarding-step-detail", community, onboarding_step_id=created.json()["id"])
    assert owner.patch(step_url, {"title": "Ask a question"}).json()["title"] == "Ask a question"
    member = api_client_for(factories.member(community=community).user)
    assert member.patch(step_url, {"title": "x"}).status_code == 403
    assert owner.delete(step_url).status_code == 204
    other = OnboardingStep.objects.create(community=factories.CommunityFactory(), title="x", verb="x")
    assert (
        owner.delete(url("onboarding-step-detail", community, onboarding_step_id=other.pk)).status_code == 404
    )


def test_progress_for_operators(api_client_for, community):
    owner = factories.member(community=community, role="owner")
    factories.member(community=community)
    body = api_client_for(owner.user).get(url("onboarding-progress", community), {"days": "7"}).json()
    assert body["days"] == 7 and len(body["members"]) == 2
    assert sum(row["stopped_here"] for row in body["steps"]) + body["finished"] == 2
    member = api_client_for(factories.member(community=community).user)
    assert member.get(url("onboarding-progress", community)).status_code == 403

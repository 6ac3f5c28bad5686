"""Lists of learning cost the same for a few rows or many: the review queue, submissions and enrolments
over the API, a path's members' progress, and the plan."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from learning.services import progress
from tests import factories
from tests.learning.helpers import make_path, setup_community

pytestmark = pytest.mark.django_db


def cost(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200, response.content
    return len(captured)


def add_learners(community, path, step, count):
    for _ in range(count):
        learner = factories.member(community=community)
        progress.enrolment_create(actor=learner.user, community=community, path=path)
        progress.submission_create(actor=learner.user, community=community, path=path, step=step, body="Work")


def test_review_lists_and_progress_cost_the_same_for_more_rows():
    community, owner = setup_community()
    path, (step,) = make_path(community, owner, steps=("submit",))
    add_learners(community, path, step, 2)
    browser = Client()
    browser.force_login(owner.user)
    api = APIClient()
    api.force_authenticate(owner.user)
    base = f"/api/v1/communities/{community.slug}/learning/"
    calls = [
        lambda: browser.get(reverse("learning:reviews", args=[community.slug])),
        lambda: browser.get(reverse("learning:path-progress", args=[community.slug, path.pk])),
        lambda: api.get(base + "submissions/"),
        lambda: api.get(base + f"paths/{path.pk}/enrolments/"),
    ]
    [cost(call) for call in calls]  # the first visit of the day writes it (communities.visits)
    before = [cost(call) for call in calls]
    add_learners(community, path, step, 5)
    assert [cost(call) for call in calls] == before


def test_the_plan_costs_the_same_for_more_paths():
    community, owner = setup_community()
    member = factories.member(community=community)
    browser = Client()
    browser.force_login(member.user)
    api = APIClient()
    api.force_authenticate(member.user)
    path, _ = make_path(community, owner, steps=("done", "attend", "quiz"))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    calls = [
        lambda: browser.get(reverse("learning:plan", args=[community.slug])),
        lambda: api.get(f"/api/v1/communities/{community.slug}/learning/plan/"),
    ]
    [cost(call) for call in calls]  # the first visit of the day writes it (communities.visits)
    before = [cost(call) for call in calls]
    for index in range(4):
        more, _ = make_path(community, owner, steps=("done", "attend", "submit"), track=f"t{index}")
        progress.enrolment_create(actor=member.user, community=community, path=more)
    assert [cost(call) for call in calls] == before

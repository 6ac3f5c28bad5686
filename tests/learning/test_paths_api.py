"""Learning over the API: paths with filters, steps, prerequisites, enrolling, completing, work and its
review, quizzes, mentors, the plan and goals; bad input is a 400/409 with its code, nothing half-written."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from learning.models import LearningGoal, PathStep, StepPrerequisite, StepProgress, Submission
from learning.services import paths as services
from learning.services import progress
from tests import factories
from tests.api.helpers import assert_error, query_count
from tests.learning.helpers import make_path, setup_community

pytestmark = pytest.mark.django_db


def api(membership) -> APIClient:
    client = APIClient()
    client.force_authenticate(membership.user)
    return client


def base(community) -> str:
    return f"/api/v1/communities/{community.slug}/learning/"


@pytest.fixture
def world():
    community, owner = setup_community()
    return community, owner, factories.member(community=community)


def test_paths_are_listed_with_filters_at_a_fixed_cost(world):
    community, owner, member = world
    make_path(community, owner, track="portrait", level="beginner")
    make_path(community, owner, track="street", level="advanced")
    make_path(community, owner, track="street", level="beginner", publish=False)
    client = api(member)
    body = client.get(base(community) + "paths/").json()
    assert body["count"] == 2
    street = client.get(base(community) + "paths/?track=Street").json()["results"]
    assert [p["level"] for p in street] == ["advanced"]
    assert api(owner).get(base(community) + "paths/?status=draft").json()["count"] == 1
    few = query_count(lambda: client.get(base(community) + "paths/"))
    for index in range(6):
        make_path(community, owner, track=f"t{index}")
    assert query_count(lambda: client.get(base(community) + "paths/")) == few


def test_operators_build_paths_and_bad_input_is_refused(world):
    community, owner, member = world
    assert api(member).post(base(community) + "paths/", {}, format="json").status_code == 403
    client = api(owner)
    assert_error(
        client.post(base(community) + "paths/", {"title": "P", "track": "x", "level": "guru"}, format="json"),
        400,
        "path_invalid",
    )
    created = client.post(
        base(community) + "paths/", {"title": "P", "track": "X", "level": "beginner"}, format="json"
    )
    assert created.status_code == 201 and created.json()["track"] == "x"
    path_id = created.json()["id"]
    steps = base(community) + f"paths/{path_id}/steps/"
    assert_error(
        client.post(base(community) + f"paths/{path_id}/publish/", {}, format="json"), 400, "path_empty"
    )
    one = client.post(
        steps, {"title": "A", "goal": "g", "material_kind": "text", "material_text": "t"}, format="json"
    )
    two = client.post(
        steps,
        {"title": "B", "goal": "g", "material_kind": "link", "material_url": "https://x.org"},
        format="json",
    )
    assert one.status_code == two.status_code == 201
    a, b = one.json()["id"], two.json()["id"]
    ok = client.put(steps + f"{b}/prerequisites/", {"requires_ids": [a]}, format="json")
    assert ok.status_code == 200 and ok.json()["requires_ids"] == [a]
    assert_error(
        client.put(steps + f"{a}/prerequisites/", {"requires_ids": [b]}, format="json"),
        400,
        "prerequisite_cycle",
    )
    assert StepPrerequisite.objects.count() == 1
    moved = client.post(steps + f"{b}/move/", {"offset": -1}, format="json")
    assert moved.json()["position"] == 0
    assert_error(
        client.post(steps, {"title": "C", "goal": "g", "material_kind": "post"}, format="json"),
        400,
        "step_invalid",
    )
    assert PathStep.objects.count() == 2
    assert (
        client.post(base(community) + f"paths/{path_id}/publish/", {}, format="json").json()["status"]
        == "published"
    )


def test_a_member_enrols_completes_once_and_cannot_skip(world):
    community, owner, member = world
    path, (first, second) = make_path(community, owner)
    services.step_prerequisites_set(
        actor=owner.user, community=community, path=path, step=second, requires_ids=[first.pk]
    )
    client = api(member)
    steps = base(community) + f"paths/{path.pk}/steps/"
    assert_error(client.post(steps + f"{first.pk}/complete/"), 400, "not_enrolled")
    assert client.post(base(community) + f"paths/{path.pk}/enrolments/").status_code == 201
    assert_error(client.post(base(community) + f"paths/{path.pk}/enrolments/"), 409, "already_enrolled")
    assert_error(client.post(steps + f"{second.pk}/complete/"), 400, "prerequisites_pending")
    done = client.post(steps + f"{first.pk}/complete/")
    assert done.status_code == 200 and done.json()["next_step_id"] == second.pk
    assert_error(client.post(steps + f"{first.pk}/complete/"), 409, "step_already_completed")
    assert StepProgress.objects.count() == 1
    enrolments = client.get(base(community) + f"paths/{path.pk}/enrolments/").json()["results"]
    assert [e["completed_count"] for e in enrolments] == [1]


def test_work_is_reviewed_by_a_mentor_never_by_its_author(world):
    community, owner, member = world
    mentor = factories.member(community=community)
    path, (step,) = make_path(community, owner, steps=("submit",))
    appoint = api(owner).post(
        base(community) + f"paths/{path.pk}/mentors/", {"membership_id": mentor.pk}, format="json"
    )
    assert appoint.status_code == 201
    assert (
        api(member)
        .post(base(community) + f"paths/{path.pk}/mentors/", {"membership_id": member.pk}, format="json")
        .status_code
        == 403
    )
    for who in (member, mentor):
        progress.enrolment_create(actor=who.user, community=community, path=path)
    submit = base(community) + f"paths/{path.pk}/steps/{step.pk}/submissions/"
    assert_error(api(member).post(submit, {"body": ""}, format="json"), 400, "blank")
    work = api(member).post(submit, {"body": "My essay", "link": "https://example.com/essay"}, format="json")
    assert work.status_code == 201
    own = api(mentor).post(submit, {"body": "Mine"}, format="json").json()
    review = base(community) + "submissions/{}/review/"
    assert_error(
        api(mentor).post(
            review.format(own["id"]), {"outcome": "approved", "feedback": "Good"}, format="json"
        ),
        400,
        "own_work",
    )
    assert api(member).post(
        review.format(work.json()["id"]), {"outcome": "approved", "feedback": "x"}, format="json"
    ).status_code in (403, 404)
    reviewed = api(mentor).post(
        review.format(work.json()["id"]), {"outcome": "try_again", "feedback": "Shorter."}, format="json"
    )
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "try_again"
    assert reviewed.json()["reviewer"] == mentor.user.username
    assert_error(
        api(owner).post(
            review.format(work.json()["id"]), {"outcome": "approved", "feedback": "ok"}, format="json"
        ),
        409,
        "already_reviewed",
    )
    mine = api(member).get(base(community) + "submissions/").json()
    assert [s["feedback"] for s in mine["results"]] == ["Shorter."]
    assert (
        api(factories.member(community=community)).get(base(community) + "submissions/").json()["count"] == 0
    )
    assert Submission.objects.filter(status="pending").count() == 1


def test_a_quiz_attempt_is_answered_once_and_the_answer_hidden_from_members(world):
    community, owner, member = world
    path, (step,) = make_path(community, owner, steps=("quiz",))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    client = api(member)
    detail = client.get(base(community) + f"paths/{path.pk}/steps/{step.pk}/").json()
    assert [q["correct"] for q in detail["questions"]] == [None, None]
    assert (
        api(owner)
        .get(base(community) + f"paths/{path.pk}/steps/{step.pk}/")
        .json()["questions"][0]["correct"]
        == 0
    )
    attempts = base(community) + f"paths/{path.pk}/steps/{step.pk}/attempts/"
    attempt = client.post(attempts).json()
    assert_error(
        client.post(attempts + "answer/", {"attempt_id": attempt["id"], "answers": [0]}, format="json"),
        400,
        "answers_invalid",
    )
    marked = client.post(
        attempts + "answer/", {"attempt_id": attempt["id"], "answers": [0, 1]}, format="json"
    )
    assert marked.status_code == 200 and marked.json()["passed"] is True
    assert_error(
        client.post(attempts + "answer/", {"attempt_id": attempt["id"], "answers": [0, 1]}, format="json"),
        409,
        "attempt_answered",
    )


def test_the_plan_and_goals_are_the_members_own(world):
    community, owner, member = world
    path, (first, _second) = make_path(community, owner)
    progress.enrolment_create(actor=member.user, community=community, path=path)
    progress.step_complete(actor=member.user, community=community, path=path, step=first)
    client = api(member)
    target = (date.today() + timedelta(days=7)).isoformat()
    goal = client.post(
        base(community) + "goals/",
        {"title": "Ten portraits", "target_date": target, "path_id": path.pk},
        format="json",
    )
    assert goal.status_code == 201
    assert (
        client.post(
            base(community) + "goals/", {"title": "x", "target_date": "3000-01-01"}, format="json"
        ).status_code
        == 400
    )
    plan = client.get(base(community) + "plan/").json()
    assert plan["streak"] == 1 and plan["paths"][0]["percent"] == 50
    assert [t["step_id"] for t in plan["today"]] == [_second.pk]
    other = api(factories.member(community=community))
    assert_error(
        other.post(base(community) + "goals/reached/", {"goal_id": goal.json()["id"]}, format="json"),
        404,
        "goal_not_found",
    )
    assert other.get(base(community) + "goals/").json() == []
    reached = client.post(base(community) + "goals/reached/", {"goal_id": goal.json()["id"]}, format="json")
    assert reached.json()["done_at"] is not None
    assert (
        client.post(
            base(community) + "goals/remove/", {"goal_id": goal.json()["id"]}, format="json"
        ).status_code
        == 204
    )
    assert not LearningGoal.objects.exists()


def test_another_communitys_path_is_not_found(world):
    community, owner, _member = world
    other, other_owner = setup_community()
    path, _ = make_path(other, other_owner)
    assert_error(api(owner).get(base(community) + f"paths/{path.pk}/"), 404, "path_not_found")

"""Learning pages: the home with filters, a path, enrolling, a step (done, work, quiz), the review queue,
the editor for operators and mentors, copying, mentors, members' progress and the plan."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from learning.models import (
    Enrolment,
    LearningGoal,
    LearningPath,
    PathStep,
    QuizAttempt,
    StepProgress,
    Submission,
)
from learning.services import paths as services
from learning.services import progress
from tests import factories
from tests.learning.helpers import make_path, setup_community

pytestmark = pytest.mark.django_db


def client(membership) -> Client:
    browser = Client()
    browser.force_login(membership.user)
    return browser


@pytest.fixture
def world():
    community, owner = setup_community()
    return community, owner, factories.member(community=community)


def url(name, community, *args):
    return reverse(f"learning:{name}", args=[community.slug, *args])


def test_home_lists_paths_filtered_by_track_and_level_with_a_pinned_query_count(
    world, django_assert_max_num_queries
):
    community, owner, member = world
    make_path(community, owner, track="portrait", level="beginner")
    make_path(community, owner, track="street", level="advanced")
    browser = client(member)
    page = browser.get(url("home", community))
    assert page.status_code == 200
    assert b"Path portrait beginner" in page.content and b"Path street advanced" in page.content
    assert reverse("learning:home", args=[community.slug]).encode() in page.content  # the nav entry
    filtered = browser.get(url("home", community) + "?track=Street&level=advanced")
    assert b"Path street advanced" in filtered.content and b"Path portrait beginner" not in filtered.content
    with django_assert_max_num_queries(30) as few:
        browser.get(url("home", community))
    for index in range(8):
        make_path(community, owner, track=f"track{index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert browser.get(url("home", community)).status_code == 200


def test_a_member_enrols_and_completes_the_next_step(world):
    community, owner, member = world
    path, (first, _second) = make_path(community, owner)
    browser = client(member)
    assert browser.post(url("path-enrol", community, path.pk)).status_code == 302
    page = browser.get(url("path", community, path.pk))
    assert b"Next step" in page.content
    browser.post(url("step-complete", community, path.pk, first.pk))
    assert StepProgress.objects.filter(step=first, membership=member).exists()
    twice = browser.post(url("step-complete", community, path.pk, first.pk), follow=True)
    assert twice.status_code == 200 and StepProgress.objects.filter(step=first).count() == 1
    assert b"already completed" in twice.content


def test_skipping_a_step_with_prerequisites_is_refused_with_a_message(world):
    community, owner, member = world
    path, (first, second) = make_path(community, owner)
    services.step_prerequisites_set(
        actor=owner.user, community=community, path=path, step=second, requires_ids=[first.pk]
    )
    progress.enrolment_create(actor=member.user, community=community, path=path)
    response = client(member).post(url("step-complete", community, path.pk, second.pk), follow=True)
    assert response.status_code == 200
    assert b"prerequisites first" in response.content
    assert not StepProgress.objects.exists()


def test_work_is_submitted_then_reviewed_from_the_queue(world):
    community, owner, member = world
    path, (step,) = make_path(community, owner, steps=("submit",))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    browser = client(member)
    empty = browser.post(url("step", community, path.pk, step.pk), {"body": ""})
    assert empty.status_code == 200 and b"errorlist" in empty.content
    browser.post(url("step", community, path.pk, step.pk), {"body": "My photo essay", "link": ""})
    work = Submission.objects.get()
    assert client(member).get(url("reviews", community)).status_code == 403
    reviewer = client(owner)
    assert b"My photo essay" in reviewer.get(url("reviews", community)).content
    missing = reviewer.post(url("review", community, work.pk), {"outcome": "try_again", "feedback": ""})
    assert missing.status_code == 200 and b"errorlist" in missing.content
    reviewer.post(url("review", community, work.pk), {"outcome": "try_again", "feedback": "Tighter crops."})
    work.refresh_from_db()
    assert work.status == "try_again"
    assert b"Tighter crops." in browser.get(url("step", community, path.pk, step.pk)).content


def test_a_quiz_is_taken_and_marked_and_an_attempt_answered_once(world):
    community, owner, member = world
    path, (step,) = make_path(community, owner, steps=("quiz",))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    browser = client(member)
    browser.post(url("quiz-start", community, path.pk, step.pk))
    attempt = QuizAttempt.objects.get()
    page = browser.get(url("step", community, path.pk, step.pk))
    assert b"Which is a lens?" in page.content and b"Send my answers" in page.content
    answers = {"attempt_id": attempt.pk, "q0": 0, "q1": 1}
    browser.post(url("quiz-answer", community, path.pk, step.pk), answers)
    assert StepProgress.objects.filter(step=step).exists()
    again = browser.post(url("quiz-answer", community, path.pk, step.pk), answers, follow=True)
    assert again.status_code == 200 and b"already answered" in again.content


def test_operators_build_a_path_and_members_may_not(world):
    community, owner, member = world
    assert client(member).get(url("path-create", community)).status_code == 403
    browser = client(owner)
    browser.post(url("path-create", community), {"title": "Light", "track": "Lighting", "level": "beginner"})
    path = LearningPath.objects.get(title="Light")
    assert path.track == "lighting"
    step_url = url("step-create", community, path.pk)
    assert browser.get(step_url).status_code == 200
    bad = browser.post(
        step_url,
        {
            "title": "Quiz",
            "goal": "g",
            "material_kind": "text",
            "material_text": "t",
            "completion": "quiz",
            "effort_minutes": 10,
            "pass_mark": 50,
            "quiz": "? Only",
        },
    )
    assert bad.status_code == 200 and not PathStep.objects.exists()
    quiz = "? Which is wider?\n* 24mm\n- 85mm"
    browser.post(
        step_url,
        {
            "title": "Quiz",
            "goal": "g",
            "material_kind": "text",
            "material_text": "t",
            "completion": "quiz",
            "effort_minutes": 10,
            "pass_mark": 50,
            "quiz": quiz,
        },
    )
    step = PathStep.objects.get()
    assert step.questions.get().correct == 0
    browser.post(url("path-publish", community, path.pk))
    path.refresh_from_db()
    assert path.is_published


def test_a_mentor_edits_their_path_and_follows_its_members(world):
    community, owner, member = world
    mentor = factories.member(community=community)
    path, (first, second) = make_path(community, owner)
    browser = client(mentor)
    assert browser.get(url("path-edit", community, path.pk)).status_code == 403
    client(owner).post(url("path-mentors", community, path.pk), {"membership_id": mentor.pk})
    assert browser.get(url("path-edit", community, path.pk)).status_code == 200
    browser.post(url("step-move", community, path.pk, second.pk), {"direction": "up"})
    assert list(PathStep.objects.filter(path=path).order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    services.step_prerequisites_set(
        actor=mentor.user, community=community, path=path, step=second, requires_ids=[first.pk]
    )
    cycle = browser.post(
        url("step-edit", community, path.pk, first.pk),
        {
            "title": "Step 1",
            "goal": "g",
            "material_kind": "text",
            "material_text": "t",
            "completion": "done",
            "effort_minutes": 5,
            "pass_mark": 70,
            "requires_ids": [second.pk],
        },
    )
    assert cycle.status_code == 200 and b"cycle" in cycle.content
    progress.enrolment_create(actor=member.user, community=community, path=path)
    assert member.user.name.encode() in browser.get(url("path-progress", community, path.pk)).content
    assert client(member).get(url("path-progress", community, path.pk)).status_code == 403
    assert browser.get(url("path-mentors", community, path.pk)).status_code == 403  # operators appoint


def test_a_path_is_copied_as_a_draft(world):
    community, owner, _member = world
    path, _ = make_path(community, owner)
    response = client(owner).post(url("path-copy", community, path.pk), {"title": "My version"})
    copy = LearningPath.objects.get(title="My version")
    assert response.status_code == 302 and copy.copied_from_id == path.pk and not copy.is_published


def test_the_plan_sets_goals_and_shows_progress_and_streak(world):
    community, owner, member = world
    path, (first, _second) = make_path(community, owner)
    progress.enrolment_create(actor=member.user, community=community, path=path)
    progress.step_complete(actor=member.user, community=community, path=path, step=first)
    browser = client(member)
    target = (date.today() + timedelta(days=10)).isoformat()
    browser.post(
        url("plan", community), {"title": "Ten portraits", "target_date": target, "path_id": path.pk}
    )
    goal = LearningGoal.objects.get()
    page = browser.get(url("plan", community))
    assert b"Ten portraits" in page.content and b"1-day streak" in page.content and b"50%" in page.content
    browser.post(url("plan", community), {"goal_id": goal.pk, "action": "done"})
    goal.refresh_from_db()
    assert goal.done_at is not None
    bad = browser.post(url("plan", community), {"title": "", "target_date": "3000-01-01"})
    assert bad.status_code == 200 and LearningGoal.objects.count() == 1
    assert Enrolment.objects.get().completed_count == 1

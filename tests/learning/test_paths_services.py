"""Learning paths through their services: building (steps, order, prerequisites without cycles, quizzes,
copies, mentors), enrolling, completing, submitting and reviewing work, quizzes, the plan and the streak."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from events.services import attendance as attendance_services
from events.services import registrations as registration_services
from learning.errors import paths as errors
from learning.models import Enrolment, EnrolmentStatus, PathStep, QuizQuestion, StepPrerequisite, StepProgress
from learning.selectors import progress as progress_selectors
from learning.selectors.paths import path_list, step_list
from learning.services import paths as services
from learning.services import progress
from tests import factories
from tests.learning.helpers import make_path, setup_community

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    community, owner = setup_community()
    return community, owner, factories.member(community=community)


def test_operators_build_and_publish_a_path_members_do_not(world):
    community, owner, member = world
    path, steps = make_path(community, owner, steps=("done", "done", "done"))
    path.refresh_from_db()
    assert (path.step_count, path.effort_minutes, path.status) == (3, 60, "published")
    assert [s.position for s in steps] == [0, 1, 2]
    with pytest.raises(Forbidden):
        services.path_create(
            actor=member.user, community=community, title="Mine", track="x", level="beginner"
        )
    with pytest.raises(errors.NotPathEditor):
        services.step_create(
            actor=member.user,
            community=community,
            path=path,
            title="S",
            goal="G",
            material_kind="text",
            material_text="t",
        )
    assert ActivityEvent.objects.filter(verb="path.created", community=community).exists()


def test_level_must_be_one_of_the_community_levels_and_track_is_lower_cased(world):
    community, owner, _member = world
    with pytest.raises(errors.PathInvalid) as exc:
        services.path_create(actor=owner.user, community=community, title="P", track="x", level="wizard")
    assert "level" in exc.value.fields
    path = services.path_create(
        actor=owner.user, community=community, title="P", track=" Portrait ", level="advanced"
    )
    assert path.track == "portrait"


def test_an_empty_path_cannot_be_published_and_drafts_are_hidden_from_members(world):
    community, owner, member = world
    path, _ = make_path(community, owner, steps=(), publish=False)
    with pytest.raises(errors.PathEmpty):
        services.path_publish(actor=owner.user, community=community, path=path)
    assert list(path_list(community=community, membership=member)) == []
    assert list(path_list(community=community, membership=owner)) == [path]


def test_material_of_another_community_is_refused(world):
    community, owner, _member = world
    other_community, other_owner = setup_community()
    path, _ = make_path(community, owner, steps=(), publish=False)
    from tests.learning.helpers import make_event

    foreign = make_event(other_community, other_owner)
    with pytest.raises(errors.StepInvalid) as exc:
        services.step_create(
            actor=owner.user,
            community=community,
            path=path,
            title="Walk",
            goal="Go",
            material_kind="event",
            event_id=foreign.pk,
            completion="attend",
        )
    assert "event_id" in exc.value.fields
    assert not PathStep.objects.filter(path=path).exists()


def test_prerequisites_never_make_a_cycle(world):
    community, owner, _member = world
    path, (a, b, c) = make_path(community, owner, steps=("done", "done", "done"))
    services.step_prerequisites_set(
        actor=owner.user, community=community, path=path, step=b, requires_ids=[a.pk]
    )
    services.step_prerequisites_set(
        actor=owner.user, community=community, path=path, step=c, requires_ids=[b.pk]
    )
    with pytest.raises(errors.PrerequisiteCycle):
        services.step_prerequisites_set(
            actor=owner.user, community=community, path=path, step=a, requires_ids=[c.pk]
        )
    with pytest.raises(errors.PrerequisiteCycle):
        services.step_prerequisites_set(
            actor=owner.user, community=community, path=path, step=a, requires_ids=[a.pk]
        )
    assert StepPrerequisite.objects.filter(path=path).count() == 2  # nothing half-written


def test_steps_are_reordered_and_removed_with_counts_kept(world):
    community, owner, member = world
    path, (a, b, c) = make_path(community, owner, steps=("done", "done", "done"))
    services.step_move(actor=owner.user, community=community, path=path, step=c, offset=-1)
    assert [s.pk for s in step_list(community=community, path=path)] == [a.pk, c.pk, b.pk]
    progress.enrolment_create(actor=member.user, community=community, path=path)
    progress.step_complete(actor=member.user, community=community, path=path, step=b)
    services.step_delete(actor=owner.user, community=community, path=path, step=b)
    path.refresh_from_db()
    assert path.step_count == 2
    assert Enrolment.objects.get(path=path).completed_count == 0


def test_a_copy_is_a_draft_with_the_same_steps_prerequisites_and_quiz(world):
    community, owner, _member = world
    path, (a, b) = make_path(community, owner, steps=("done", "quiz"))
    services.step_prerequisites_set(
        actor=owner.user, community=community, path=path, step=b, requires_ids=[a.pk]
    )
    copy = services.path_copy(actor=owner.user, community=community, path=path, title="Adapted")
    assert (copy.title, copy.status, copy.copied_from_id, copy.step_count) == ("Adapted", "draft", path.pk, 2)
    new_a, new_b = step_list(community=community, path=copy)
    assert {p.requires_id for p in new_b.prerequisites.all()} == {new_a.pk}
    assert QuizQuestion.objects.filter(step=new_b).count() == 2


def test_a_mentor_edits_their_path_and_reviews_its_work_but_not_their_own(world):
    community, owner, member = world
    mentor = factories.member(community=community)
    path, (step,) = make_path(community, owner, steps=("submit",))
    with pytest.raises(Forbidden):
        services.mentor_add(actor=mentor.user, community=community, path=path, membership_id=mentor.pk)
    services.mentor_add(actor=owner.user, community=community, path=path, membership_id=mentor.pk)
    with pytest.raises(errors.AlreadyMentor):
        services.mentor_add(actor=owner.user, community=community, path=path, membership_id=mentor.pk)
    services.path_update(actor=mentor.user, community=community, path=path, title="Better title")
    for who in (member, mentor):
        progress.enrolment_create(actor=who.user, community=community, path=path)
    own = progress.submission_create(
        actor=mentor.user, community=community, path=path, step=step, body="Mine"
    )
    with pytest.raises(errors.OwnWork):
        progress.submission_review(
            actor=mentor.user, community=community, submission=own, outcome="approved", feedback="Great"
        )
    work = progress.submission_create(
        actor=member.user, community=community, path=path, step=step, body="Work"
    )
    assert list(progress_selectors.review_queue(community=community, viewer=mentor)) == [work]
    other = factories.member(community=community)
    with pytest.raises(errors.NotReviewer):
        progress.submission_review(
            actor=other.user, community=community, submission=work, outcome="approved", feedback="Great"
        )


def test_members_complete_steps_in_order_once(world):
    community, owner, member = world
    path, (a, b) = make_path(community, owner, steps=("done", "done"))
    services.step_prerequisites_set(
        actor=owner.user, community=community, path=path, step=b, requires_ids=[a.pk]
    )
    with pytest.raises(errors.NotEnrolled):
        progress.step_complete(actor=member.user, community=community, path=path, step=a)
    progress.enrolment_create(actor=member.user, community=community, path=path)
    with pytest.raises(errors.AlreadyEnrolled):
        progress.enrolment_create(actor=member.user, community=community, path=path)
    with pytest.raises(errors.PrerequisitesPending):
        progress.step_complete(actor=member.user, community=community, path=path, step=b)
    progress.step_complete(actor=member.user, community=community, path=path, step=a)
    with pytest.raises(errors.StepAlreadyCompleted):
        progress.step_complete(actor=member.user, community=community, path=path, step=a)
    progress.step_complete(actor=member.user, community=community, path=path, step=b)
    enrolment = Enrolment.objects.get(path=path, membership=member)
    assert (enrolment.completed_count, enrolment.status) == (2, EnrolmentStatus.COMPLETED)
    path.refresh_from_db()
    assert path.enrolment_count == 1
    assert ActivityEvent.objects.filter(verb="step.completed", actor=member.user).count() == 2
    assert ActivityEvent.objects.filter(verb="path.completed", actor=member.user).count() == 1


def test_a_draft_path_takes_no_enrolment(world):
    community, owner, member = world
    path, _ = make_path(community, owner, publish=False)
    with pytest.raises(errors.PathNotPublished):
        progress.enrolment_create(actor=member.user, community=community, path=path)


def test_work_is_reviewed_try_again_then_approved(world):
    community, owner, member = world
    path, (step,) = make_path(community, owner, steps=("submit",))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    with pytest.raises(errors.WrongCompletion):
        progress.step_complete(actor=member.user, community=community, path=path, step=step)
    work = progress.submission_create(actor=member.user, community=community, path=path, step=step, body="v1")
    with pytest.raises(errors.SubmissionPending):
        progress.submission_create(
            actor=member.user, community=community, path=path, step=step, body="v1 again"
        )
    with pytest.raises(errors.FeedbackRequired):
        progress.submission_review(
            actor=owner.user, community=community, submission=work, outcome="try_again", feedback=" "
        )
    progress.submission_review(
        actor=owner.user, community=community, submission=work, outcome="try_again", feedback="Crop tighter."
    )
    with pytest.raises(errors.AlreadyReviewed):
        progress.submission_review(
            actor=owner.user, community=community, submission=work, outcome="approved", feedback="Fine"
        )
    assert not StepProgress.objects.filter(step=step).exists()
    again = progress.submission_create(
        actor=member.user, community=community, path=path, step=step, body="v2"
    )
    progress.submission_review(
        actor=owner.user, community=community, submission=again, outcome="approved", feedback="Good."
    )
    assert StepProgress.objects.filter(step=step, membership=member).exists()
    assert ActivityEvent.objects.filter(verb="submission.reviewed").count() == 2


def test_a_quiz_is_marked_and_an_attempt_answered_once(world):
    community, owner, member = world
    path, (step,) = make_path(community, owner, steps=("quiz",))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    attempt = progress.quiz_attempt_start(actor=member.user, community=community, path=path, step=step)
    with pytest.raises(errors.AnswersInvalid):
        progress.quiz_attempt_answer(
            actor=member.user, community=community, path=path, step=step, attempt_id=attempt.pk, answers=[0]
        )
    failed = progress.quiz_attempt_answer(
        actor=member.user, community=community, path=path, step=step, attempt_id=attempt.pk, answers=[1, 1]
    )
    assert (failed.score, failed.total, failed.passed) == (1, 2, False)
    with pytest.raises(errors.AttemptAnswered):
        progress.quiz_attempt_answer(
            actor=member.user,
            community=community,
            path=path,
            step=step,
            attempt_id=attempt.pk,
            answers=[0, 1],
        )
    second = progress.quiz_attempt_start(actor=member.user, community=community, path=path, step=step)
    assert second.pk != attempt.pk
    passed = progress.quiz_attempt_answer(
        actor=member.user, community=community, path=path, step=step, attempt_id=second.pk, answers=[0, 1]
    )
    assert passed.passed and StepProgress.objects.filter(step=step).exists()
    with pytest.raises(errors.StepAlreadyCompleted):
        progress.quiz_attempt_start(actor=member.user, community=community, path=path, step=step)


def test_attending_the_event_completes_the_step_on_the_next_action(world):
    community, owner, member = world
    path, (walk, after) = make_path(community, owner, steps=("attend", "done"))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    with pytest.raises(errors.NotAttended):
        progress.step_complete(actor=member.user, community=community, path=path, step=walk)
    registration = registration_services.registration_create(
        actor=member.user, community=community, event=walk.event
    )
    attendance_services.attendance_check_in(
        actor=owner.user, community=community, event=walk.event, registration_id=registration.pk
    )
    enrolment = Enrolment.objects.get(path=path, membership=member)
    states = progress_selectors.step_states(
        community=community, steps=list(step_list(community=community, path=path)), enrolment=enrolment
    )
    assert [s.state for s in states] == ["attended", "todo"]
    assert not StepProgress.objects.filter(step=walk).exists()  # the read wrote nothing
    progress.step_complete(actor=member.user, community=community, path=path, step=after)
    assert StepProgress.objects.filter(step=walk, membership=member).exists()


def test_the_plan_shows_goals_next_steps_and_the_streak(world):
    community, owner, member = world
    path, (a, b) = make_path(community, owner, steps=("done", "done"))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    goal = progress.goal_create(
        actor=member.user,
        community=community,
        title="Print a portfolio",
        target_date=date.today() + timedelta(days=30),
        path=path,
    )
    progress.step_complete(actor=member.user, community=community, path=path, step=a)
    StepProgress.objects.filter(step=a).update(completed_at=timezone.now() - timedelta(days=1))
    progress.step_complete(actor=member.user, community=community, path=path, step=b)
    plan = progress_selectors.plan_for(community=community, membership=member)
    assert [g.pk for g in plan.goals] == [goal.pk]
    assert plan.streak == 2
    assert plan.today == []  # the path is completed
    assert plan.paths[0].percent == 100
    progress.goal_done(actor=member.user, community=community, goal_id=goal.pk)
    other = factories.member(community=community)
    with pytest.raises(errors.GoalNotFound):
        progress.goal_delete(actor=other.user, community=community, goal_id=goal.pk)


def test_a_streak_breaks_on_a_day_without_learning(world):
    community, owner, member = world
    path, (a, b) = make_path(community, owner, steps=("done", "done"))
    progress.enrolment_create(actor=member.user, community=community, path=path)
    progress.step_complete(actor=member.user, community=community, path=path, step=a)
    StepProgress.objects.filter(step=a).update(completed_at=timezone.now() - timedelta(days=3))
    assert progress_selectors.streak(community=community, membership=member) == 0
    plan = progress_selectors.plan_for(community=community, membership=member)
    assert [(p.title, s.step.pk) for p, s in plan.today] == [(path.title, b.pk)]


def test_an_archived_community_takes_no_learning_writes_from_operators_mentors_or_members(world):
    from communities import services as community_services
    from communities.errors import CommunityArchived

    community, owner, member = world
    mentor = factories.member(community=community)
    path, (_step,) = make_path(community, owner, steps=("done",))
    services.mentor_add(actor=owner.user, community=community, path=path, membership_id=mentor.pk)
    community_services.community_archive(actor=owner.user, community=community)
    community.refresh_from_db()
    with pytest.raises(CommunityArchived):
        services.path_create(actor=owner.user, community=community, title="P", track="x", level="beginner")
    with pytest.raises(CommunityArchived):
        services.path_update(actor=mentor.user, community=community, path=path, title="New")
    with pytest.raises(CommunityArchived):
        progress.enrolment_create(actor=member.user, community=community, path=path)
    with pytest.raises(CommunityArchived):
        progress.goal_create(actor=member.user, community=community, title="G", target_date=date.today())

"""The demo's learning paths in both languages: two levels per community, a mentor, members at different
stages, reviewed work (approved and try again), a plan with goals and a streak; idempotent."""

import pytest
from django.core.management import call_command

from learning.models import Enrolment, LearningGoal, LearningPath, PathMentor, StepProgress, Submission
from learning.selectors.progress import plan_for
from members.models import Membership

pytestmark = pytest.mark.django_db


def test_demo_learning_paths():
    call_command("seed_demo")
    for slug in ("street-photography", "python-beginners", "design-critique"):
        paths = LearningPath.objects.filter(community__slug=slug, status="published")
        assert paths.values("level").distinct().count() == 2
        assert PathMentor.objects.filter(community__slug=slug).exists()
        counts = set(Enrolment.objects.filter(community__slug=slug).values_list("completed_count", flat=True))
        assert len(counts) >= 2  # members at different stages
        assert LearningGoal.objects.filter(community__slug=slug).exists()
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert {"approved", "try_again"} <= statuses
    assert LearningPath.objects.filter(title="街拍入门:从观察开始").exists()
    planner = Membership.objects.get(community__slug="python-beginners", user__username="member")
    plan = plan_for(community=planner.community, membership=planner)
    assert plan.streak >= 2 and plan.goals and plan.today
    count = StepProgress.objects.count()
    call_command("seed_demo")
    assert StepProgress.objects.count() == count

"""The demo's competitions and project events in both languages: a judged competition with published
results, awards, votes and a disqualified entry; a project event with teams, updates and a showcased
project; idempotent."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Award, Competition, Entry, Event, Project, ProjectUpdate

pytestmark = pytest.mark.django_db


def test_demo_competitions_and_projects():
    call_command("seed_demo")
    now = timezone.now()
    for slug in ("python-beginners", "street-photography"):
        competition = Event.objects.get(community__slug=slug, kind="competition")
        assert competition.ends_at < now
        rules = Competition.objects.get(event=competition)
        assert rules.results_published and rules.members_vote
        entries = Entry.objects.filter(event=competition)
        assert entries.filter(rank=1).exists() and entries.exclude(team_name="").exists()
        assert sum(entries.values_list("vote_count", flat=True)) >= 2
        assert Award.objects.filter(event=competition, rank=1).count() >= 1
        withdrawn = entries.get(withdrawn_at__isnull=False)
        assert withdrawn.disqualified and withdrawn.withdrawal_reason and withdrawn.rank is None
        projects = Event.objects.get(community__slug=slug, kind="project")
        assert Project.objects.filter(event=projects, member_count__gte=2).count() == 2
        assert ProjectUpdate.objects.filter(event=projects).count() >= 2
        assert Project.objects.filter(event=projects, showcased_at__isnull=False).count() == 1
    assert Event.objects.filter(title="城市夜色摄影挑战赛").exists()
    count = Entry.objects.count()
    call_command("seed_demo")
    assert Entry.objects.count() == count

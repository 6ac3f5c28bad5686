"""Project collaborations through their services: proposing, joining up to the team size, leaving,
updates, the showcase."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from events.errors import projects as errors
from events.models import EventKind, ProjectMember, ProjectUpdate
from events.selectors import projects as selectors
from events.services import projects as services
from tests import factories
from tests.events.competition_helpers import make_event, png, propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner")
    event = make_event(community, EventKind.PROJECT)
    services.collaboration_update(actor=owner.user, community=community, event=event, max_team_size=2)
    members = [factories.member(community=community) for _ in range(4)]
    return community, owner, event, members


def test_a_proposer_leads_a_team_others_join_until_it_is_full(setup):
    community, _owner, event, (ana, ben, cai, _dan) = setup
    project = propose(community, event, ana)
    services.project_join(actor=ben.user, community=community, event=event, project=project)
    with pytest.raises(errors.TeamFull):
        services.project_join(actor=cai.user, community=community, event=event, project=project)
    project.refresh_from_db()
    assert project.member_count == 2
    assert ProjectMember.objects.filter(project=project).count() == 2
    assert ActivityEvent.objects.filter(verb="project.joined", actor=ben.user).exists()


def test_one_team_per_member_and_event(setup):
    community, _owner, event, (ana, ben, _cai, _dan) = setup
    first = propose(community, event, ana)
    second = propose(community, event, ben, title="Other")
    with pytest.raises(errors.AlreadyInATeam):
        services.project_join(actor=ana.user, community=community, event=event, project=second)
    with pytest.raises(errors.AlreadyInATeam):
        propose(community, event, ana, title="Third")
    with pytest.raises(errors.AlreadyInATeam):
        services.project_join(actor=ana.user, community=community, event=event, project=first)


def test_leaving_frees_a_place_but_the_proposer_stays(setup):
    community, _owner, event, (ana, ben, cai, dan) = setup
    project = propose(community, event, ana)
    services.project_join(actor=ben.user, community=community, event=event, project=project)
    services.project_leave(actor=ben.user, community=community, event=event, project=project)
    services.project_join(actor=cai.user, community=community, event=event, project=project)
    with pytest.raises(errors.ProposerStays):
        services.project_leave(actor=ana.user, community=community, event=event, project=project)
    with pytest.raises(errors.NotInTeam):
        services.project_leave(actor=dan.user, community=community, event=event, project=project)


def test_team_members_post_updates_others_cannot(setup):
    community, _owner, event, (ana, ben, _cai, _dan) = setup
    project = propose(community, event, ana)
    services.project_update_post(
        actor=ana.user, community=community, event=event, project=project, body="Day 1"
    )
    with pytest.raises(errors.NotInTeam):
        services.project_update_post(
            actor=ben.user, community=community, event=event, project=project, body="Hi"
        )
    project.refresh_from_db()
    assert project.update_count == 1 and ProjectUpdate.objects.count() == 1
    assert [u.body for u in selectors.update_list(community=community, project=project)] == ["Day 1"]


def test_a_project_ends_in_the_showcase_once(setup):
    community, owner, event, (ana, ben, _cai, _dan) = setup
    project = propose(community, event, ana)
    with pytest.raises(errors.NotInTeam):
        services.project_showcase(
            actor=ben.user, community=community, event=event, project=project, description="x"
        )
    services.project_showcase(
        actor=ana.user, community=community, event=event, project=project, description="Done", image=png()
    )
    project.refresh_from_db()
    assert project.is_showcased and project.showcase_image
    with pytest.raises(errors.AlreadyShowcased):
        services.project_showcase(
            actor=owner.user, community=community, event=event, project=project, description="y"
        )


def test_no_new_projects_or_members_once_the_event_is_over(setup):
    community, _owner, event, (ana, ben, _cai, _dan) = setup
    project = propose(community, event, ana)
    event.starts_at, event.ends_at = timezone.now() - timedelta(days=3), timezone.now() - timedelta(days=1)
    event.save()
    with pytest.raises(errors.ProjectsClosed):
        propose(community, event, ben)
    with pytest.raises(errors.ProjectsClosed):
        services.project_join(actor=ben.user, community=community, event=event, project=project)


def test_only_operators_set_the_team_size(setup):
    community, _owner, event, (ana, _ben, _cai, _dan) = setup
    with pytest.raises(Forbidden):
        services.collaboration_update(actor=ana.user, community=community, event=event, max_team_size=9)
    assert selectors.collaboration_for(community=community, event=event).max_team_size == 2

"""Shared set-up of the competition and project tests: events made directly (the events' own services
are tested in their own files), criteria, judges, entries, images."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from events.models import Event, EventKind, EventStatus
from events.services import projects as project_services
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import rules as rule_services
from tests import factories


def png(name: str = "entry.png", size: tuple[int, int] = (16, 12)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_event(
    community, kind=EventKind.COMPETITION, *, days=5, status=EventStatus.PUBLISHED, **kwargs
) -> Event:
    now = timezone.now()
    fields = {
        "title": f"{kind.title()} event",
        "slug": f"{kind}-{Event.objects.count() + 1}",
        "starts_at": now - timedelta(days=1),
        "ends_at": now + timedelta(days=days),
        "visibility": "members",
        **kwargs,
    }
    return Event.objects.create(community=community, kind=kind, status=status, **fields)


def url(name: str, event, **kwargs) -> str:
    return reverse(
        f"api:{name}", kwargs={"community_slug": event.community.slug, "event_id": event.pk, **kwargs}
    )


def page(name: str, event, **kwargs) -> str:
    return reverse(f"events:{name}", kwargs={"slug": event.community.slug, "event_id": event.pk, **kwargs})


class World:
    """A community with an owner, a published competition with two weighted criteria and two judges,
    and three members."""

    def __init__(self, community=None, **competition):
        self.community = community or factories.CommunityFactory()
        self.owner = factories.member(community=self.community, role="owner")
        self.event = make_event(self.community)
        self.alice, self.bob, self.carol = (factories.member(community=self.community) for _ in range(3))
        self.judge_one = factories.member(community=self.community)
        self.judge_two = factories.member(community=self.community)
        if competition:
            rule_services.competition_update(
                actor=self.owner.user, community=self.community, event=self.event, **competition
            )
        self.craft = rule_services.criterion_create(
            actor=self.owner.user, community=self.community, event=self.event, name="Craft", weight=3
        )
        self.idea = rule_services.criterion_create(
            actor=self.owner.user, community=self.community, event=self.event, name="Idea", weight=1
        )
        self.judges = [
            rule_services.judge_add(
                actor=self.owner.user, community=self.community, event=self.event, membership_id=m.pk
            )
            for m in (self.judge_one, self.judge_two)
        ]

    def enter(self, membership, title="Entry", **kwargs):
        kwargs.setdefault("description", "What I made.")
        return entry_services.entry_submit(
            actor=membership.user, community=self.community, event=self.event, title=title, **kwargs
        )

    def score(self, judge, entry, craft: int, idea: int):
        return judging_services.scores_submit(
            actor=judge.user,
            community=self.community,
            event=self.event,
            entry=entry,
            scores={self.craft.pk: {"value": craft}, self.idea.pk: {"value": idea, "comment": "Nice"}},
        )


def propose(community, event, membership, title="Project"):
    return project_services.project_propose(
        actor=membership.user, community=community, event=event, title=title, description="We build it."
    )


COMPETITION_ROUTES = ("api:competition", "api:entry", "api:judge", "api:score", "api:vote", "events:entry",
                      "events:competition", "events:criterion", "events:judge", "events:judging",
                      "events:results")  # fmt: skip
PROJECT_ROUTES = ("api:project", "api:collaboration", "events:project", "events:collaboration")


def competition_rows(community, owner_user, entrant, judge_user) -> dict:
    """For the route walks: a public competition (a criterion, a judge, `entrant`'s entry, scored) and a
    public project event (`entrant`'s project with an update); "ids" fills their URL parameters and
    "event_for(route name, default)" the event a route needs."""
    now = timezone.now()
    times = {"starts_at": now + timedelta(days=2), "ends_at": now + timedelta(days=4)}
    from events.services import events as event_services

    competition = event_services.event_create(
        actor=owner_user, community=community, kind="competition", title="Cup", visibility="public", **times
    )
    criterion = rule_services.criterion_create(
        actor=owner_user, community=community, event=competition, name="Craft"
    )
    judge_membership = judge_user.memberships.get(community=community)
    judge = rule_services.judge_add(
        actor=owner_user, community=community, event=competition, membership_id=judge_membership.pk
    )
    entry = entry_services.entry_submit(
        actor=entrant.user, community=community, event=competition, title="Entry", description="D"
    )
    judging_services.scores_submit(
        actor=judge_user,
        community=community,
        event=competition,
        entry=entry,
        scores={criterion.pk: {"value": 6}},
    )
    project_event = event_services.event_create(
        actor=owner_user, community=community, kind="project", title="Sprint", visibility="public", **times
    )
    project = propose(community, project_event, entrant)
    project_services.project_update_post(
        actor=entrant.user, community=community, event=project_event, project=project, body="Day 1"
    )

    def event_for(name: str, default):
        if name.startswith(COMPETITION_ROUTES):
            return competition.pk
        if name.startswith(PROJECT_ROUTES):
            return project_event.pk
        return default

    ids = {
        "event_criterion_id": criterion.pk,
        "judge_id": judge.pk,
        "entry_id": entry.pk,
        "project_id": project.pk,
    }
    return {"ids": ids, "event_for": event_for, "competition": competition, "project_event": project_event}


COMPETITION_PATHS = (
    "/competition/",
    "/criteria/",
    "/judges/",
    "/entries/",
    "/leaderboard/",
    "/scores/",
    "/vote/",
)
PROJECT_PATHS = ("/collaboration/", "/projects/")


def event_for_path(rows: dict, path: str, default):
    """The event an API path template needs (rows from `competition_rows`): a competition's, a project
    event's, or `default` for the other event routes."""
    if any(part in path for part in COMPETITION_PATHS):
        return rows["competition"].pk
    if any(part in path for part in PROJECT_PATHS):
        return rows["project_event"].pk
    return default

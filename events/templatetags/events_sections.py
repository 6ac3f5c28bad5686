"""`{% event_sections event %}`: the competition's or the project collaboration's part of an event's page
(entries, judging, the vote and the results; or the projects, their teams and updates), by the event's
kind. Reads only (a template tag never writes)."""

from django import template
from django.utils import timezone

from communities.permissions import has_capability
from events.models import EventKind, EventStatus
from events.selectors import competitions, projects

register = template.Library()


def competition_context(community, membership, event) -> dict:
    competition = competitions.competition_for(community=community, event=event)
    deadline = competition.deadline(event)
    participant = has_capability(membership, "participate")
    mine = competitions.my_entry(community=community, event=event, membership=membership)
    judge = competitions.judge_of(community=community, event=event, membership=membership)
    live = event.status == EventStatus.PUBLISHED
    vote = competitions.my_vote(community=community, event=event, membership=membership)
    voting = competition.members_vote and live and not competition.judging_closed
    results = competitions.may_see_results(competition=competition, membership=membership)
    entries = list(competitions.entry_list(community=community, event=event, ranked=results))
    return {
        "competition": competition,
        "deadline": deadline,
        "entries": entries,
        "my_entry": mine,
        "judge": judge,
        "scored": competitions.scored_entry_ids(community=community, event=event, judge=judge)
        if judge
        else set(),
        "my_vote": vote,
        "may_enter": participant
        and live
        and mine is None
        and not competition.judging_closed
        and timezone.now() < deadline,
        "may_vote": participant and voting and vote is None,
        "may_retract": participant and voting and vote is not None,
        "voting": voting,
        "results_shown": results,
        "operator": has_capability(membership, "manage_events"),
    }


def project_context(community, membership, event) -> dict:
    collaboration = projects.collaboration_for(community=community, event=event)
    items = list(projects.project_list(community=community, event=event))
    mine = projects.my_project_id(community=community, event=event, membership=membership)
    open_ = event.status == EventStatus.PUBLISHED and not event.is_past
    updates = projects.recent_updates(community=community, projects=items)
    return {
        "collaboration": collaboration,
        "projects": [(project, updates.get(project.pk, [])) for project in items],
        "my_project_id": mine,
        "may_propose": has_capability(membership, "participate") and open_ and mine is None,
        "may_join": has_capability(membership, "participate") and open_ and mine is None,
        "operator": has_capability(membership, "manage_events"),
    }


@register.inclusion_tag("events/_sections.html", takes_context=True)
def event_sections(context, event):
    community, membership = context["community"], context.get("membership")
    base = {
        "community": community,
        "membership": membership,
        "event": event,
        "request": context.get("request"),
        # Who entered or joined: members' names, for those who may see the members.
        "show_names": has_capability(membership, "view_members"),
    }
    if event.kind == EventKind.COMPETITION:
        return {**base, "kind": "competition", **competition_context(community, membership, event)}
    if event.kind == EventKind.PROJECT:
        return {**base, "kind": "project", **project_context(community, membership, event)}
    return {**base, "kind": ""}

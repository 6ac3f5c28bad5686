"""Journeys: an operator creates a skill competition (rules, weighted criteria, two judges); members
enter (one with an image, one as a team); the judges score blind and one is refused scoring their own
entry; members vote (never for themselves); the operator closes judging and publishes the results; the
leaderboard, the winner's award on their profile and their notice show. And a project collaboration: a
member proposes a project, another joins its team until it is full, posts an update, the event page
shows the teams and their updates, and the project ends in the showcase."""

import io
import zoneinfo
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from accounts.models import User
from events.models import Event
from events.models.competitions import Award, Criterion, Entry, EntryImage, Judge, Score, Vote
from events.models.projects import Project, ProjectUpdate
from members.models import Membership
from tests.e2e.untranslated import look, visit

COMMUNITY = "/c/python-beginners/"
TITLE = "Autumn refactoring challenge"


def png(name: str, colour: str) -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (480, 320), colour).save(buffer, "PNG")
    return {"name": name, "mimeType": "image/png", "buffer": buffer.getvalue()}


def membership(username: str) -> Membership:
    return Membership.objects.get(community__slug="python-beginners", user__username=username)


def press(person, form_action: str) -> None:
    """Press the button of the form posting to `form_action` (found by address, not by its words)."""
    with person.page.expect_navigation():
        person.page.locator(f"form[action='{form_action}'] button[type=submit]").first.click()


def local(moment) -> str:
    """`moment` as typed into a datetime-local field, in the community's time zone."""
    return timezone.localtime(moment, zoneinfo.ZoneInfo("Europe/London")).strftime("%Y-%m-%dT%H:%M")


def enter(person, event_page: str, title: str, *, image=None, teammate: str | None = None) -> Entry:
    visit(person, event_page, "the competition: its rules and the entries so far")
    person.click_link(f"{event_page}enter/")
    look(person, "the entry form")
    person.page.fill("input[name=title]", title)
    person.page.fill("textarea[name=description]", f"**{title}**: what it does, and how.")
    person.page.fill("input[name=link]", "https://example.org/" + title.lower().replace(" ", "-"))
    if image:
        person.page.set_input_files("input[name=images]", image)
    if teammate:
        person.page.fill("input[name=team_name]", "Pair programmers")
        person.page.select_option("select[name=member_ids]", str(membership(teammate).pk))
    person.submit("title")
    look(person, "my entry is in")
    return Entry.objects.get(event__title=TITLE, title=title)


def score(judge, event_page: str, entry: Entry, values: list[int], comment: str) -> None:
    visit(judge, f"{event_page}entries/{entry.pk}/", "an entry with my scoring form")
    for select, value in zip(judge.page.locator("select[name^=value_]").all(), values, strict=True):
        select.select_option(str(value))
    judge.page.locator("textarea[name^=comment_]").first.fill(comment)
    judge.submit(judge.page.locator("textarea[name^=comment_]").first.get_attribute("name"))
    look(judge, "my scores are saved")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_run_a_competition(journey, language):
    User.objects.filter(username__in=["owner", "member", "grace", "moderator", "expert", "linus"]).update(
        language=language
    )
    trip = journey("competitions")

    owner = trip.person("owner")
    visit(owner, f"{COMMUNITY}events/", "the events")
    owner.click_link(f"{COMMUNITY}events/new/")
    look(owner, "the form creating an event")
    starts = timezone.now() + timedelta(hours=1)
    owner.page.fill("input[name=title]", TITLE)
    owner.page.select_option("select[name=kind]", "competition")
    owner.page.select_option("select[name=format]", "online")
    owner.page.fill("input[name=starts_at]", local(starts))
    owner.page.fill("input[name=ends_at]", local(starts + timedelta(days=7)))
    owner.page.fill("textarea[name=description]", "Refactor a messy script; judged on clarity and tests.")
    owner.page.select_option("select[name=visibility]", "public")
    owner.submit("title")
    look(owner, "the new competition")
    event = Event.objects.get(title=TITLE)
    assert event.kind == "competition" and event.status == "published"
    page = f"{COMMUNITY}events/{event.pk}/"
    manage = f"{page}competition/"

    owner.click_link(manage)
    look(owner, "judging and results: no criterion, no judge yet")
    owner.page.fill("input[name=max_team_size]", "2")
    owner.page.locator("input[name=members_vote]").check()
    owner.submit("max_team_size")
    look(owner, "the rules saved: teams of two, a members' vote")
    for name, weight in [("Clarity", "3"), ("Tests", "1")]:
        owner.page.fill("input[name=name]", name)
        owner.page.fill("input[name=weight]", weight)
        owner.submit("weight")
        look(owner, f"the criterion {name} added")
    for judge in ["expert", "moderator"]:
        owner.page.select_option("select[name=membership_id]", str(membership(judge).pk))
        owner.submit("membership_id")
        look(owner, f"{judge} appointed judge")
    assert (
        Criterion.objects.filter(event=event).count() == 2 and Judge.objects.filter(event=event).count() == 2
    )

    member = trip.person("member")
    mine = enter(member, page, "Split the god function", image=png("before-after.png", "#2a9d8f"))
    assert EntryImage.objects.filter(entry=mine).count() == 1
    assert member.page.locator(".work-images img").count() == 1
    grace = trip.person("grace")
    pair = enter(grace, page, "Tests first, then delete", teammate="linus")
    assert pair.member_count == 2
    moderator = trip.person("moderator")
    own = enter(moderator, page, "Type hints everywhere")

    expert = trip.person("expert")
    visit(expert, page, "the competition to a judge: scored 0 of 3")
    score(expert, page, mine, [8, 9], "EXPERT-ONLY: lovely small functions")
    score(expert, page, pair, [6, 7], "EXPERT-ONLY: good tests")
    score(moderator, page, mine, [9, 8], "Clear")
    assert "EXPERT-ONLY" not in moderator.page.content(), "a judge sees another judge's comments"
    visit(moderator, f"{page}entries/{own.pk}/", "my own entry: I do not score it")
    assert moderator.page.locator("select[name^=value_]").count() == 0
    criteria = list(Criterion.objects.filter(event=event).values_list("pk", flat=True))
    status = moderator.page.evaluate(
        """async ([url, criteria]) => {
          const body = new URLSearchParams({
            csrfmiddlewaretoken: document.querySelector("input[name=csrfmiddlewaretoken]").value});
          for (const pk of criteria) { body.append("value_" + pk, "10"); body.append("comment_" + pk, ""); }
          return (await fetch(url, {method: "POST", body})).status;
        }""",
        [f"{page}entries/{own.pk}/", criteria],
    )
    assert status == 200, "a refused score is a form error, not an error page"
    assert not Score.objects.filter(entry=own, judge__membership__user__username="moderator").exists()
    visit(moderator, f"{page}entries/{mine.pk}/", "my scores again, to revise")
    assert moderator.page.locator("select[name^=value_]").first.input_value() == "9"

    visit(grace, page, "the entries with their vote buttons")
    assert grace.page.locator(f"form[action='{page}entries/{pair.pk}/vote/']").count() == 0
    press(grace, f"{page}entries/{mine.pk}/vote/")
    look(grace, "my vote counted")
    visit(member, page, "the entries: no vote button on mine")
    assert member.page.locator(f"form[action='{page}entries/{mine.pk}/vote/']").count() == 0
    press(member, f"{page}entries/{pair.pk}/vote/")
    look(member, "my vote for another entry counted")
    assert Vote.objects.filter(entry__event=event).count() == 2

    visit(owner, manage, "judging's progress, before closing")
    press(owner, f"{manage}close-judging/")
    look(owner, "judging closed: the leaderboard to check before publishing")
    visit(owner, page, "the operators' preview of the results")
    visit(member, page, "the results are not public yet")
    assert member.page.locator(".badge-place").count() == 0
    visit(owner, manage, "the publish button")
    press(owner, f"{manage}publish/")
    look(owner, "the results published on the event page")
    mine.refresh_from_db()
    assert mine.rank == 1

    visitor = trip.person(None)
    visit(visitor, page, "the leaderboard to a visitor")
    assert visitor.page.locator(f"#entry-{mine.pk} .badge-place").count() == 1
    visit(grace, f"{COMMUNITY}members/{membership('member').pk}/", "the winner's profile and award")
    assert grace.page.locator("#awards-heading").count() == 1
    assert grace.page.get_by_text(TITLE).count() >= 1
    assert Award.objects.filter(entry=mine, rank=1).exists()
    ada = trip.person("ada")
    visit(ada, page, "the results to a member who did not enter: entries are closed")
    assert ada.page.locator(f"a[href='{page}enter/']").count() == 0
    visit(member, "/me/notifications/", "the winner's inbox: you won, in my language")
    visit(member, f"{page}entries/{mine.pk}/", "my entry with its place and score")
    trip.assert_clean()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_collaborate_on_a_project(journey, language):
    User.objects.filter(username__in=["owner", "expert", "moderator"]).update(language=language)
    event = Event.objects.get(community__slug="python-beginners", kind="project")
    page = f"{COMMUNITY}events/{event.pk}/"
    trip = journey("projects")

    owner = trip.person("owner")
    visit(owner, page, "the project event: its teams and their updates")
    owner.click_link(f"{page}projects/settings/")
    look(owner, "the team size")
    owner.page.fill("input[name=max_team_size]", "2")
    owner.submit("max_team_size")
    look(owner, "teams of two")

    expert = trip.person("expert")
    visit(expert, page, "the project event, to propose a project")
    expert.click_link(f"{page}projects/new/")
    look(expert, "the form proposing a project")
    expert.page.fill("input[name=title]", "Type stubs for a tiny library")
    expert.page.fill("textarea[name=description]", "We add **type stubs** and a CI check.")
    expert.submit("title")
    look(expert, "my project, its team of one")
    project = Project.objects.get(event=event, title="Type stubs for a tiny library")
    project_page = f"{page}projects/{project.pk}/"

    moderator = trip.person("moderator")
    visit(moderator, page, "the projects with room in their teams")
    press(moderator, f"{project_page}join/")
    look(moderator, "I joined the team")
    project.refresh_from_db()
    assert project.member_count == 2
    moderator.page.fill("textarea[name=body]", "Stubs for the first module are done; CI next.")
    moderator.submit("body")
    look(moderator, "my update posted")
    assert ProjectUpdate.objects.filter(project=project).count() == 1

    visit(owner, project_page, "a full team: no join button")
    assert owner.page.locator(f"form[action='{project_page}join/']").count() == 0
    visit(owner, page, "the event page: teams and their latest updates")
    assert "Stubs for the first module are done" in owner.page.locator(f"#project-{project.pk}").inner_text()

    visit(expert, project_page, "our project, to end it")
    expert.click_link(f"{project_page}showcase/")
    look(expert, "the showcase form")
    expert.page.fill("textarea[name=description]", "Stubs for every module, checked in CI.")
    expert.page.fill("input[name=link]", "https://example.org/stubs")
    expert.page.set_input_files("input[name=image]", png("stubs.png", "#e9c46a"))
    expert.submit("description")
    look(expert, "the project in the showcase, with its image")
    assert expert.page.locator("img.showcase-image").count() == 1
    visit(owner, page, "the event page with the showcase")
    project.refresh_from_db()
    assert project.is_showcased
    trip.assert_clean()

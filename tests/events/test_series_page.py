"""A recurring series' page: its rule in words (in the reader's language), its occurrences upcoming
and past with their registrations and places, paginated at a pinned cost, a link from each occurrence,
the "this and the following" edit links for those who may edit, and who may see it at all."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event, EventHost
from events.rule_words import rule_in_words
from events.services import registrations as registration_services
from events.services.series import event_series_create
from tests import factories
from tests.events.helpers import times

pytestmark = pytest.mark.django_db


def series_url(series, **query):
    target = reverse("events:series", kwargs={"slug": series.community.slug, "event_series_id": series.pk})
    return target + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def make_series(community, owner, count=3, **fields):
    return event_series_create(
        actor=owner,
        community=community,
        title="Study night",
        rrule=f"FREQ=WEEKLY;COUNT={count}",
        capacity=10,
        **{"visibility": "public", **times(days=2), **fields},
    )


def into_the_past(series, how_many):
    """Move the first occurrences into the past (the service only creates future ones)."""
    for weeks, event in enumerate(series.occurrences.order_by("starts_at")[:how_many], start=1):
        Event.objects.filter(pk=event.pk).update(
            starts_at=timezone.now() - timedelta(weeks=weeks),
            ends_at=timezone.now() - timedelta(weeks=weeks) + timedelta(hours=2),
        )


def test_the_page_shows_the_rule_in_words_and_the_upcoming_occurrences_with_their_places(
    client_for, community, owner
):
    series = make_series(community, owner)
    first = series.occurrences.order_by("starts_at").first()
    member = factories.member(community=community)
    registration_services.registration_create(actor=member.user, community=community, event=first)
    html = client_for(member.user).get(series_url(series)).content.decode()
    assert "Every week, 3 times" in html and "Study night" in html
    assert "1 / 10 registered" in html and "0 / 10 registered" in html
    for event in series.occurrences.all():
        assert reverse("events:detail", kwargs={"slug": community.slug, "event_id": event.pk}) in html
    assert "scope=following" not in html  # a member edits nothing


def test_each_occurrence_links_to_its_series(client_for, community, owner):
    series = make_series(community, owner)
    event = series.occurrences.first()
    page = client_for(owner).get(
        reverse("events:detail", kwargs={"slug": community.slug, "event_id": event.pk})
    )
    assert series_url(series) in page.content.decode()


def test_past_occurrences_have_their_own_tab(client_for, community, owner):
    series = make_series(community, owner, count=4)
    into_the_past(series, 2)
    client = client_for(owner)
    upcoming = client.get(series_url(series)).context
    past = client.get(series_url(series, time="past")).context
    assert len(upcoming["occurrences"]) == 2 and len(past["occurrences"]) == 2
    assert (upcoming["overview"].upcoming_count, upcoming["overview"].past_count) == (2, 2)
    assert past["occurrences"][0].starts_at > past["occurrences"][1].starts_at  # most recent first


def test_operators_and_hosts_get_the_edit_links_and_the_scope_is_chosen(client_for, community, owner):
    series = make_series(community, owner)
    events = list(series.occurrences.order_by("starts_at"))
    edit = reverse("events:edit", kwargs={"slug": community.slug, "event_id": events[1].pk})
    assert f"{edit}?scope=following" in client_for(owner).get(series_url(series)).content.decode()
    host = factories.member(community=community)
    EventHost.objects.create(community=community, event=events[1], membership=host)
    html = client_for(host.user).get(series_url(series)).content.decode()
    assert f"{edit}?scope=following" in html and html.count("scope=following") == 1
    form = client_for(owner).get(f"{edit}?scope=following").context["form"]
    assert form["scope"].value() == "following"


def test_a_members_only_series_is_a_404_for_visitors_and_another_communitys_too(client_for, community, owner):
    series = make_series(community, owner, visibility="members")
    assert client_for().get(series_url(series)).status_code in (302, 404)
    assert client_for(factories.member(community=community).user).get(series_url(series)).status_code == 200
    other = factories.CommunityFactory(visibility="public")
    other_owner = factories.member(community=other, role="owner").user
    foreign = reverse("events:series", kwargs={"slug": other.slug, "event_series_id": series.pk})
    assert client_for(other_owner).get(foreign).status_code == 404


def test_a_public_series_is_shown_to_anonymous_visitors_without_edit_links(client_for, owner):
    community = owner.memberships.get().community
    community.visibility = "public"
    community.save()
    series = make_series(community, owner)
    response = client_for().get(series_url(series))
    assert response.status_code == 200 and "Every week" in response.content.decode()
    assert "scope=following" not in response.content.decode()


def test_bad_page_and_time_values_fall_back(client_for, community, owner):
    series = make_series(community, owner)
    client = client_for(owner)
    for query in ({"page": "x"}, {"page": "999"}, {"time": "nonsense"}):
        assert client.get(series_url(series, **query)).status_code == 200


def test_the_page_costs_the_same_for_3_or_25_occurrences_and_paginates(client_for, community, owner):
    small, large = make_series(community, owner, count=3), make_series(community, owner, count=25)
    client = client_for(owner)
    client.get(series_url(small))  # warm the nav caches and the day's visit

    def count(series, **query):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(series_url(series, **query)).status_code == 200
        return len(queries)

    assert count(small) == count(large) == count(large, page=2)
    second = client.get(series_url(large, page=2)).context
    assert len(second["occurrences"]) == 5 and second["page_obj"].number == 2


# --- The rule in words -------------------------------------------------------------------------------------

START = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12", "Every week on Tuesday, Thursday, 12 times"),
        ("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270101", "Every month on the first Tuesday, until"),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", "the last Friday"),
        ("FREQ=DAILY;INTERVAL=2;COUNT=1", "Every 2 days, once"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=4", "Every month on day 1, 15, 4 times"),
        ("FREQ=YEARLY;COUNT=2", "Every year, 2 times"),
    ],
)
def test_rules_read_as_sentences(rule, words):
    with translation.override("en"):
        assert words in rule_in_words(rule, starts_at=START, time_zone="Europe/Paris")


@pytest.mark.parametrize(
    "rule",
    ["FREQ=WEEKLY;BYSETPOS=1;COUNT=3", "FREQ=WEEKLY;BYDAY=XX;COUNT=2", "FREQ=HOURLY;COUNT=2", "nonsense", ""],
)
def test_rules_not_covered_give_none(rule):
    assert rule_in_words(rule, starts_at=START, time_zone="UTC") is None


def test_the_rule_reads_in_chinese():
    with translation.override("zh-hans"):
        words = rule_in_words("FREQ=WEEKLY;BYDAY=TU;COUNT=3", starts_at=START, time_zone="Asia/Shanghai")
    assert "Every" not in words and "3" in words and "Asia/Shanghai" in words

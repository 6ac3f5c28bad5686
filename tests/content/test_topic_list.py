"""A space's topic list: pages numbered from the space's stored count (no COUNT over its topics), in the
order an index of the migrations holds (community first), with working page links."""

import re

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities.roles import Role
from content.models import Topic
from content.selectors import discussions as selectors
from content.services import discussion_moderation as moderation
from content.services import discussions as services
from content.services import spaces as space_services
from content.views import spaces as space_views
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Gear talk")


def start(community, owner, space, title, **kwargs):
    return services.topic_create(
        actor=owner, community=community, space=space, title=title, body="b", **kwargs
    )


def listed(client, space, page=1) -> tuple[list[str], str]:
    url = reverse("content:space-detail", args=[space.community.slug, space.slug])
    html = client.get(url, {"page": page}).content.decode()
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a>', html), html


def test_the_list_counts_no_topics_to_number_its_pages(community, owner, space):
    for number in range(3):
        start(community, owner, space, f"T{number}")
    client = Client()
    client.force_login(owner)
    url = reverse("content:space-detail", args=[community.slug, space.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    counts = [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]
    assert not [sql for sql in counts if "content_topic" in sql]


def test_pages_follow_the_order_and_the_stored_count(community, owner, space, monkeypatch):
    monkeypatch.setattr(space_views, "PAGE_SIZE", 2)
    topics = [start(community, owner, space, f"T{number}") for number in range(5)]
    moderation.topic_pin(actor=owner, community=community, topic=topics[1])
    moderation.topic_prompt(actor=owner, community=community, topic=topics[3])
    services.topic_remove_for_moderation(topics[0], owner)  # the count drops: two pages, not three
    client = Client()
    client.force_login(owner)
    first, html = listed(client, space, 1)
    assert "Page 1 of 2" in html and "page=2" in html
    second, html = listed(client, space, 2)
    assert "page=1" in html
    assert first + second == ["T3", "T1", "T4", "T2"]


def test_the_index_of_the_list_leads_with_the_community_and_follows_its_order():
    state = MigrationLoader(None, ignore_no_migrations=True).project_state()
    indexes = state.models["content", "topic"].options["indexes"]
    [index] = [index for index in indexes if index.name == "content_topic_space_order"]
    sql = str(index.create_sql(Topic, connection.schema_editor()))
    columns = sql[sql.index("(", sql.index("ON")) + 1 : sql.rindex(")")]
    lead = '"community_id", "space_id", "is_prompt" DESC, ("pinned_at" IS NULL), "pinned_at" DESC'
    assert columns.startswith(lead)
    assert '"last_activity_at" DESC, "id" DESC' in columns and '"removed_at" IS NULL' in sql
    # The list's ORDER BY is the index's columns after the community and the space.
    ordering = str(selectors.topics_in_order(Topic.objects.all()).query).split("ORDER BY ")[1]
    ordering = ordering.replace('"content_topic".', "").replace(" ASC", "")
    assert ordering == columns.split(", ", 2)[2].replace("(", "").replace(")", "")


def test_the_api_list_counts_from_the_readable_spaces_unless_a_filter_narrows_it(
    api_client_for, community, owner, space
):
    """The API's `count` is the readable spaces' stored counts: no COUNT over the topics; a members-only
    space the caller does not belong to adds nothing; a filter or a search counts the rows it keeps."""
    hidden = space_services.space_create(
        actor=owner, community=community, name="Core", members_only=True, joining="invitation"
    )
    for number in range(3):
        start(community, owner, space, f"T{number}")
    start(community, owner, hidden, "Secret")
    member = factories.member(community=community).user
    url = reverse("api:topic-list", args=[community.slug])
    client = api_client_for(member)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        body = client.get(url).json()
    assert body["count"] == 3 and len(body["results"]) == 3
    assert not [q["sql"] for q in captured if "COUNT(" in q["sql"].upper() and "content_topic" in q["sql"]]
    assert api_client_for(owner).get(url).json()["count"] == 4
    assert client.get(url, {"space": hidden.slug}).json()["count"] == 0
    assert client.get(url, {"space": space.slug}).json()["count"] == 3
    assert client.get(url, {"search": "T1"}).json()["count"] == 1
    assert client.get(url, {"pinned": "true"}).json()["count"] == 0

"""The API's topic and reply lists kept per discussions version (content.versioning, decision 0018): a
second read loads no topic or reply, yet every write they show (an edit, a reply, a reaction, a pin, a
renamed author, a removal, a hold, a join) shows at once, and callers who must see different things
(moderator and member, a members-only space's members and the others, the caller's own reactions, time
zones) each see their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities.roles import Role
from content.services import discussion_moderation as moderation
from content.services import discussions as services
from content.services import spaces as space_services
from tests import factories
from tests.content.test_discussion_moderation import report_enough

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def member(community):
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Gear talk", joining="open")


@pytest.fixture
def topic(community, member, space):
    return services.topic_create(actor=member, community=community, space=space, title="Lenses", body="b")


@pytest.fixture
def reply(community, owner, topic):
    return services.reply_create(actor=owner, community=community, topic=topic, body="Primes")


def topics(client, community) -> dict[int, dict]:
    body = client.get(reverse("api:topic-list", args=[community.slug])).json()
    return {row["id"]: row for row in body["results"]}


def replies(client, topic) -> dict[int, dict]:
    body = client.get(reverse("api:reply-list", args=[topic.community.slug, topic.pk])).json()
    return {row["id"]: row for row in body["results"]}


@pytest.mark.parametrize("table", ["content_topic", "content_reply"])
def test_a_second_read_loads_no_row(api_client_for, community, member, topic, reply, table):
    client = api_client_for(member)
    read = (lambda: topics(client, community)) if table == "content_topic" else lambda: replies(client, topic)
    read()  # the caller's first read of the day records their visit: a new member-list version
    first = read()
    with CaptureQueriesContext(connection) as captured:
        assert read() == first
    assert not [query for query in captured if f'FROM "{table}"' in query["sql"]]


def test_topic_list_shows_each_write_at_once(api_client_for, community, owner, member, topic):
    client = api_client_for(factories.member(community=community).user)
    assert topics(client, community)[topic.pk]["title"] == "Lenses"
    services.topic_update(actor=member, community=community, topic=topic, title="Primes")
    assert topics(client, community)[topic.pk]["title"] == "Primes"
    services.reply_create(actor=owner, community=community, topic=topic, body="Yes")
    assert topics(client, community)[topic.pk]["reply_count"] == 1
    services.reaction_toggle(actor=owner, community=community, topic=topic, emoji="heart")
    assert topics(client, community)[topic.pk]["reactions"]["heart"] == 1
    services.reaction_toggle(actor=owner, community=community, topic=topic, emoji="heart")
    assert topics(client, community)[topic.pk]["reactions"]["heart"] == 0
    moderation.topic_pin(actor=owner, community=community, topic=topic)
    assert topics(client, community)[topic.pk]["pinned_at"] is not None
    member.display_name = "Ada Renamed"
    member.save()
    assert topics(client, community)[topic.pk]["author"]["name"] == "Ada Renamed"
    services.topic_remove_for_moderation(topic, owner)
    assert topic.pk not in topics(client, community)


def test_a_held_topic_leaves_the_kept_list(api_client_for, community, topic):
    client = api_client_for(factories.member(community=community).user)
    assert topic.pk in topics(client, community)
    report_enough(community, "content.topic", topic.pk)
    assert topic.pk not in topics(client, community)


def test_reply_list_shows_each_write_at_once(api_client_for, community, owner, member, topic, reply):
    client = api_client_for(factories.member(community=community).user)
    assert replies(client, topic)[reply.pk]["body"] == "Primes"
    services.reply_update(actor=owner, community=community, reply=reply, body="Zooms")
    assert replies(client, topic)[reply.pk]["body"] == "Zooms"
    nested = services.reply_create(
        actor=member, community=community, topic=topic, body="N", parent_id=reply.pk
    )
    assert replies(client, topic)[nested.pk]["parent_id"] == reply.pk
    services.reaction_toggle(actor=member, community=community, topic=topic, reply=reply, emoji="laugh")
    assert replies(client, topic)[reply.pk]["reactions"]["laugh"] == 1
    owner.display_name = "Owner Renamed"
    owner.save()
    assert replies(client, topic)[reply.pk]["author"]["name"] == "Owner Renamed"
    services.reply_remove_for_moderation(reply, owner)
    left = replies(client, topic)
    assert reply.pk not in left and nested.pk not in left  # its nested replies go with it


def test_each_caller_sees_their_own_reactions(api_client_for, community, owner, member, topic, reply):
    theirs = api_client_for(owner)
    assert replies(theirs, topic)[reply.pk]["my_reactions"] == []
    services.reaction_toggle(actor=member, community=community, topic=topic, reply=reply, emoji="heart")
    assert replies(api_client_for(member), topic)[reply.pk]["my_reactions"] == ["heart"]
    assert replies(theirs, topic)[reply.pk]["my_reactions"] == []


def test_members_only_topics_reach_moderators_and_the_spaces_members_alone(
    api_client_for, community, owner, member
):
    core = space_services.space_create(
        actor=owner, community=community, name="Core", members_only=True, joining="invitation"
    )
    secret = services.topic_create(actor=owner, community=community, space=core, title="Secret", body="b")
    moderator = factories.member(community=community, role=Role.MODERATOR).user
    for _ in range(2):  # the second round reads what the first kept
        assert secret.pk in topics(api_client_for(moderator), community)
        assert secret.pk not in topics(api_client_for(member), community)
    space_services.space_member_add(
        actor=owner, community=community, space=core, membership=member.memberships.get()
    )
    assert secret.pk in topics(api_client_for(member), community)


def test_callers_in_other_time_zones_get_their_own_pages(client_for, community, topic, reply):
    """Session callers: their time zone is applied by the middleware (accounts.middleware)."""
    shanghai = factories.member(community=community).user
    shanghai.timezone = "Asia/Shanghai"
    shanghai.save()
    utc = factories.member(community=community).user
    for _ in range(2):
        assert topics(client_for(shanghai), community)[topic.pk]["created_at"].endswith("+08:00")
        assert replies(client_for(shanghai), topic)[reply.pk]["created_at"].endswith("+08:00")
        assert topics(client_for(utc), community)[topic.pk]["created_at"].endswith("Z")
        assert replies(client_for(utc), topic)[reply.pk]["created_at"].endswith("Z")

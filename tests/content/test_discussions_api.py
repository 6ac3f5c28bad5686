"""Spaces and discussions through the API: spaces and their members, topics with filters and ordering,
replies with nesting and quotes, reaction toggles, bad input, hidden rows and query counts."""

import pytest
from django.db import reset_queries
from django.urls import reverse

from communities.roles import Role
from content.models import Reaction, Space, Topic
from content.services import discussions as services
from content.services import spaces as space_services
from tests import factories
from tests.api.helpers import assert_error
from tests.content.xss import XSS, assert_inert

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def member(community):
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Gear talk", joining="open")


def test_spaces_topics_replies_and_reactions(api_client_for, community, owner, member):
    created = api_client_for(owner).post(
        api("space-list", community),
        {"name": "Study group", "joining": "invitation", "members_only": True, "who_may_post": "members"},
        format="json",
    )
    assert created.status_code == 201, created.content
    group = created.json()
    assert group["slug"] == "study-group" and group["readable"] and not group["is_member"]
    membership_id = member.memberships.get().pk
    added = api_client_for(owner).post(
        api("space-member-list", community, "study-group"), {"membership_id": membership_id}, format="json"
    )
    assert added.status_code == 201 and added.json()["username"] == member.username
    topic = api_client_for(member).post(
        api("topic-list", community),
        {"space": "study-group", "title": "Ch. 3", "body": "*Light*"},
        format="json",
    )
    assert topic.status_code == 201, topic.content
    topic = topic.json()
    assert topic["body_html"] == "<p><em>Light</em></p>\n" and topic["space"]["slug"] == "study-group"
    replies = api("reply-list", community, topic["id"])
    first = api_client_for(owner).post(replies, {"body": "Good one"}, format="json").json()
    nested = (
        api_client_for(member)
        .post(replies, {"body": "Thanks", "parent_id": first["id"], "quoted_id": first["id"]}, format="json")
        .json()
    )
    assert nested["parent_id"] == first["id"] and nested["quote"] == "Good one"
    listed = api_client_for(member).get(replies).json()["results"]
    assert [row["id"] for row in listed] == [first["id"], nested["id"]]
    react = api("reply-reactions", community, topic["id"], first["id"])
    toggled = api_client_for(member).post(react, {"emoji": "heart"}, format="json")
    assert (
        toggled.status_code == 200 and toggled.json()["reacted"] and toggled.json()["reactions"]["heart"] == 1
    )
    again = api_client_for(member).post(react, {"emoji": "heart"}, format="json").json()
    assert not again["reacted"] and again["reactions"]["heart"] == 0 and not Reaction.objects.exists()
    outsider = factories.member(community=community).user
    assert api_client_for(outsider).get(api("topic-list", community)).json()["results"] == []
    assert_error(
        api_client_for(outsider).get(api("topic-detail", community, topic["id"])), 404, "topic_not_found"
    )


def test_topic_filters_and_ordering(api_client_for, community, owner, member, space):
    other = space_services.space_create(actor=owner, community=community, name="Other")
    mine = services.topic_create(actor=member, community=community, space=space, title="Mine", body="b")
    theirs = services.topic_create(actor=owner, community=community, space=other, title="Theirs", body="b")
    services.reply_create(actor=owner, community=community, topic=mine, body="r")

    def ids(query):
        response = api_client_for(member).get(api("topic-list", community) + query)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(f"?space={space.slug}") == [mine.pk]
    assert ids(f"?author={owner.memberships.get().pk}") == [theirs.pk]
    assert ids("?ordering=-reply_count") == [mine.pk, theirs.pk]
    assert ids("?ordering=created_at") == [mine.pk, theirs.pk]
    assert ids("?pinned=true") == []
    assert api_client_for(member).get(api("topic-list", community) + "?author=0").status_code == 400


def test_bad_input_is_a_clear_error(api_client_for, community, owner, member, space):
    topics = api("topic-list", community)
    assert_error(
        api_client_for(member).post(topics, {"space": "nowhere", "title": "T", "body": "b"}, format="json"),
        400,
        "space_of_another_community",
    )
    news = space_services.space_create(
        actor=owner, community=community, name="News", who_may_post="operators"
    )
    assert_error(
        api_client_for(member).post(topics, {"space": news.slug, "title": "T", "body": "b"}, format="json"),
        403,
        "space_posting_restricted",
    )
    response = api_client_for(member).post(
        topics, {"space": space.slug, "title": "T", "body": "x" * 20_001}, format="json"
    )
    assert response.status_code == 400 and "body" in response.json()["fields"]
    assert (
        api_client_for(member)
        .post(topics, {"space": space.slug, "title": "T", "body": "b", "pinned": True}, format="json")
        .status_code
        == 400
    )
    topic = services.topic_create(actor=member, community=community, space=space, title="T", body="b")
    Topic.objects.filter(pk=topic.pk).update(locked_at="2020-01-01T00:00:00Z")
    assert_error(
        api_client_for(member).post(api("reply-list", community, topic.pk), {"body": "x"}, format="json"),
        409,
        "topic_locked",
    )
    react = api("topic-reactions", community, topic.pk)
    assert api_client_for(member).post(react, {"emoji": "poo"}, format="json").status_code == 400
    other_community = factories.CommunityFactory()
    foreign = Space.objects.create(community=other_community, name="Else", slug="else")
    assert_error(
        api_client_for(member).post(
            topics, {"space": foreign.slug, "title": "T", "body": "b"}, format="json"
        ),
        400,
        "space_of_another_community",
    )
    assert_error(
        api_client_for(owner).post(
            api("space-list", community), {"name": "Gear talk", "slug": space.slug}, format="json"
        ),
        400,
        "space_invalid",
    )
    assert_error(
        api_client_for(owner).post(
            api("space-member-list", community, space.slug), {"membership_id": 999999}, format="json"
        ),
        400,
        "space_invalid",
    )


def test_join_and_leave(api_client_for, community, member, space):
    membership = api("space-membership", community, space.slug)
    joined = api_client_for(member).post(membership)
    assert joined.status_code == 201 and joined.json()["is_member"] and joined.json()["member_count"] == 1
    assert_error(api_client_for(member).post(membership), 409, "already_space_member")
    assert api_client_for(member).delete(membership).status_code == 204


def test_xss_is_inert_in_html_fields(api_client_for, community, member, space):
    topic = services.topic_create(
        actor=member, community=community, space=space, title="T", body="\n\n".join(XSS)
    )
    for payload in XSS:
        services.reply_create(actor=member, community=community, topic=topic, body=payload)
    assert_inert(api_client_for(member).get(api("topic-detail", community, topic.pk)).json()["body_html"])
    for row in api_client_for(member).get(api("reply-list", community, topic.pk)).json()["results"]:
        assert_inert(row["body_html"])


@pytest.mark.parametrize("name", ["topic-list", "reply-list"])
def test_lists_have_a_constant_query_count(
    api_client_for,
    community,
    owner,
    member,
    space,
    name,
    settings,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    settings.FRAGMENT_CACHE_VERSIONED = (
        False  # the lists as built (kept pages: tests/content/test_api_list_cache.py)
    )
    topic = services.topic_create(actor=member, community=community, space=space, title="T", body="b")
    client = api_client_for(member)
    path = api(name, community, *([topic.pk] if name == "reply-list" else []))

    def fill(n):
        for i in range(n):
            services.topic_create(actor=owner, community=community, space=space, title=f"T{i}", body="b")
            parent = services.reply_create(actor=owner, community=community, topic=topic, body=f"R{i}")
            services.reply_create(
                actor=owner, community=community, topic=topic, body="n", parent_id=parent.pk
            )

    fill(2)
    client.get(path)
    reset_queries()
    with django_assert_max_num_queries(15) as small:
        client.get(path)
    limit = len(small)
    fill(10)
    client.get(path)
    reset_queries()
    with django_assert_num_queries(limit):
        client.get(path)

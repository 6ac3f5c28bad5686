"""Discussion pages: spaces, a members-only study group, starting a topic, replying, nesting, quoting,
reactions, errors on the form, XSS, and constant query counts."""

import pytest
from django.db import reset_queries

from communities.roles import Role
from content.models import Reply, Space, Topic
from content.services import discussions as services
from content.services import spaces as space_services
from tests import factories
from tests.content.pages import client_for, url
from tests.content.xss import XSS, assert_inert

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


def test_operator_opens_a_space_member_starts_a_topic_and_others_reply(community, owner, member):
    response = client_for(owner).post(
        url("space-create", community),
        {"name": "Critique corner", "slug": "", "description": "Show *work*", "position": 1,
         "who_may_post": "everyone", "joining": "none", "slow_mode_minutes": 0},
    )  # fmt: skip
    space = Space.objects.get()
    assert response.status_code == 302 and space.slug == "critique-corner"
    response = client_for(member).post(
        url("topic-create", community, space.slug), {"title": "My first print", "body": "**Matte** paper"}
    )
    topic = Topic.objects.get()
    assert response.status_code == 302 and response["Location"] == url("topic-detail", community, topic.pk)
    client_for(owner).post(url("topic-detail", community, topic.pk), {"body": "Lovely."})
    first = Reply.objects.get()
    response = client_for(member).post(
        url("topic-detail", community, topic.pk),
        {"body": "Thanks!", "parent_id": first.pk, "quoted_id": first.pk},
    )
    assert response.status_code == 302
    nested = Reply.objects.exclude(pk=first.pk).get()
    assert nested.parent_id == first.pk and nested.quote == "Lovely."
    page = client_for(member).get(url("topic-detail", community, topic.pk)).content.decode()
    assert (
        "<strong>Matte</strong>" in page and "reply-children" in page and f'href="#reply-{first.pk}"' in page
    )
    listing = client_for(member).get(url("spaces", community)).content.decode()
    assert "Critique corner" in listing and "My first print" in listing


def test_reply_form_prepares_an_answer_and_a_quote(community, owner, member, space):
    topic = services.topic_create(actor=member, community=community, space=space, title="T", body="b")
    first = services.reply_create(
        actor=owner, community=community, topic=topic, body="Quote **me**, [here](https://example.com)"
    )
    page = client_for(member).get(
        url("topic-detail", community, topic.pk) + f"?reply_to={first.pk}&quote={first.pk}"
    )
    html = page.content.decode()
    assert page.status_code == 200 and f'value="{first.pk}"' in html
    # The quote shown above the form is the words that will be stored, not the raw Markdown.
    assert '<blockquote class="reply-quote"><p>Quote me, here</p></blockquote>' in html


def test_form_errors_instead_of_500s(community, owner, member, space):
    topic = services.topic_create(actor=member, community=community, space=space, title="T", body="b")
    Topic.objects.filter(pk=topic.pk).update(locked_at="2020-01-01T00:00:00Z")
    response = client_for(member).post(url("topic-detail", community, topic.pk), {"body": "late"})
    assert response.status_code == 200 and "locked" in response.content.decode()
    news = space_services.space_create(
        actor=owner, community=community, name="News", who_may_post="operators"
    )
    response = client_for(member).post(
        url("topic-create", community, news.slug), {"title": "Hi", "body": "b"}
    )
    assert response.status_code == 200 and "Only the operators" in response.content.decode()
    response = client_for(member).post(
        url("topic-create", community, space.slug), {"title": "T", "body": "x" * 20_001}
    )
    assert response.status_code == 200 and Topic.objects.count() == 1
    other = services.topic_create(actor=member, community=community, space=space, title="O", body="o")
    foreign = services.reply_create(actor=owner, community=community, topic=other, body="x")
    Topic.objects.filter(pk=topic.pk).update(locked_at=None)
    response = client_for(member).post(
        url("topic-detail", community, topic.pk), {"body": "y", "parent_id": foreign.pk}
    )
    assert response.status_code == 200 and Reply.objects.filter(topic=topic).count() == 0


def test_reactions_toggle_from_the_page(community, owner, member, space):
    topic = services.topic_create(actor=member, community=community, space=space, title="T", body="b")
    client_for(owner).post(url("topic-react", community, topic.pk), {"emoji": "heart"})
    topic.refresh_from_db()
    assert topic.react_heart == 1
    page = client_for(owner).get(url("topic-detail", community, topic.pk)).content.decode()
    assert 'aria-pressed="true"' in page
    client_for(owner).post(url("topic-react", community, topic.pk), {"emoji": "heart"})
    topic.refresh_from_db()
    assert topic.react_heart == 0
    response = client_for(owner).post(url("topic-react", community, topic.pk), {"emoji": "nope"})
    assert response.status_code == 302  # a flash message, nothing written


def test_study_group_is_closed_to_non_members(community, owner, member):
    group = space_services.space_create(
        actor=owner, community=community, name="Study group", joining="invitation", members_only=True,
        who_may_post="members",
    )  # fmt: skip
    response = client_for(owner).post(
        url("space-members", community, group.slug), {"username": member.username}
    )
    assert response.status_code == 302
    topic = services.topic_create(
        actor=member, community=community, space=group, title="Secret ch. 3", body="x"
    )
    outsider = factories.member(community=community).user
    page = client_for(outsider).get(url("space-detail", community, group.slug)).content.decode()
    assert "Study group" in page and "Secret ch. 3" not in page
    assert "Secret ch. 3" not in client_for(outsider).get(url("spaces", community)).content.decode()
    assert client_for(outsider).get(url("topic-detail", community, topic.pk)).status_code == 404
    assert (
        "Secret ch. 3" in client_for(member).get(url("space-detail", community, group.slug)).content.decode()
    )
    response = client_for(owner).post(url("space-members", community, group.slug), {"username": "nobody"})
    assert response.status_code == 200 and "active member" in response.content.decode()


def test_join_and_leave(community, member, space):
    client_for(member).post(url("space-join", community, space.slug))
    space.refresh_from_db()
    assert space.member_count == 1
    client_for(member).post(url("space-leave", community, space.slug))
    space.refresh_from_db()
    assert space.member_count == 0


def test_xss_is_inert(community, owner, member, space):
    topic = services.topic_create(
        actor=member, community=community, space=space, title=XSS[0], body="\n\n".join(XSS)
    )
    for payload in XSS:
        reply = services.reply_create(actor=owner, community=community, topic=topic, body=payload)
        services.reply_create(actor=member, community=community, topic=topic, body="q", quoted_id=reply.pk)
    for page in (url("topic-detail", community, topic.pk), url("space-detail", community, space.slug)):
        assert_inert(client_for(member).get(page).content.decode())


def test_space_list_has_a_constant_query_count(
    community, owner, member, space, django_assert_max_num_queries
):
    viewer = client_for(member)

    def fill(n):
        for i in range(n):
            other = space_services.space_create(
                actor=owner, community=community, name=f"S{i} {Space.objects.count()}"
            )
            services.topic_create(actor=owner, community=community, space=other, title=f"T{i}", body="b")

    fill(2)
    services.topic_create(actor=member, community=community, space=space, title="First", body="b")
    for name, args in (("spaces", []), ("space-detail", [space.slug])):
        viewer.get(url(name, community, *args))
    counts = {}
    for name, args in (("spaces", []), ("space-detail", [space.slug])):
        reset_queries()
        with django_assert_max_num_queries(40) as small:
            viewer.get(url(name, community, *args))
        counts[name] = len(small)
    fill(12)
    for i in range(12):
        services.topic_create(actor=member, community=community, space=space, title=f"Mine {i}", body="b")
    for name, args in (("spaces", []), ("space-detail", [space.slug])):
        viewer.get(url(name, community, *args))
        reset_queries()
        with django_assert_max_num_queries(counts[name]):
            viewer.get(url(name, community, *args))


def test_topic_page_costs_the_same_for_5_or_50_replies(
    community, owner, member, space, django_assert_num_queries, django_assert_max_num_queries
):
    topic = services.topic_create(actor=member, community=community, space=space, title="T", body="b")
    viewer = client_for(member)

    def fill(n):
        for i in range(n):
            parent = services.reply_create(actor=owner, community=community, topic=topic, body=f"R{i}")
            services.reply_create(
                actor=owner, community=community, topic=topic, body="n", parent_id=parent.pk
            )
            services.reaction_toggle(
                actor=member, community=community, topic=topic, reply=parent, emoji="heart"
            )

    fill(3)  # 6 replies
    viewer.get(url("topic-detail", community, topic.pk))
    reset_queries()
    with django_assert_max_num_queries(40) as small:
        viewer.get(url("topic-detail", community, topic.pk))
    limit = len(small)
    fill(22)  # 50 replies
    viewer.get(url("topic-detail", community, topic.pk))
    reset_queries()
    with django_assert_num_queries(limit):
        viewer.get(url("topic-detail", community, topic.pk))

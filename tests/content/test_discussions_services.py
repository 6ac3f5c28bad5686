"""Spaces and discussions through the services: spaces and their members, who may post where, topics,
nested replies and quotes, reactions and their counters, notices, activity, trust, muting, newcomers'
limits and removal by moderators."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification
from communities.roles import Role
from content.errors import discussions as errors
from content.models import Reaction, Reply, Space, Topic
from content.selectors import discussions as selectors
from content.services import discussions as services
from content.services import spaces as space_services
from members.errors import MemberMuted, PostLimitExceeded
from members.services import moderation
from members.services.trust import THRESHOLD_VERBS
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def member(community):
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Gear talk")


@pytest.fixture
def topic(community, member, space):
    return services.topic_create(
        actor=member, community=community, space=space, title="  Which   bag? ", body="For two bodies."
    )


def membership(user, community):
    return user.memberships.get(community=community)


def test_space_needs_manage_spaces_and_gets_an_address(community, owner, member):
    with pytest.raises(Forbidden):
        space_services.space_create(actor=member, community=community, name="Mine")
    space = space_services.space_create(actor=owner, community=community, name="Critique corner")
    assert space.slug == "critique-corner"
    chinese = space_services.space_create(actor=owner, community=community, name="摄影小组")
    assert chinese.slug.startswith("space-")
    with pytest.raises(errors.SpaceInvalid) as caught:
        space_services.space_create(actor=owner, community=community, name="Other", slug="critique-corner")
    assert "slug" in caught.value.fields


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"name": "  "}, "name"),
        ({"name": "Group", "members_only": True}, "joining"),
        ({"name": "Group", "who_may_post": "members"}, "joining"),
        ({"name": "Group", "who_may_post": "nobody"}, "who_may_post"),
        ({"name": "Group", "slow_mode_minutes": 99999}, "slow_mode_minutes"),
        ({"name": "Group", "slug": "new"}, "slug"),
    ],
)
def test_bad_spaces_are_refused_by_field(community, owner, kwargs, field):
    with pytest.raises(errors.SpaceInvalid) as caught:
        space_services.space_create(actor=owner, community=community, **kwargs)
    assert field in caught.value.fields
    assert not Space.objects.exists()


def test_topic_and_replies_keep_counters_and_notify(community, owner, member, space, topic):
    assert topic.title == "Which bag?"
    space.refresh_from_db()
    assert space.topic_count == 1 and space.last_activity_at is not None
    other = factories.member(community=community).user
    first = services.reply_create(actor=other, community=community, topic=topic, body="A sling.")
    nested = services.reply_create(
        actor=owner, community=community, topic=topic, body="Agreed.", parent_id=first.pk
    )
    deeper = services.reply_create(
        actor=member, community=community, topic=topic, body="Which one?", parent_id=nested.pk
    )
    assert nested.parent_id == first.pk and deeper.parent_id == first.pk  # one level of nesting
    topic.refresh_from_db()
    assert topic.reply_count == 3
    kinds = sorted(Notification.objects.values_list("recipient__username", "kind"))
    assert (member.username, "discussion.replied") in kinds  # the topic's author, for each reply by others
    assert (other.username, "discussion.nested_reply") in kinds  # the parent's author
    assert not Notification.objects.filter(recipient=member, kind="discussion.nested_reply").exists()
    assert ActivityEvent.objects.filter(verb="reply.created").count() == 3
    assert ActivityEvent.objects.filter(verb="topic.created", actor=member).count() == 1
    assert "topic.created" in THRESHOLD_VERBS["posts"] and "reply.created" in THRESHOLD_VERBS["replies"]


def test_quote_keeps_an_excerpt_and_the_link(community, owner, member, topic):
    long = services.reply_create(actor=owner, community=community, topic=topic, body="word " * 200)
    quoting = services.reply_create(
        actor=member, community=community, topic=topic, body="Indeed", quoted_id=long.pk
    )
    assert quoting.quoted_id == long.pk and quoting.quote.endswith("…") and len(quoting.quote) <= 500


def test_a_quote_is_the_words_a_reader_sees_not_the_markdown(community, owner, member, topic):
    marked = services.reply_create(
        actor=owner, community=community, topic=topic, body="Use **f/8** and [see this](https://example.com)"
    )
    quoting = services.reply_create(
        actor=member, community=community, topic=topic, body="Indeed", quoted_id=marked.pk
    )
    assert quoting.quote == "Use f/8 and see this"


def test_reply_of_another_topic_cannot_be_answered_or_quoted(community, owner, member, space, topic):
    elsewhere = services.topic_create(actor=owner, community=community, space=space, title="B", body="b")
    foreign = services.reply_create(actor=owner, community=community, topic=elsewhere, body="x")
    for field in ("parent_id", "quoted_id"):
        with pytest.raises(errors.ReplyOfAnotherTopic) as caught:
            services.reply_create(
                actor=member, community=community, topic=topic, body="y", **{field: foreign.pk}
            )
        assert field in caught.value.fields
    assert Reply.objects.filter(topic=topic).count() == 0


def test_operators_only_space_refuses_members_topics_but_takes_replies(community, owner, member):
    news = space_services.space_create(
        actor=owner, community=community, name="News", who_may_post="operators"
    )
    with pytest.raises(errors.SpacePostingRestricted):
        services.topic_create(actor=member, community=community, space=news, title="Hi", body="Me")
    topic = services.topic_create(actor=owner, community=community, space=news, title="Hi", body="All")
    services.reply_create(actor=member, community=community, topic=topic, body="Thanks")
    assert not Topic.objects.filter(author=membership(member, community)).exists()


def test_prompt_of_the_week_is_for_operators(community, owner, member, space):
    with pytest.raises(Forbidden):
        services.topic_create(
            actor=member, community=community, space=space, title="P", body="p", is_prompt=True
        )
    prompt = services.topic_create(
        actor=owner, community=community, space=space, title="P", body="p", is_prompt=True
    )
    later = services.topic_create(actor=member, community=community, space=space, title="Later", body="l")
    topics = selectors.topics_in_order(
        selectors.topic_list(community=community, membership=membership(member, community))
    )
    assert list(topics) == [prompt, later]


def test_members_only_space_hides_its_topics_from_non_members(community, owner, member):
    group = space_services.space_create(
        actor=owner, community=community, name="Study group", joining="invitation", members_only=True,
        who_may_post="members",
    )  # fmt: skip
    outsider = factories.member(community=community).user
    with pytest.raises(errors.SpaceJoinClosed):
        space_services.space_join(actor=outsider, community=community, space=group)
    space_services.space_member_add(
        actor=owner, community=community, space=group, membership=membership(member, community)
    )
    topic = services.topic_create(actor=member, community=community, space=group, title="Ch. 3", body="x")
    with pytest.raises(errors.SpaceNotFound):
        services.topic_create(actor=outsider, community=community, space=group, title="Me", body="too")
    assert list(selectors.topic_list(community=community, membership=membership(member, community))) == [
        topic
    ]
    assert not selectors.topic_list(community=community, membership=membership(outsider, community)).exists()
    assert not selectors.topic_list(community=community, membership=None).exists()
    moderator = factories.member(community=community, role=Role.MODERATOR)
    assert list(selectors.topic_list(community=community, membership=moderator)) == [topic]
    with pytest.raises(errors.TopicNotFound):
        selectors.topic_get(
            community=community, membership=membership(outsider, community), topic_id=topic.pk
        )
    with pytest.raises(errors.TopicNotFound):
        services.reply_create(actor=outsider, community=community, topic=topic, body="hi")


def test_joining_and_leaving_an_open_space_keep_the_count(community, owner, member, space):
    with pytest.raises(errors.SpaceWithoutMembership):
        space_services.space_join(actor=member, community=community, space=space)
    space = space_services.space_update(actor=owner, community=community, space=space, joining="open")
    space_services.space_join(actor=member, community=community, space=space)
    with pytest.raises(errors.AlreadySpaceMember):
        space_services.space_join(actor=member, community=community, space=space)
    space.refresh_from_db()
    assert space.member_count == 1
    space_services.space_leave(actor=member, community=community, space=space)
    space.refresh_from_db()
    assert space.member_count == 0


def test_reactions_toggle_with_counters_and_one_row(community, owner, member, topic):
    reply = services.reply_create(actor=owner, community=community, topic=topic, body="A sling.")
    assert services.reaction_toggle(actor=owner, community=community, topic=topic, emoji="heart")
    assert services.reaction_toggle(
        actor=member, community=community, topic=topic, reply=reply, emoji="heart"
    )
    topic.refresh_from_db()
    reply.refresh_from_db()
    assert topic.react_heart == 1 and reply.react_heart == 1
    assert not services.reaction_toggle(actor=owner, community=community, topic=topic, emoji="heart")
    topic.refresh_from_db()
    assert topic.react_heart == 0 and Reaction.objects.count() == 1
    assert ActivityEvent.objects.filter(verb="reaction.added").count() == 2
    with pytest.raises(errors.DiscussionInvalid):
        services.reaction_toggle(actor=owner, community=community, topic=topic, emoji="poo")


def test_locked_and_closed_topics_take_no_replies(community, member, topic):
    Topic.objects.filter(pk=topic.pk).update(locked_at=timezone.now())
    with pytest.raises(errors.TopicLocked):
        services.reply_create(actor=member, community=community, topic=topic, body="x")
    Topic.objects.filter(pk=topic.pk).update(locked_at=None, closed_at=timezone.now())
    with pytest.raises(errors.TopicClosed):
        services.reply_create(actor=member, community=community, topic=topic, body="x")
    assert not Reply.objects.exists()


def test_read_only_runs_until_its_time_and_spares_moderators(community, owner, member, space, topic):
    Space.objects.filter(pk=space.pk).update(read_only_until=timezone.now() + timedelta(hours=1))
    with pytest.raises(errors.DiscussionReadOnly):
        services.reply_create(actor=member, community=community, topic=topic, body="x")
    services.reply_create(actor=owner, community=community, topic=topic, body="Calm down, please.")
    Space.objects.filter(pk=space.pk).update(read_only_until=timezone.now() - timedelta(seconds=1))
    services.reply_create(actor=member, community=community, topic=topic, body="Sorry.")


def test_slow_mode_spaces_a_members_posts(community, owner, member, space, topic):
    Topic.objects.filter(pk=topic.pk).update(slow_mode_minutes=5)
    services.reply_create(actor=member, community=community, topic=topic, body="One")
    with pytest.raises(errors.SlowMode):
        services.reply_create(actor=member, community=community, topic=topic, body="Two")
    services.reply_create(actor=owner, community=community, topic=topic, body="Staff are exempt")
    Reply.objects.filter(author=membership(member, community)).update(
        created_at=timezone.now() - timedelta(minutes=6)
    )
    services.reply_create(actor=member, community=community, topic=topic, body="Two, later")


def test_muted_members_and_newcomers_limits(community, owner, space, topic):
    muted = factories.member(community=community)
    moderation.member_mute(actor=owner, community=community, membership=muted, days=1, reason="Calm")
    with pytest.raises(MemberMuted):
        services.topic_create(actor=muted.user, community=community, space=space, title="T", body="b")
    with pytest.raises(MemberMuted):
        services.reply_create(actor=muted.user, community=community, topic=topic, body="b")
    newcomer = factories.member(community=community, trust_level=0).user
    links = " ".join(f"[{n}](https://example.com/{n})" for n in range(30))
    with pytest.raises(PostLimitExceeded):
        services.reply_create(actor=newcomer, community=community, topic=topic, body=links)


def test_body_limits(community, member, space, topic):
    with pytest.raises(errors.DiscussionInvalid) as caught:
        services.reply_create(actor=member, community=community, topic=topic, body="   ")
    assert "body" in caught.value.fields
    with pytest.raises(errors.DiscussionInvalid):
        services.topic_create(actor=member, community=community, space=space, title="T", body="x" * 20_001)


def test_space_of_another_community_is_refused(community, member):
    other = factories.CommunityFactory()
    elsewhere = Space.objects.create(community=other, name="Else", slug="else")
    with pytest.raises(errors.SpaceOfAnotherCommunity):
        services.topic_create(actor=member, community=community, space=elsewhere, title="T", body="b")


def test_removing_a_reply_drops_it_its_nested_replies_and_the_count(community, owner, member, topic):
    first = services.reply_create(actor=owner, community=community, topic=topic, body="A")
    services.reply_create(actor=member, community=community, topic=topic, body="B", parent_id=first.pk)
    kept = services.reply_create(actor=owner, community=community, topic=topic, body="C")
    services.reply_remove_for_moderation(first, owner)
    topic.refresh_from_db()
    assert topic.reply_count == 1
    parents = selectors.top_level_replies(community=community, topic=topic)
    threads = selectors.reply_threads(community=community, topic=topic, parents=parents)
    assert [thread.reply for thread in threads] == [kept] and threads[0].children == []
    services.topic_remove_for_moderation(topic, owner)
    assert not selectors.topic_list(community=community, membership=membership(owner, community)).exists()

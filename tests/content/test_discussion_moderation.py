"""Moderation of discussions: lock, close, pin, prompt, move, split, slow mode and read-only, through the
services, the pages and the API, with the audit trail, activity and search kept in step; mentions and
their autocomplete."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification
from communities.roles import Role
from content.errors import discussions as errors
from content.models import Reaction, Reply, SearchEntry, Space, Topic
from content.services import discussion_moderation as moderation
from content.services import discussions as services
from content.services import spaces as space_services
from members.models import AuditLogEntry
from members.services import moderation as member_moderation
from members.services.reporting import report_create, report_dismiss
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def moderator(community):
    return factories.member(community=community, role=Role.MODERATOR).user


@pytest.fixture
def member(community):
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Gear talk")


@pytest.fixture
def topic(community, member, space):
    return services.topic_create(actor=member, community=community, space=space, title="Bags", body="Which?")


def test_lock_close_pin_are_audited_and_recorded(community, moderator, member, topic):
    moderation.topic_lock(actor=moderator, community=community, topic=topic, reason="Heated")
    with pytest.raises(errors.TopicLocked):
        services.reply_create(actor=moderator, community=community, topic=topic, body="x")
    moderation.topic_lock(actor=moderator, community=community, topic=topic, locked=False)
    moderation.topic_close(actor=moderator, community=community, topic=topic)
    moderation.topic_pin(actor=moderator, community=community, topic=topic)
    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["topic.locked", "topic.unlocked", "topic.closed", "topic.pinned"]
    entry = AuditLogEntry.objects.get(action="topic.locked")
    assert entry.reason == "Heated" and entry.subject == member.memberships.get()
    assert ActivityEvent.objects.filter(verb="topic.pinned").exists()
    with pytest.raises(Forbidden):
        moderation.topic_lock(actor=member, community=community, topic=topic)
    with pytest.raises(Forbidden):
        moderation.topic_prompt(actor=moderator, community=community, topic=topic)


def test_move_keeps_counts_and_search_in_step(community, owner, moderator, member, space, topic):
    group = space_services.space_create(
        actor=owner, community=community, name="Group", joining="invitation", members_only=True
    )
    services.reply_create(actor=owner, community=community, topic=topic, body="A sling")
    moderation.topic_move(actor=moderator, community=community, topic=topic, space=group)
    space.refresh_from_db()
    group.refresh_from_db()
    assert (space.topic_count, group.topic_count) == (0, 1)
    assert set(SearchEntry.objects.values_list("space_id", flat=True)) == {group.pk}
    other = factories.CommunityFactory()
    foreign = Space.objects.create(community=other, name="Else", slug="else")
    with pytest.raises(errors.SpaceOfAnotherCommunity):
        moderation.topic_move(actor=moderator, community=community, topic=topic, space=foreign)


def test_split_moves_chosen_replies_with_their_nested_ones(community, owner, moderator, member, topic):
    keep = services.reply_create(actor=owner, community=community, topic=topic, body="On topic")
    off = services.reply_create(actor=member, community=community, topic=topic, body="Off topic")
    nested = services.reply_create(
        actor=owner, community=community, topic=topic, body="Also", parent_id=off.pk
    )
    orphan = services.reply_create(
        actor=owner, community=community, topic=topic, body="Mine", parent_id=keep.pk
    )
    services.reaction_toggle(actor=owner, community=community, topic=topic, reply=off, emoji="heart")
    new = moderation.topic_split(
        actor=moderator, community=community, topic=topic, reply_ids=[off.pk, orphan.pk],
        title="Off-topic talk", body="Moved from Bags.",
    )  # fmt: skip
    topic.refresh_from_db()
    new.refresh_from_db()
    assert (topic.reply_count, new.reply_count) == (1, 3)
    assert set(Reply.objects.filter(topic=new).values_list("pk", flat=True)) == {off.pk, nested.pk, orphan.pk}
    assert Reply.objects.get(pk=orphan.pk).parent_id is None
    assert Reaction.objects.get().topic_id == new.pk
    assert AuditLogEntry.objects.filter(action="topic.split").exists()
    with pytest.raises(errors.DiscussionInvalid):
        moderation.topic_split(
            actor=moderator, community=community, topic=topic, reply_ids=[off.pk], title="T", body="b"
        )


def test_read_only_and_slow_mode_set_by_moderators(community, moderator, member, space, topic):
    until = timezone.now() + timedelta(hours=2)
    moderation.community_read_only(actor=moderator, community=community, until=until)
    with pytest.raises(errors.DiscussionReadOnly):
        services.reply_create(actor=member, community=community, topic=topic, body="x")
    moderation.community_read_only(actor=moderator, community=community, until=None)
    moderation.space_slow_mode(actor=moderator, community=community, space=space, minutes=10)
    Topic.objects.filter(pk=topic.pk).update(created_at=timezone.now() - timedelta(hours=1))
    services.reply_create(actor=member, community=community, topic=topic, body="one")
    with pytest.raises(errors.SlowMode):
        services.topic_create(actor=member, community=community, space=space, title="T", body="two")
    with pytest.raises(errors.DiscussionInvalid):
        moderation.topic_read_only(
            actor=moderator, community=community, topic=topic, until=timezone.now() - timedelta(hours=1)
        )
    with pytest.raises(errors.DiscussionInvalid):
        moderation.topic_slow_mode(actor=moderator, community=community, topic=topic, minutes=10**6)


def test_mentions_notify_members_who_may_read(community, owner, member, space):
    reader = factories.member(community=community, user=factories.UserFactory(username="grace"))
    group = space_services.space_create(
        actor=owner, community=community, name="Group", joining="invitation", members_only=True
    )
    topic = services.topic_create(
        actor=member, community=community, space=space, title="Hi", body="Ask @grace. @nobody @grace"
    )
    notices = Notification.objects.filter(recipient=reader.user, kind="mention.discussion")
    assert notices.count() == 1
    services.topic_create(actor=owner, community=community, space=group, title="Secret", body="@grace")
    assert notices.count() == 1  # not a member of the group: not told
    services.reply_create(actor=owner, community=community, topic=topic, body=f"cc @{member.username}")
    assert not Notification.objects.filter(recipient=member, kind="mention.discussion").exists()  # told once


def test_mention_autocomplete_lists_active_members_only(community, member):
    factories.member(community=community, user=factories.UserFactory(username="grace"))
    factories.member(community=community, status="banned", user=factories.UserFactory(username="gregor"))
    factories.member(user=factories.UserFactory(username="greta"))  # another community
    client = Client()
    client.force_login(member)
    page = client.get(reverse("content:mention-suggestions", args=[community.slug]) + "?q=gr")
    assert [row["username"] for row in page.json()["results"]] == ["grace"]
    api = client.get(reverse("api:mention-suggestions", args=[community.slug]) + "?q=@GR")
    assert [row["username"] for row in api.json()] == ["grace"]
    assert client.get(reverse("api:mention-suggestions", args=[community.slug])).json() == []


def test_moderation_through_the_pages_and_the_api(api_client_for, community, moderator, member, space, topic):
    client = Client()
    client.force_login(moderator)
    page = reverse("content:topic-moderate", args=[community.slug, topic.pk])
    assert client.get(page).status_code == 200
    assert client.post(page, {"action": "lock"}).status_code == 302
    topic.refresh_from_db()
    assert topic.locked_at is not None
    assert client.post(page, {"action": "read_only", "until": "1999-01-01T10:00"}).status_code == 302
    topic.refresh_from_db()
    assert topic.read_only_until is None  # refused with a message
    # Bad input in a form comes back as the page with the form's messages beside its fields.
    response = client.post(page, {"action": "slow_mode", "minutes": "-5"})
    assert response.status_code == 200 and "field-invalid" in response.content.decode()
    space_page = reverse("content:space-moderate", args=[community.slug, space.slug])
    response = client.post(space_page, {"action": "read_only", "until": "9999-12-31T23:00"})
    assert response.status_code == 200 and "field-invalid" in response.content.decode()
    topic.refresh_from_db()
    space.refresh_from_db()
    assert topic.slow_mode_minutes == 0 and space.read_only_until is None
    lock = reverse("api:topic-lock", args=[community.slug, topic.pk])
    assert api_client_for(moderator).delete(lock).json()["locked_at"] is None
    assert_error(api_client_for(member).post(lock), 403, "permission_denied")
    move = reverse("api:topic-move", args=[community.slug, topic.pk])
    assert_error(
        api_client_for(moderator).post(move, {"space": "nowhere"}, format="json"),
        400,
        "space_of_another_community",
    )
    read_only = reverse("api:discussion-settings", args=[community.slug])
    until = (timezone.now() + timedelta(hours=1)).isoformat()
    answer = api_client_for(moderator).put(read_only, {"until": until}, format="json")
    assert answer.status_code == 200 and answer.json()["read_only_until"] is not None
    reply = api_client_for(member).post(
        reverse("api:reply-list", args=[community.slug, topic.pk]), {"body": "x"}, format="json"
    )
    assert_error(reply, 409, "discussion_read_only")


def report_enough(community, target_type, target_id):
    """Reports by three members: the default threshold hides the target."""
    rule = factories.RuleFactory(community=community)
    reports = [
        report_create(
            actor=factories.member(community=community).user,
            community=community,
            target_type=target_type,
            target_id=target_id,
            rule_id=rule.pk,
            reason="Spam",
        )
        for _ in range(3)
    ]
    return reports[0]


def test_held_replies_and_topics_leave_the_counts_until_released(community, owner, moderator, space, topic):
    writer = factories.member(community=community).user
    held = services.reply_create(actor=writer, community=community, topic=topic, body="Spam")
    services.reply_create(actor=owner, community=community, topic=topic, body="Under", parent_id=held.pk)
    services.reply_create(actor=owner, community=community, topic=topic, body="Fine")
    assert Topic.objects.get(pk=topic.pk).reply_count == 3
    report = report_enough(community, "content.reply", held.pk)
    assert Topic.objects.get(pk=topic.pk).reply_count == 1  # the held reply and the one nested under it
    report_dismiss(actor=moderator, community=community, report=report, reason="Fine after all")
    assert Topic.objects.get(pk=topic.pk).reply_count == 3
    report = report_enough(community, "content.reply", held.pk)
    member_moderation.content_remove(actor=moderator, community=community, report=report, reason="Spam")
    assert Topic.objects.get(pk=topic.pk).reply_count == 1
    report_enough(community, "content.topic", topic.pk)
    assert Space.objects.get(pk=space.pk).topic_count == 0

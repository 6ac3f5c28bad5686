"""Following topics: the button and the API, the automatic follow of whoever starts a topic or replies,
a notice per reply to followers (in their language, as their preferences say), and one digest instead
when the topic is busy; idempotent tasks."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from communities.models import Notification, NotificationPreference
from content.errors import polls as errors
from content.models import TopicFollow
from content.services import discussions as discussion_services
from content.services import follows as services
from content.services import spaces as space_services
from content.tasks.follows import send_follow_digests
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch, settings):
    """Tasks enqueued after commit run at once (the test's transaction never commits)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Critique corner")


@pytest.fixture
def starter(community):
    return factories.member(community=community)


@pytest.fixture
def topic(community, space, starter):
    return discussion_services.topic_create(
        actor=starter.user, community=community, space=space, title="Weekly prompt", body="Show your fog"
    )


def reply(community, topic, member, body="Nice"):
    return discussion_services.reply_create(actor=member.user, community=community, topic=topic, body=body)


def follow_notices(user):
    return Notification.objects.filter(recipient=user, kind__startswith="following.")


def test_starting_a_topic_or_replying_follows_it(community, topic, starter):
    replier = factories.member(community=community)
    reply(community, topic, replier)
    assert set(TopicFollow.objects.filter(topic=topic).values_list("member_id", flat=True)) == {
        starter.pk,
        replier.pk,
    }


def test_followers_hear_of_each_reply_in_their_language(community, topic):
    follower = factories.member(community=community, user=factories.UserFactory(language="zh-hans"))
    services.topic_follow(actor=follower.user, community=community, topic=topic)
    replier = factories.member(community=community)
    reply(community, topic, replier)
    notice = follow_notices(follower.user).get()
    assert notice.kind == "following.reply" and notice.params["topic"] == "Weekly prompt"
    with override("zh-hans"):
        assert "Weekly prompt" in notice.title and "回复" in notice.title
    assert not follow_notices(replier.user).exists()  # not of their own reply


def test_a_busy_topic_brings_three_notices_then_one_digest(community, topic):
    follower = factories.member(community=community)
    services.topic_follow(actor=follower.user, community=community, topic=topic)
    repliers = [factories.member(community=community) for _ in range(12)]
    for member in repliers:
        reply(community, topic, member)
    assert follow_notices(follower.user).count() == 3
    follow = TopicFollow.objects.get(topic=topic, member=follower)
    assert follow.pending == 9
    assert send_follow_digests() == 0  # the window is still open
    TopicFollow.objects.filter(pk=follow.pk).update(window_started_at=timezone.now() - timedelta(hours=2))
    assert send_follow_digests() == 1
    assert send_follow_digests() == 0  # sent once
    digest = follow_notices(follower.user).get(kind="following.digest")
    assert digest.params["count"] == 9 and "9" in digest.title
    assert TopicFollow.objects.get(pk=follow.pk).pending == 0


def test_the_next_reply_after_the_window_sends_the_digest_at_once(community, topic):
    follower = factories.member(community=community)
    services.topic_follow(actor=follower.user, community=community, topic=topic)
    for _ in range(5):
        reply(community, topic, factories.member(community=community))
    TopicFollow.objects.filter(member=follower).update(window_started_at=timezone.now() - timedelta(hours=2))
    reply(community, topic, factories.member(community=community))
    digest = follow_notices(follower.user).get(kind="following.digest")
    assert digest.params["count"] == 3  # two waiting and the new one


def test_the_notice_task_counts_a_reply_once(community, topic):
    follower = factories.member(community=community)
    services.topic_follow(actor=follower.user, community=community, topic=topic)
    posted = reply(community, topic, factories.member(community=community))
    assert services.followers_notify(community=community, reply_id=posted.pk) == 0
    assert follow_notices(follower.user).count() == 1


def test_preferences_and_leaving_are_respected(community, topic):
    quiet = factories.member(community=community)
    gone = factories.member(community=community)
    for member in (quiet, gone):
        services.topic_follow(actor=member.user, community=community, topic=topic)
    NotificationPreference.objects.create(
        community=community, user=quiet.user, kind="following", in_app=False, email=False
    )
    gone.status = "left"
    gone.save()
    reply(community, topic, factories.member(community=community))
    assert not follow_notices(quiet.user).exists() and not follow_notices(gone.user).exists()


def test_unfollow(community, topic):
    follower = factories.member(community=community)
    services.topic_follow(actor=follower.user, community=community, topic=topic)
    services.topic_follow(actor=follower.user, community=community, topic=topic)  # again: no change
    services.topic_unfollow(actor=follower.user, community=community, topic=topic)
    with pytest.raises(errors.NotFollowing):
        services.topic_unfollow(actor=follower.user, community=community, topic=topic)
    reply(community, topic, factories.member(community=community))
    assert not follow_notices(follower.user).exists()


def test_follow_button(client_for, community, topic):
    member = factories.member(community=community)
    url = reverse("content:topic-follow", args=[community.slug, topic.pk])
    page = client_for(member.user).get(reverse("content:topic-detail", args=[community.slug, topic.pk]))
    assert url in page.content.decode()
    assert client_for(member.user).post(url).status_code == 302
    assert TopicFollow.objects.filter(topic=topic, member=member).exists()
    client_for(member.user).post(url)
    assert not TopicFollow.objects.filter(topic=topic, member=member).exists()


def test_follow_api(api_client_for, community, topic, django_assert_num_queries):
    member = factories.member(community=community)
    client = api_client_for(member.user)
    url = api("topic-follow", community, topic.pk)
    assert client.post(url).json() == {"topic_id": topic.pk, "following": True}
    with django_assert_num_queries(4):  # membership, count, the page of topics with spaces and authors
        listed = client.get(api("topic-followed", community))
    assert [row["id"] for row in listed.json()["results"]] == [topic.pk]
    assert client.delete(url).json() == {"topic_id": topic.pk, "following": False}
    assert_error(client.delete(url), 409, "not_following")
    other = factories.CommunityFactory()
    assert (
        api_client_for(factories.member(community=other).user)
        .post(api("topic-follow", other, topic.pk))
        .status_code
        == 404
    )

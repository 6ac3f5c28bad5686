"""The community home's content feed: what a member sees, what a visitor does not, a constant cost, and
every change shown at once (the feed is kept in the cache under the community's content version)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from communities.roles import Role
from content.models import PollOption
from content.services import discussions, follows, polls, posts, questions, sessions, spaces
from content.versioning import NOT_IN_FEED, content_version
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(community):
    return factories.member(community=community)


@pytest.fixture
def home(client_for, community):
    def read(user=None) -> str:
        response = client_for(user).get(reverse("communities:home", args=[community.slug]))
        assert response.status_code == 200
        return response.content.decode()

    return read


def schedule(community, title, owner=None, expert=None):
    owner = owner or factories.member(community=community, role=Role.OWNER)
    expert = expert or factories.member(community=community, role=Role.EXPERT)
    starts = timezone.now() + timedelta(days=1)
    return sessions.session_schedule(
        actor=owner.user, community=community, title=title, topic="Light",
        starts_at=starts, ends_at=starts + timedelta(hours=1), expert_id=expert.pk,
    )  # fmt: skip


def test_members_see_what_is_waiting_and_visitors_do_not(home, community, member):
    questions.question_ask(actor=member.user, community=community, title="How do I meter for snow?")
    schedule(community, "Street light AMA")
    page = home(member.user)
    assert "How do I meter for snow?" in page and "Street light AMA" in page
    visitor_page = home()
    assert "How do I meter for snow?" not in visitor_page and "Street light AMA" not in visitor_page


def test_a_new_question_and_an_answer_show_at_once(home, community, member):
    assert "Questions waiting for an answer" not in home(member.user)
    question = questions.question_ask(actor=member.user, community=community, title="Tripod for travel?")
    assert "Tripod for travel?" in home(member.user)
    expert = factories.member(community=community, role=Role.EXPERT)
    questions.answer_post(actor=expert.user, community=community, question=question, body="Carbon, small")
    assert "Tripod for travel?" not in home(member.user)


def test_the_feed_costs_the_same_for_many_rows(client_for, community, member):
    client = client_for(member.user)
    url = reverse("communities:home", args=[community.slug])

    def queries_of_a_fresh_feed() -> int:
        questions.question_ask(actor=member.user, community=community, title="One more")  # a new version
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    # Everyone is there before the first count: a new member changes the community's row, which
    # rebuilds the home's rules section (communities.views.CommunityHomeView), not the feed.
    owner = factories.member(community=community, role=Role.OWNER)
    expert = factories.member(community=community, role=Role.EXPERT)
    client.get(url)  # the first visit of the day writes its visit: not the feed's cost
    few = queries_of_a_fresh_feed()
    for number in range(12):
        questions.question_ask(actor=member.user, community=community, title=f"Question {number}")
        schedule(community, f"Session {number}", owner, expert)
    assert queries_of_a_fresh_feed() == few


def test_a_second_read_builds_no_feed(client_for, community, member):
    questions.question_ask(actor=member.user, community=community, title="Cached question")
    client = client_for(member.user)
    url = reverse("communities:home", args=[community.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert "Cached question" in client.get(url).content.decode()
    assert not [query for query in captured if "content_" in query["sql"]]


def test_new_posts_show_to_visitors_too(home, community):
    owner = factories.member(community=community, role=Role.OWNER)
    post = posts.post_create(
        actor=owner.user, community=community, title="Weekly tutorial: light", body="Soft light"
    )
    assert "Weekly tutorial: light" not in home()
    posts.post_publish(actor=owner.user, community=community, post=post)
    assert "Weekly tutorial: light" in home()


def test_active_topics_show_the_prompt_first_and_only_readable_ones(home, community, member):
    owner = factories.member(community=community, role=Role.OWNER).user
    open_space = spaces.space_create(actor=owner, community=community, name="Talk")
    group = spaces.space_create(
        actor=owner, community=community, name="Group", joining="invitation", members_only=True
    )
    discussions.topic_create(actor=owner, community=community, space=open_space, title="Plain talk", body="b")
    discussions.topic_create(
        actor=owner, community=community, space=open_space, title="Week prompt", body="b", is_prompt=True
    )
    discussions.topic_create(actor=owner, community=community, space=group, title="Group secret", body="b")
    page = home(member.user)
    assert page.index("Week prompt") < page.index("Plain talk") and "Group secret" not in page
    assert "Group secret" in home(owner)
    assert "Plain talk" not in home()  # discussions are for members
    spaces.space_member_add(actor=owner, community=community, space=group, membership=member)
    assert "Group secret" in home(member.user)  # joining a space changes the feed at once


def test_clicks_of_reading_keep_the_cached_feed_and_a_reply_replaces_it(community, member):
    """Reactions, follows, votes and ballots change nothing the feed shows: the community's content
    version stays, so members' cached feeds are not thrown away on every click; a reply changes it."""
    for label in NOT_IN_FEED:
        apps.get_model(label)  # a misspelt label would silently keep nothing out
    owner = factories.member(community=community, role=Role.OWNER).user
    space = spaces.space_create(actor=owner, community=community, name="Gear")
    topic = discussions.topic_create(actor=owner, community=community, space=space, title="Bags", body="?")
    poll = polls.poll_create(
        actor=owner, community=community, topic=topic, question="Which?", options=["A", "B"], multiple=False
    )
    question = questions.question_ask(actor=owner, community=community, title="Lens?")
    answer = questions.answer_post(actor=owner, community=community, question=question, body="A 35")
    before = content_version(community)

    discussions.reaction_toggle(actor=member.user, community=community, topic=topic, emoji="heart")
    assert content_version(community) == before, "reaction"
    follows.topic_follow(actor=member.user, community=community, topic=topic)
    assert content_version(community) == before, "follow"
    option = PollOption.objects.filter(poll=poll).first()
    polls.poll_vote(actor=member.user, community=community, poll=poll, option_ids=[option.pk])
    assert content_version(community) == before, "ballot"
    questions.answer_vote(actor=member.user, community=community, answer=answer)
    assert content_version(community) == before, "vote"

    discussions.reply_create(actor=member.user, community=community, topic=topic, body="A sling")
    assert content_version(community) != before

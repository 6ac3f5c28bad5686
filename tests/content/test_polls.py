"""Polls in a topic: adding one (the topic's author or a moderator), voting once (single or multiple
choice), closing (by time or early), results after voting or after closing, bad input, the HTML card,
the API, and pinned query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.roles import Role
from content.errors import polls as errors
from content.models import Poll, PollBallot, PollChoice, PollOption
from content.models.polls import PollResults
from content.selectors import polls as selectors
from content.services import discussions as discussion_services
from content.services import polls as services
from content.services import spaces as space_services
from tests import factories
from tests.api.helpers import assert_error
from tests.content.xss import assert_inert

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


@pytest.fixture
def space(community, owner):
    return space_services.space_create(actor=owner, community=community, name="Gear talk")


@pytest.fixture
def author(community):
    return factories.member(community=community)


@pytest.fixture
def topic(community, space, author):
    return discussion_services.topic_create(
        actor=author.user, community=community, space=space, title="Which tripod?", body="Travel tripods"
    )


def make_poll(community, topic, author, **kwargs):
    kwargs.setdefault("question", "Carbon or aluminium?")
    kwargs.setdefault("options", ["Carbon", "Aluminium", "Neither"])
    return services.poll_create(actor=author.user, community=community, topic=topic, **kwargs)


def options_of(poll):
    return list(PollOption.objects.filter(poll=poll).order_by("position"))


def test_the_topics_author_adds_one_poll(community, topic, author):
    poll = make_poll(community, topic, author, options=["  Carbon ", "Aluminium", ""])
    assert [o.text for o in options_of(poll)] == ["Carbon", "Aluminium"]
    assert not poll.multiple and poll.results == PollResults.AFTER_VOTING
    with pytest.raises(errors.PollExists):
        make_poll(community, topic, author)
    assert ActivityEvent.objects.filter(verb="poll.created").count() == 1


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"options": ["Only one"]}, "options"),
        ({"options": [str(n) for n in range(11)]}, "options"),
        ({"options": ["Same", "same"]}, "options"),
        ({"options": ["x" * 101, "y"]}, "options"),
        ({"question": "  "}, "question"),
        ({"closes_at": timezone.now() - timedelta(minutes=1)}, "closes_at"),
        ({"results": "never"}, "results"),
    ],
)
def test_bad_polls_are_refused_and_nothing_is_written(community, topic, author, kwargs, field):
    with pytest.raises(errors.PollInvalid) as caught:
        make_poll(community, topic, author, **kwargs)
    assert field in caught.value.fields
    assert not Poll.objects.exists() and not PollOption.objects.exists()


def test_only_the_author_or_a_moderator_adds_or_closes_a_poll(community, topic, author):
    other = factories.member(community=community)
    with pytest.raises(errors.PollNotAllowed):
        make_poll(community, topic, other)
    moderator = factories.member(community=community, role=Role.MODERATOR)
    poll = make_poll(community, topic, moderator)
    with pytest.raises(errors.PollNotAllowed):
        services.poll_close(actor=other.user, community=community, poll=poll)
    services.poll_close(actor=author.user, community=community, poll=poll)
    assert Poll.objects.get(pk=poll.pk).is_closed


def test_a_single_choice_vote_counts_once(community, topic, author):
    poll = make_poll(community, topic, author)
    carbon, aluminium, _neither = options_of(poll)
    voter = factories.member(community=community).user
    services.poll_vote(actor=voter, community=community, poll=poll, option_ids=[carbon.pk])
    with pytest.raises(errors.PollAlreadyVoted):
        services.poll_vote(actor=voter, community=community, poll=poll, option_ids=[aluminium.pk])
    with pytest.raises(errors.PollTooManyChoices):
        services.poll_vote(
            actor=factories.member(community=community).user, community=community, poll=poll,
            option_ids=[carbon.pk, aluminium.pk],
        )  # fmt: skip
    poll.refresh_from_db()
    assert poll.voter_count == 1
    assert [o.vote_count for o in options_of(poll)] == [1, 0, 0]
    assert PollBallot.objects.count() == 1 and PollChoice.objects.count() == 1
    event = ActivityEvent.objects.get(verb="poll.voted")
    assert event.actor == voter


def test_a_multiple_choice_vote_is_a_set(community, topic, author):
    poll = make_poll(community, topic, author, multiple=True)
    carbon, aluminium, neither = options_of(poll)
    for chosen in ([carbon.pk, aluminium.pk], [carbon.pk]):
        services.poll_vote(
            actor=factories.member(community=community).user,
            community=community,
            poll=poll,
            option_ids=chosen,
        )
    poll.refresh_from_db()
    assert poll.voter_count == 2
    assert [o.vote_count for o in options_of(poll)] == [2, 1, 0]
    with pytest.raises(errors.PollInvalid):
        services.poll_vote(
            actor=factories.member(community=community).user, community=community, poll=poll,
            option_ids=[neither.pk, neither.pk],
        )  # fmt: skip
    with pytest.raises(errors.PollInvalid):
        services.poll_vote(
            actor=factories.member(community=community).user, community=community, poll=poll, option_ids=[]
        )


def test_an_option_of_another_poll_is_refused(community, space, topic, author):
    poll = make_poll(community, topic, author)
    other_topic = discussion_services.topic_create(
        actor=author.user, community=community, space=space, title="Bags", body="Which bag?"
    )
    other = make_poll(community, other_topic, author, options=["Sling", "Backpack"])
    voter = factories.member(community=community).user
    with pytest.raises(errors.PollOptionOfAnotherPoll):
        services.poll_vote(actor=voter, community=community, poll=poll, option_ids=[options_of(other)[0].pk])
    assert not PollBallot.objects.exists()


def test_a_closed_poll_takes_no_vote(community, topic, author):
    poll = make_poll(community, topic, author, closes_at=timezone.now() + timedelta(hours=1))
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    voter = factories.member(community=community).user
    with pytest.raises(errors.PollClosed):
        services.poll_vote(actor=voter, community=community, poll=poll, option_ids=[options_of(poll)[0].pk])


def test_results_after_voting_or_after_closing(community, topic, author):
    poll = make_poll(community, topic, author, results=PollResults.AFTER_CLOSING)
    voter = factories.member(community=community)
    services.poll_vote(actor=voter.user, community=community, poll=poll, option_ids=[options_of(poll)[1].pk])
    view = selectors.poll_view(community=community, topic=topic, membership=voter)
    assert view.voted and view.chosen == {options_of(poll)[1].pk} and not view.show_results
    services.poll_close(actor=author.user, community=community, poll=poll)
    assert selectors.poll_view(community=community, topic=topic, membership=voter).show_results


def test_the_topic_page_shows_the_poll_and_votes(client_for, community, topic, author):
    poll = make_poll(community, topic, author, question="<script>alert(1)</script> Carbon?")
    voter = factories.member(community=community).user
    url = reverse("content:topic-detail", args=[community.slug, topic.pk])
    page = client_for(voter).get(url).content.decode()
    assert "Carbon?" in page and reverse("content:poll-vote", args=[community.slug, topic.pk]) in page
    assert_inert(page)
    vote = reverse("content:poll-vote", args=[community.slug, topic.pk])
    response = client_for(voter).post(vote, {"options": [options_of(poll)[0].pk]})
    assert response.status_code == 302
    page = client_for(voter).get(url).content.decode()
    assert "100%" in page
    again = client_for(voter).post(vote, {"options": [options_of(poll)[1].pk]})
    assert again.status_code == 302 and Poll.objects.get(pk=poll.pk).voter_count == 1
    bad = client_for(factories.member(community=community).user).post(vote, {"options": ["x"]})
    assert bad.status_code == 302 and Poll.objects.get(pk=poll.pk).voter_count == 1


def test_the_poll_form(client_for, community, topic, author):
    url = reverse("content:poll-create", args=[community.slug, topic.pk])
    assert client_for(author.user).get(url).status_code == 200
    invalid = client_for(author.user).post(
        url, {"question": "Which?", "options": "Only", "results": "after_voting"}
    )
    assert invalid.status_code == 200 and "options" in invalid.context["form"].errors
    response = client_for(author.user).post(
        url,
        {"question": "Which?", "options": "Carbon\nAluminium", "multiple": "on", "results": "after_closing"},
    )
    assert response.status_code == 302
    poll = Poll.objects.get(topic=topic)
    assert poll.multiple and poll.results == "after_closing" and len(options_of(poll)) == 2
    close = reverse("content:poll-close", args=[community.slug, topic.pk])
    assert client_for(author.user).post(close).status_code == 302
    assert Poll.objects.get(pk=poll.pk).closed_at is not None


def test_api_poll(api_client_for, community, topic, author):
    url = api("poll", community, topic.pk)
    assert_error(api_client_for(author.user).get(url), 404, "poll_not_found")
    created = api_client_for(author.user).post(
        url, {"question": "Which?", "options": ["Carbon", "Aluminium"], "multiple": True}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["voted"] is False and body["voter_count"] is None
    assert [o["vote_count"] for o in body["options"]] == [None, None]
    ids = [o["id"] for o in body["options"]]
    voter = api_client_for(factories.member(community=community).user)
    voted = voter.post(api("poll-vote", community, topic.pk), {"options": ids}, format="json")
    assert voted.status_code == 200, voted.content
    assert voted.json()["voter_count"] == 1 and [o["vote_count"] for o in voted.json()["options"]] == [1, 1]
    assert_error(
        voter.post(api("poll-vote", community, topic.pk), {"options": ids[:1]}, format="json"),
        409,
        "poll_already_voted",
    )
    assert_error(
        voter.post(api("poll-vote", community, topic.pk), {"options": "x"}, format="json"), 400, "not_a_list"
    )
    assert_error(voter.post(api("poll-close", community, topic.pk), format="json"), 400, "poll_not_allowed")
    closed = api_client_for(author.user).post(api("poll-close", community, topic.pk), format="json")
    assert closed.status_code == 200 and closed.json()["is_closed"]
    late = api_client_for(factories.member(community=community).user)
    assert_error(
        late.post(api("poll-vote", community, topic.pk), {"options": ids[:1]}, format="json"),
        409,
        "poll_closed",
    )


def test_api_poll_of_another_community_is_a_404(api_client_for, community, topic, author):
    make_poll(community, topic, author)
    other = factories.CommunityFactory()
    stranger = api_client_for(factories.member(community=other).user)
    assert stranger.get(api("poll", other, topic.pk)).status_code == 404
    assert (
        stranger.post(api("poll-vote", other, topic.pk), {"options": [1]}, format="json").status_code == 404
    )


def test_reading_a_poll_costs_the_same_whatever_its_votes(
    api_client_for, community, topic, author, django_assert_num_queries
):
    """Membership, topic, poll, options, the reader's ballot (and its choices once they voted): the
    counters are columns, so the cost does not grow with the votes."""
    poll = make_poll(community, topic, author, options=[f"Option {n}" for n in range(10)], multiple=True)
    ids = [o.pk for o in options_of(poll)]
    reader = factories.member(community=community)
    client = api_client_for(reader.user)
    url = api("poll", community, topic.pk)
    client.get(url)
    with django_assert_num_queries(5):
        client.get(url)
    for _ in range(5):
        voter = factories.member(community=community).user
        services.poll_vote(actor=voter, community=community, poll=poll, option_ids=ids)
    with django_assert_num_queries(5):
        client.get(url)
    services.poll_vote(actor=reader.user, community=community, poll=poll, option_ids=ids[:2])
    with django_assert_num_queries(6):
        assert client.get(url).json()["voter_count"] == 6

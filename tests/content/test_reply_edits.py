"""Editing a reply (HTML form and API PATCH): its author while the topic is open and not read-only,
moderators always; the page and search take the new text; newly mentioned members hear of it once."""

import pytest
from django.urls import reverse

from communities.models import Notification
from communities.roles import Role
from content.errors import discussions as errors
from content.models import Reply, SearchEntry
from content.services import discussion_moderation as moderation_services
from content.services import discussions as services
from tests import factories
from tests.api.helpers import assert_error
from tests.content.helpers import discussion_ids
from tests.content.xss import assert_inert

pytestmark = pytest.mark.django_db


@pytest.fixture
def ids(community, owner, writer):
    return discussion_ids(community, owner, writer)  # a topic by `writer` with a reply by `owner`


@pytest.fixture
def reply(community, writer, ids):
    topic_id = ids["topic_id"]
    topic = services.Topic.objects.get(pk=topic_id)
    return services.reply_create(actor=writer, community=community, topic=topic, body="First *thoughts*")


def test_the_author_edits_and_search_takes_the_new_words(community, writer, reply):
    edited = services.reply_update(actor=writer, community=community, reply=reply, body="Second thoughts")
    assert edited.body == "Second thoughts" and edited.edited_at is not None
    words = SearchEntry.objects.get(community=community, kind="reply", object_id=reply.pk).words
    assert "second" in words.lower()


def test_others_may_not_edit_and_bad_input_writes_nothing(community, writer, reply):
    other = factories.member(community=community).user
    with pytest.raises(errors.NotTheAuthor):
        services.reply_update(actor=other, community=community, reply=reply, body="Mine now")
    with pytest.raises(errors.DiscussionInvalid):
        services.reply_update(actor=writer, community=community, reply=reply, body="   ")
    assert Reply.objects.get(pk=reply.pk).body == "First *thoughts*"


def test_a_locked_topic_stops_the_author_but_not_a_moderator(community, owner, writer, reply):
    topic = services.Topic.objects.get(pk=reply.topic_id)
    moderation_services.topic_lock(actor=owner, community=community, topic=topic, locked=True)
    with pytest.raises(errors.TopicLocked):
        services.reply_update(actor=writer, community=community, reply=reply, body="Late edit")
    moderator = factories.member(community=community, role=Role.MODERATOR).user
    services.reply_update(actor=moderator, community=community, reply=reply, body="[removed link]")
    assert Reply.objects.get(pk=reply.pk).body == "[removed link]"


def test_only_newly_mentioned_members_are_notified(community, writer, reply):
    named = factories.member(community=community, user__username="ada").user
    services.reply_update(actor=writer, community=community, reply=reply, body="Ask @ada")
    services.reply_update(actor=writer, community=community, reply=reply, body="Ask @ada again")
    assert Notification.objects.filter(recipient=named, kind="mention.discussion").count() == 1


def test_edit_page(client_for, community, writer, reply):
    topic_url = reverse("content:topic-detail", args=[community.slug, reply.topic_id])
    url = reverse("content:reply-edit", args=[community.slug, reply.topic_id, reply.pk])
    assert url in client_for(writer).get(topic_url).content.decode()
    assert url not in client_for(factories.member(community=community).user).get(topic_url).content.decode()
    form = client_for(writer).get(url)
    assert form.status_code == 200 and "First *thoughts*" in form.content.decode()
    response = client_for(writer).post(url, {"body": "<script>alert(1)</script> **bold**"})
    assert response.status_code == 302
    page = client_for(writer).get(response["Location"]).content.decode()
    assert "<strong>bold</strong>" in page
    assert_inert(page)
    invalid = client_for(writer).post(url, {"body": ""})
    assert invalid.status_code == 200 and invalid.context["form"].errors
    refused = client_for(factories.member(community=community).user).get(url)
    assert refused.status_code == 302 and refused["Location"] != url


def test_api_retrieve_and_patch(api_client_for, community, writer, reply):
    url = reverse("api:reply-detail", args=[community.slug, reply.topic_id, reply.pk])
    assert api_client_for(writer).get(url).json()["body"] == "First *thoughts*"
    response = api_client_for(writer).patch(url, {"body": "New *text*"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["body_html"] == "<p>New <em>text</em></p>\n" and response.json()["edited_at"]
    stranger = factories.member(community=community).user
    assert_error(api_client_for(stranger).patch(url, {"body": "x"}, format="json"), 400, "not_the_author")
    assert_error(api_client_for(writer).patch(url, {"body": ""}, format="json"), 400, "blank")
    assert_error(api_client_for(writer).patch(url, {"colour": "red"}, format="json"), 400, "unknown_field")


def test_api_patch_of_another_communitys_reply_is_a_404(api_client_for, community, reply):
    other = factories.CommunityFactory()
    stranger = factories.member(community=other).user
    url = reverse("api:reply-detail", args=[other.slug, reply.topic_id, reply.pk])
    assert api_client_for(stranger).patch(url, {"body": "x"}, format="json").status_code == 404

"""Reply cards kept rendered by content (content.views.reply_cards): a second view of a topic draws no
card again, yet an edited reply, a new reaction, another viewer, a removal and a hold all show at once,
and the reaction forms of a kept card carry the viewer's own CSRF token."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from communities.roles import Role
from content.models import Reaction
from content.services import discussions as services
from content.services import spaces as space_services
from tests import factories
from tests.content.test_discussion_moderation import report_enough

pytestmark = pytest.mark.django_db
CARD = "content/discussions/_reply.html"


@pytest.fixture
def owner(community):
    return factories.member(community=community, role=Role.OWNER).user


@pytest.fixture
def member(community):
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def topic(community, owner, member):
    space = space_services.space_create(actor=owner, community=community, name="Gear talk", joining="open")
    return services.topic_create(actor=member, community=community, space=space, title="Lenses", body="b")


@pytest.fixture
def reply(community, owner, topic):
    return services.reply_create(actor=owner, community=community, topic=topic, body="*Fast* primes")


def viewer(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def page(client, topic):
    return client.get(reverse("content:topic-detail", args=[topic.community.slug, topic.pk]))


def card_renders(response) -> int:
    return [template.name for template in response.templates].count(CARD)


def test_a_second_view_draws_no_card_again(member, topic, reply, community, owner):
    services.reply_create(actor=owner, community=community, topic=topic, body="n", parent_id=reply.pk)
    client = viewer(member)
    assert card_renders(page(client, topic)) == 2
    again = page(client, topic)
    assert card_renders(again) == 0
    assert "<em>Fast</em> primes" in again.content.decode()


def test_an_edited_reply_shows_its_new_text(community, owner, member, topic, reply):
    client = viewer(member)
    assert "<em>Fast</em> primes" in page(client, topic).content.decode()
    services.reply_update(actor=owner, community=community, reply=reply, body="**Slow** zooms")
    html = page(client, topic).content.decode()
    assert "<strong>Slow</strong> zooms" in html and "primes" not in html


def test_the_author_sees_the_edit_link_and_another_member_the_report_link(community, member, topic):
    """Two plain members: only who wrote the reply tells their cards apart."""
    reply = services.reply_create(actor=member, community=community, topic=topic, body="Mine")
    edit = reverse("content:reply-edit", args=[community.slug, topic.pk, reply.pk])
    other = factories.member(community=community).user
    theirs = page(viewer(other), topic).content.decode().split(f'id="reply-{reply.pk}"')[1]
    mine = page(viewer(member), topic).content.decode().split(f'id="reply-{reply.pk}"')[1]
    assert edit in mine and "report-link" not in mine
    assert edit not in theirs and "report-link" in theirs


def test_each_viewer_sees_their_own_reactions_and_new_counts(community, owner, member, topic, reply):
    page(viewer(owner), topic)
    services.reaction_toggle(actor=member, community=community, topic=topic, reply=reply, emoji="heart")
    pressed = re.compile(r'aria-pressed="true"><span class="visually-hidden">[^<]*</span>❤️ 1<')
    assert pressed.search(page(viewer(member), topic).content.decode())
    theirs = page(viewer(owner), topic).content.decode()
    assert not pressed.search(theirs) and "❤️ 1<" in theirs


def test_reactions_from_a_kept_card_pass_the_csrf_check(community, member, topic, reply):
    page(viewer(factories.member(community=community).user), topic)  # another member keeps the card
    client = viewer(member, enforce_csrf_checks=True)
    response = page(client, topic)
    assert card_renders(response) == 0
    form = re.search(r'action="([^"]+/replies/\d+/react/)".*?name="csrfmiddlewaretoken" value="([^"]+)"',
                     response.content.decode(), re.S)  # fmt: skip
    posted = client.post(form[1], {"csrfmiddlewaretoken": form[2], "emoji": "thumbs_up"})
    assert posted.status_code == 302
    assert Reaction.objects.filter(reply=reply, emoji="thumbs_up").count() == 1


def test_a_removed_or_held_reply_leaves_the_page_though_its_card_was_kept(community, owner, member, topic):
    removed = services.reply_create(actor=owner, community=community, topic=topic, body="Removed words")
    held = services.reply_create(actor=owner, community=community, topic=topic, body="Held words")
    client = viewer(member)
    html = page(client, topic).content.decode()
    assert "Removed words" in html and "Held words" in html
    services.reply_remove_for_moderation(removed, factories.UserFactory())
    report_enough(community, "content.reply", held.pk)
    html = page(client, topic).content.decode()
    assert "Removed words" not in html and "Held words" not in html

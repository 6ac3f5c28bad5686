"""Topic rows kept rendered by content (content.views.topic_rows): a second view of a list draws no row
again, yet every change a row shows (an edit, a reply, a pin, the prompt, a lock, a close, a renamed
author or space) shows at once on the space's list and on the spaces page, a removed or held topic
leaves, and viewers in other languages and communities in other time zones get rows of their own."""

import datetime as dt

import pytest
from django.urls import reverse

from communities.roles import Role
from content.models import Topic
from content.selectors import discussions as selectors
from content.services import discussion_moderation as moderation
from content.services import discussions as services
from content.services import spaces as space_services
from content.views.topic_rows import TEMPLATE, row_columns, topic_rows
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
    services.topic_create(actor=member, community=community, space=space, title="Other", body="b")
    return services.topic_create(actor=member, community=community, space=space, title="Lenses", body="b")


def space_page(client, space):
    return client.get(reverse("content:space-detail", args=[space.community.slug, space.slug]))


def spaces_page(client, space):
    return client.get(reverse("content:spaces", args=[space.community.slug]))


def row_of(response, topic) -> str:
    """The row of `topic` on the page (its <li>)."""
    html = response.content.decode()
    link = reverse("content:topic-detail", args=[topic.community.slug, topic.pk])
    start = html.rindex('<li class="card topic-item">', 0, html.index(f'href="{link}"'))
    return html[start : html.index("</li>", start)]


def row_renders(response) -> int:
    return [template.name for template in response.templates].count(TEMPLATE)


@pytest.mark.parametrize("page", [space_page, spaces_page])
def test_a_second_view_draws_no_row_again(client_for, member, space, topic, page):
    client = client_for(member)
    assert row_renders(page(client, space)) == 2
    again = page(client, space)
    assert row_renders(again) == 0
    assert ">Lenses</a>" in row_of(again, topic)


def edit(community, owner, member, topic):
    services.topic_update(actor=member, community=community, topic=topic, title="Primes")
    return ">Primes</a>"


def reply(community, owner, member, topic):
    services.reply_create(actor=owner, community=community, topic=topic, body="Yes")
    return "1 reply"


def pin(community, owner, member, topic):
    moderation.topic_pin(actor=owner, community=community, topic=topic)
    return ">Pinned<"


def prompt(community, owner, member, topic):
    moderation.topic_prompt(actor=owner, community=community, topic=topic)
    return ">Prompt of the week<"


def lock(community, owner, member, topic):
    moderation.topic_lock(actor=owner, community=community, topic=topic)
    return ">Locked<"


def close(community, owner, member, topic):
    moderation.topic_close(actor=owner, community=community, topic=topic)
    return ">Closed<"


def rename_author(community, owner, member, topic):
    member.display_name = "Ada Renamed"
    member.save()
    return "Ada Renamed"


@pytest.mark.parametrize("page", [space_page, spaces_page])
@pytest.mark.parametrize("change", [edit, reply, pin, prompt, lock, close, rename_author])
def test_each_change_shows_at_once(client_for, community, owner, member, space, topic, page, change):
    client = client_for(factories.member(community=community).user)
    before = row_of(page(client, space), topic)
    shown = change(community, owner, member, topic)
    assert shown not in before
    after = row_of(page(client, space), topic)
    assert shown in after


def test_a_new_reply_dates_the_row_anew(client_for, community, owner, member, space, topic):
    Topic.objects.filter(pk=topic.pk).update(last_activity_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    client = client_for(owner)
    assert 'datetime="2026-01-02T03:04:00+00:00"' in row_of(space_page(client, space), topic)
    services.reply_create(actor=owner, community=community, topic=topic, body="Yes")
    assert "2026-01-02T03:04" not in row_of(space_page(client, space), topic)


def test_a_renamed_space_shows_on_the_spaces_page(client_for, community, owner, space, topic):
    client = client_for(owner)
    assert ">Gear talk</a>" in row_of(spaces_page(client, space), topic)
    space_services.space_update(actor=owner, community=community, space=space, name="Lens talk")
    assert ">Lens talk</a>" in row_of(spaces_page(client, space), topic)


def test_a_removed_or_held_topic_leaves_though_its_row_was_kept(client_for, community, owner, member, space):
    removed = services.topic_create(actor=member, community=community, space=space, title="Removed", body="b")
    held = services.topic_create(actor=member, community=community, space=space, title="Held", body="b")
    client = client_for(owner)
    for page in (space_page, spaces_page):
        html = page(client, space).content.decode()
        assert ">Removed</a>" in html and ">Held</a>" in html
    services.topic_remove_for_moderation(removed, owner)
    report_enough(community, "content.topic", held.pk)
    for page in (space_page, spaces_page):
        html = page(client, space).content.decode()
        assert ">Removed</a>" not in html and ">Held</a>" not in html


def test_viewers_in_other_languages_get_their_own_rows(client_for, community, space, topic):
    Topic.objects.filter(pk=topic.pk).update(pinned_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    english = factories.member(community=community).user
    chinese = factories.member(community=community).user
    chinese.language = "zh-hans"
    chinese.save()
    for _ in range(2):  # the second round reads what the first kept
        theirs = row_of(space_page(client_for(chinese), space), topic)
        mine = row_of(space_page(client_for(english), space), topic)
        assert ">置顶<" in theirs and "0 条回复" in theirs
        assert ">Pinned<" in mine and "0 replies" in mine


def test_rows_follow_the_time_zone_of_the_community(client_for, community, owner, space, topic):
    """Community pages show times in the community's zone (communities.mixins): a new zone, new rows."""
    Topic.objects.filter(pk=topic.pk).update(last_activity_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    client = client_for(owner)
    assert 'datetime="2026-01-02T03:04:00+00:00"' in row_of(space_page(client, space), topic)
    community.timezone = "Asia/Shanghai"
    community.save()
    assert 'datetime="2026-01-02T11:04:00+08:00"' in row_of(space_page(client, space), topic)


def test_a_row_reads_nothing_but_the_columns_it_is_keyed_on(
    community, member, space, topic, django_assert_num_queries
):
    """Every column the row template shows is loaded by `row_columns`, so in its key: drawing a row (a
    miss: the cache is empty) runs no query, as a deferred column read by the template would."""
    topics = selectors.topic_list(community=community, membership=None)
    [loaded] = list(row_columns(topics).filter(pk=topic.pk))
    with django_assert_num_queries(0):
        [row] = topic_rows(community=community, topics=[loaded], show_space=True)
    assert ">Lenses</a>" in row and ">Gear talk</a>" in row

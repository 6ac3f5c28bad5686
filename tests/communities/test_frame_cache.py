"""The page frame (site menu, footer, community bar, the home's hero and facts) is kept in the cache by
content, and each process keeps the entries it has read in a bounded memory of its own (decision 0018):
a repeated read costs no cache round trip for them, and every change shows at once."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from communities import fragments
from communities.services import community_update
from members.services.roles import role_change
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_local_memory_is_bounded_and_keeps_the_newest():
    entries = fragments.LocalEntries(size=2)
    entries.put("a", 1)
    entries.put("b", 2)
    assert entries.get("a") == 1  # read: "a" becomes the newest
    entries.put("c", 3)
    assert entries.get("b") is None
    assert (entries.get("a"), entries.get("c")) == (1, 3)


def test_a_kept_entry_is_read_without_the_cache():
    built = []
    assert fragments.memo("frame-test", lambda: built.append(1) or "markup") == "markup"
    cache.clear()  # another process's flush: this process still holds the unchanging entry
    assert fragments.memo("frame-test", lambda: built.append(1) or "other") == "markup"
    assert built == [1]


@pytest.fixture
def owner(community):
    return factories.member(community=community, role="owner")


def home(client, community) -> str:
    response = client.get(reverse("communities:home", args=[community.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_renamed_community_shows_its_new_name_in_the_bar_and_hero_at_once(client_for, owner, community):
    client = client_for(factories.member(community=community).user)
    assert community.name in home(client, community)
    community_update(actor=owner.user, community=community, name="Night Owls")
    page = home(client, community)
    assert page.count("Night Owls") >= 3  # the bar, the hero, the member menu


def test_a_new_role_shows_in_the_bar_and_hero_at_once(client_for, owner, community):
    someone = factories.member(community=community)
    client = client_for(someone.user)
    assert "Moderator" not in home(client, community)
    role_change(actor=owner.user, community=community, membership=someone, role="moderator")
    assert "You: Moderator" in home(client, community)


def test_the_frame_follows_the_language(client_for, community):
    someone = factories.member(community=community)
    client = client_for(someone.user)
    assert ">Directory<" in home(client, community)
    someone.user.language = "zh-hans"
    someone.user.save(update_fields=["language"])
    page = home(client, community)
    assert ">社区目录<" in page and ">Directory<" not in page

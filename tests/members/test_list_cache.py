"""The member lists kept in the cache (decision 0018): every write shows at once, and no viewer is served
what another should see.

Each test reads a list first (so that it is in the cache), writes, and reads again: the second read must
show the write. The viewer tests read as one caller and then as another who must see something else.
"""

import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient

from accounts.services import profile_update as account_update
from accounts.services import token_create
from analytics.services import record
from communities import fragments
from communities.services import community_slug_change
from members.models import Membership
from members.services import profiles as profiles
from members.services.membership import membership_join, membership_leave
from members.services.policy import member_policy_update
from members.services.roles import member_remove, role_change
from members.tasks import reconcile_member_counts, refresh_sort_names
from members.versioning import SCOPE, members_version
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(community):
    return factories.member(community=community, role="owner")


@pytest.fixture
def reader(community):
    """A plain member who reads the lists."""
    return factories.member(community=community)


@pytest.fixture
def subject(community):
    return factories.member(community=community)


def html(client, community, query: str = "") -> str:
    response = client.get(reverse("members:directory", args=[community.slug]) + query)
    assert response.status_code == 200
    return response.content.decode()


def api(user, community, query: str = "", **headers) -> dict:
    client = APIClient()
    _, key = token_create(user=user, name="reader")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get(
        reverse("api:member-list", kwargs={"community_slug": community.slug}) + query, **headers
    )
    assert response.status_code == 200
    return response.json()


def shown(user) -> str:
    """The member's name as a row shows it (a link to the profile)."""
    return f">{user.name}</a>"


def api_row(user, community, membership, **headers) -> dict:
    rows = [row for row in api(user, community, **headers)["results"] if row["id"] == membership.pk]
    assert len(rows) == 1
    return rows[0]


@pytest.fixture
def reads(client_for, reader, community):
    """Read both lists as `reader`: `reads()` returns (HTML page, API rows by id)."""
    client = client_for(reader.user)

    def read():
        return html(client, community), {row["id"]: row for row in api(reader.user, community)["results"]}

    return read


def test_a_second_read_comes_from_the_cache(client_for, reader, community):
    client = client_for(reader.user)
    html(client, community)
    with CaptureQueriesContext(connection) as cold:
        html(client, community)  # the first read of the day recorded a visit: a new version
    with CaptureQueriesContext(connection) as warm:
        html(client, community)
    assert len(warm) < len(cold)
    assert not any("members_memberprofile" in query["sql"] for query in warm)


def test_a_profile_change_shows_at_once(reads, subject, community):
    reads()
    profiles.profile_update(
        actor=subject.user, community=community, display_name="Ansel Adams", skills="zone"
    )
    page, rows = reads()
    assert "Ansel Adams" in page and "zone" in page
    assert rows[subject.pk]["profile"]["display_name"] == "Ansel Adams"
    assert rows[subject.pk]["profile"]["skills"] == ["zone"]


def test_a_profile_hidden_from_members_disappears_at_once(reads, subject, community):
    profiles.profile_update(actor=subject.user, community=community, display_name="Ansel Adams")
    assert "Ansel Adams" in reads()[0]
    profiles.profile_update(
        actor=subject.user, community=community, display_name="Ansel Adams", visibility="operators"
    )
    page, rows = reads()
    assert "Ansel Adams" not in page
    assert rows[subject.pk]["profile"] is None


def test_a_tag_shows_to_operators_at_once(client_for, owner, subject, community):
    client = client_for(owner.user)
    html(client, community)
    api(owner.user, community)
    tag = profiles.member_tag_add(actor=owner.user, community=community, membership=subject, name="mentor")
    assert "mentor" in html(client, community)
    assert api_row(owner.user, community, subject)["tags"] == ["mentor"]
    profiles.member_tag_remove(actor=owner.user, community=community, tag=tag)
    assert "mentor" not in html(client, community)
    assert api_row(owner.user, community, subject)["tags"] == []


def test_joining_leaving_and_removal_show_at_once(reads, owner, subject, community):
    reads()
    newcomer = factories.UserFactory(username="newcomer")
    joined = membership_join(actor=newcomer, community=community, accepted_rules_version=None)
    page, rows = reads()
    assert shown(newcomer) in page and joined.pk in rows
    membership_leave(actor=newcomer, community=community)
    member_remove(actor=owner.user, community=community, membership=subject, reason="spam")
    page, rows = reads()
    assert shown(newcomer) not in page and shown(subject.user) not in page
    assert joined.pk not in rows and subject.pk not in rows


def test_a_role_change_shows_at_once(reads, owner, subject, community):
    assert reads()[1][subject.pk]["role"] == "member"
    role_change(actor=owner.user, community=community, membership=subject, role="moderator")
    page, rows = reads()
    assert rows[subject.pk]["role"] == "moderator"
    assert "badge-moderator" in page


def test_an_account_rename_shows_at_once(reads, subject):
    reads()
    account_update(user=subject.user, changes={"display_name": "Dorothea Lange"})
    page, rows = reads()
    assert "Dorothea Lange" in page
    assert rows[subject.pk]["display_name"] == "Dorothea Lange"


def test_new_activity_shows_at_once(reads, subject, community):
    reads()  # records the reader's own visit of the day
    page, rows = reads()
    assert rows[subject.pk]["last_active"] is None
    record(community=community, actor=subject.user, verb="community.visited")
    after, rows = reads()
    assert rows[subject.pk]["last_active"] is not None
    assert after.count("Never") == page.count("Never") - 1


def test_a_new_address_shows_at_once(reads, owner, subject, community):
    reads()
    community_slug_change(actor=owner.user, community=community, slug="new-address")
    community.refresh_from_db()
    page, _ = reads()
    assert f"/c/new-address/members/{subject.pk}/" in page


def test_a_new_skill_level_shows_in_the_filter_at_once(reads, owner, community):
    assert "virtuoso" not in reads()[0]
    member_policy_update(actor=owner.user, community=community, skill_levels=["novice", "virtuoso"])
    assert "virtuoso" in reads()[0]


def test_repairs_that_skip_model_signals_show_at_once(reads, subject, community):
    """The scheduled repairs write with bulk updates; their changes show too."""
    reads()
    type(subject.user).objects.filter(pk=subject.user.pk).update(display_name="Zz Last")  # behind services
    Membership.objects.filter(pk=subject.pk).update(sort_name="")
    refresh_sort_names()
    page, _ = reads()
    other = community.memberships.exclude(pk=subject.pk).first()
    assert page.index(">Zz Last</a>") > page.index(shown(other.user))
    type(community).objects.filter(pk=community.pk).update(member_count=999)
    reconcile_member_counts()
    assert api(subject.user, community)["count"] == community.memberships.filter(status="active").count()


# --- Who sees what -------------------------------------------------------------------------------------


def test_a_member_never_gets_an_operators_page_nor_the_reverse(client_for, owner, reader, subject, community):
    factories.member(community=community)
    profiles.member_tag_add(actor=owner.user, community=community, membership=subject, name="mentor")
    profiles.profile_update(actor=subject.user, community=community, bio="x", visibility="operators",
                            display_name="Secret Name")  # fmt: skip
    for first in (owner, reader):
        client_for(first.user).get(reverse("members:directory", args=[community.slug]))
        api(first.user, community)
    member_page, owner_page = (
        html(client_for(reader.user), community),
        html(client_for(owner.user), community),
    )
    assert "mentor" not in member_page and "Secret Name" not in member_page
    assert "mentor" in owner_page and "Secret Name" in owner_page
    assert "tags" not in api_row(reader.user, community, subject)
    assert api_row(reader.user, community, subject)["profile"] is None
    assert api_row(owner.user, community, subject)["tags"] == ["mentor"]
    assert api_row(owner.user, community, subject)["profile"]["display_name"] == "Secret Name"


def test_a_member_whose_profile_is_hidden_sees_it_and_the_others_do_not(
    client_for, reader, subject, community
):
    profiles.profile_update(
        actor=subject.user, community=community, display_name="Only Mine", visibility="operators"
    )
    assert "Only Mine" in html(client_for(subject.user), community)
    assert api_row(subject.user, community, subject)["profile"]["display_name"] == "Only Mine"
    assert "Only Mine" not in html(client_for(reader.user), community)
    assert api_row(reader.user, community, subject)["profile"] is None
    # and in the other order
    profiles.profile_update(
        actor=subject.user, community=community, display_name="Mine Again", visibility="operators"
    )
    assert "Mine Again" not in html(client_for(reader.user), community)
    assert "Mine Again" in html(client_for(subject.user), community)


def test_communities_never_share_a_page(client_for, community, reader):
    other = factories.CommunityFactory()
    stranger = factories.member(community=other)
    mine = factories.member(community=community)
    both = factories.UserFactory()
    factories.member(community=community, user=both)
    factories.member(community=other, user=both)
    client = client_for(both)
    assert shown(mine.user) in html(client, community)
    other_page = html(client, other)
    assert shown(stranger.user) in other_page and shown(mine.user) not in other_page
    assert {row["id"] for row in api(both, other)["results"]} == set(
        other.memberships.filter(status="active").values_list("pk", flat=True)
    )


def test_each_language_gets_its_own_page(client_for, community, subject):
    english = factories.member(community=community)
    chinese = factories.member(community=community)
    account_update(user=chinese.user, changes={"language": "zh-hans"})
    assert "Members" in html(client_for(english.user), community)
    page = html(client_for(chinese.user), community)
    assert "Members" not in page.split("<main", 1)[1] and "成员" in page
    assert "Members" in html(client_for(english.user), community)


def test_keys_hold_the_language_and_the_time_zone():
    with translation.override("en"), timezone.override(zoneinfo.ZoneInfo("UTC")):
        english_utc = fragments.locale_parts()
    with translation.override("zh-hans"), timezone.override(zoneinfo.ZoneInfo("UTC")):
        chinese_utc = fragments.locale_parts()
    with translation.override("en"), timezone.override(zoneinfo.ZoneInfo("Asia/Shanghai")):
        english_shanghai = fragments.locale_parts()
    assert len({english_utc, chinese_utc, english_shanghai}) == 3


def test_links_are_built_for_the_address_asked(settings, community, reader):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    for _ in range(3):
        factories.member(community=community)
    first = api(reader.user, community, "?page_size=2", HTTP_HOST="one.example")["next"]
    second = api(reader.user, community, "?page_size=2", HTTP_HOST="two.example")["next"]
    assert first.startswith("http://one.example/") and second.startswith("http://two.example/")


def test_a_filter_or_page_is_its_own_entry(client_for, reader, subject, community):
    profiles.profile_update(actor=subject.user, community=community, skill_level="expert")
    client = client_for(reader.user)
    everyone = html(client, community)
    experts = html(client, community, "?skill_level=expert")
    assert shown(reader.user) in everyone and shown(reader.user) not in experts


# --- The version itself --------------------------------------------------------------------------------


def test_a_write_replaces_the_version_now_and_again_after_commit(
    community, django_capture_on_commit_callbacks
):
    before = members_version(community)
    with django_capture_on_commit_callbacks(execute=True):
        fragments.bump(SCOPE, [community.pk])
        during = members_version(community)
    assert before != during != members_version(community)


def test_a_lost_version_is_never_reused(community):
    from django.core.cache import cache

    before = members_version(community)
    cache.delete(fragments.version_key(SCOPE, community.pk))
    assert members_version(community) != before


def test_without_a_shared_cache_the_lists_are_built_every_time(
    settings, client_for, reader, subject, community
):
    settings.FRAGMENT_CACHE_VERSIONED = False
    client = client_for(reader.user)
    html(client, community)
    type(subject.user).objects.filter(pk=subject.user.pk).update(display_name="Behind Signals")
    assert "Behind Signals" in html(client, community)
    assert members_version(community) is None

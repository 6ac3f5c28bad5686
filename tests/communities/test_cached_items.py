"""Directory cards and API community list items kept in the cache by their row's values (decision 0018):
a changed row has a new key, so every change shows at once, and no caller gets another's item."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.services import token_create
from analytics.services import record
from analytics.tasks import refresh_community_activity
from communities import fragments
from communities.inbox import notification_mark_all_read, notification_mark_read
from communities.models import Community
from communities.notifications import notify
from communities.services import community_update
from members.services.membership import membership_join, membership_leave
from members.tasks import reconcile_member_counts
from tests import factories

pytestmark = pytest.mark.django_db


def directory(client=None, query: str = "") -> str:
    response = (client or Client()).get(reverse("communities:directory") + query)
    assert response.status_code == 200
    return response.content.decode()


def api_items(user=None, **headers) -> dict[str, dict]:
    client = APIClient()
    if user is not None:
        _, key = token_create(user=user, name="reader")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get(reverse("api:community-list") + "?page_size=100", **headers)
    assert response.status_code == 200
    return {item["slug"]: item for item in response.json()["results"]}


@pytest.fixture
def owner(community):
    return factories.member(community=community, role="owner")


def test_a_renamed_community_shows_at_once(owner, community):
    assert community.name in directory()
    assert api_items()[community.slug]["name"] == community.name
    community_update(
        actor=owner.user, community=community, name="Darkroom Friends", tagline="Silver and light"
    )
    page = directory()
    assert "Darkroom Friends" in page and "Silver and light" in page
    assert api_items()[community.slug]["name"] == "Darkroom Friends"
    assert api_items()[community.slug]["description_html"] == ""


def test_a_new_member_count_shows_at_once(owner, community):
    assert "1 member<" in directory()
    assert api_items()[community.slug]["member_count"] == 1
    membership_join(actor=factories.UserFactory(), community=community, accepted_rules_version=None)
    assert "2 members<" in directory()
    assert api_items()[community.slug]["member_count"] == 2


def test_the_callers_role_is_their_own(owner, community):
    stranger = factories.UserFactory()
    assert api_items(owner.user)[community.slug]["my_role"] == "owner"
    assert api_items(stranger)[community.slug]["my_role"] is None
    assert api_items()[community.slug]["my_role"] is None
    assert api_items(owner.user)[community.slug]["my_role"] == "owner"


def test_a_private_community_reaches_only_its_members(owner):
    hidden = factories.CommunityFactory(visibility=Community.Visibility.PRIVATE)
    insider = factories.member(community=hidden)
    assert hidden.slug in api_items(insider.user)
    assert hidden.slug not in api_items(owner.user)
    assert hidden.slug not in api_items()


def test_each_language_gets_its_own_card(community):
    english = directory()
    assert "Open to join" in english
    chinese = Client(headers={"accept-language": "zh-hans"})
    assert "Open to join" not in directory(chinese)
    assert "Open to join" in directory()


def test_an_item_is_built_for_the_address_asked(settings, community, tmp_path):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    Community.objects.filter(pk=community.pk).update(logo="logos/x.png")
    assert api_items(HTTP_HOST="one.example")[community.slug]["logo"].startswith("http://one.example/")
    assert api_items(HTTP_HOST="two.example")[community.slug]["logo"].startswith("http://two.example/")


def test_row_values_hold_the_columns_and_annotations_only(owner, community):
    row = Community.objects.filter(pk=community.pk).select_related().get()
    row.my_role = "owner"
    values = dict(fragments.row_values(row))
    assert values["name"] == community.name and values["my_role"] == "owner"
    assert not any(name.startswith("_") for name in values)
    row.name = "Changed"
    assert dict(fragments.row_values(row))["name"] == "Changed"


# --- The list's pages, kept per caller under the platform's community-list version ----------------------


def test_joining_and_leaving_show_in_the_callers_list_at_once(community):
    hidden = factories.CommunityFactory(visibility=Community.Visibility.PRIVATE)
    user = factories.UserFactory()
    assert api_items(user)[community.slug]["my_role"] is None and hidden.slug not in api_items(user)
    membership_join(actor=user, community=community, accepted_rules_version=None)
    factories.member(community=hidden, user=user)
    items = api_items(user)
    assert items[community.slug]["my_role"] == "member" and items[community.slug]["my_status"] == "active"
    assert hidden.slug in items
    membership_leave(actor=user, community=community)
    assert api_items(user)[community.slug]["my_status"] == "left"


def test_the_activity_score_refresh_shows_at_once(owner, community):
    assert api_items()[community.slug]["activity_score"] == 0
    record(community=community, actor=owner.user, verb="community.visited")
    refresh_community_activity()
    assert api_items()[community.slug]["activity_score"] == 1


def test_a_repaired_member_count_shows_at_once(owner, community):
    assert api_items()[community.slug]["member_count"] == 1
    Community.objects.filter(pk=community.pk).update(member_count=7)  # drifted behind the services
    assert api_items(owner.user)[community.slug]["member_count"] == 7
    reconcile_member_counts()
    assert api_items(owner.user)[community.slug]["member_count"] == 1


# --- The header's unread count, kept per user under their inbox version ----------------------------------


def unread_badge(client) -> str | None:
    page = client.get(reverse("communities:directory")).content.decode()
    marker = 'class="badge badge-count" aria-label="'
    return page.split(marker, 1)[1].split(">", 1)[1].split("<", 1)[0] if marker in page else None


def test_the_unread_count_follows_every_change_at_once(owner, community):
    client, other = Client(), factories.member(community=community)
    client.force_login(owner.user)
    assert unread_badge(client) is None
    first = notify(community=community, recipient=owner.user, kind="application.approved", note="One")
    notify(community=community, recipient=owner.user, kind="application.approved", note="Two")
    notify(community=community, recipient=other.user, kind="application.approved", note="Not mine")
    assert unread_badge(client) == "2"
    notification_mark_read(actor=owner.user, notification_id=first.pk)
    assert unread_badge(client) == "1"
    notification_mark_all_read(actor=owner.user)
    assert unread_badge(client) is None
    theirs = Client()
    theirs.force_login(other.user)
    assert unread_badge(theirs) == "1"

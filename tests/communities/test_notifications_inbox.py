"""The notification inbox (site and API), the header's unread count, and per-community preferences."""

import pytest
from django.urls import reverse

from communities.models import Notification, NotificationPreference
from communities.notifications import notify
from tests import factories

pytestmark = pytest.mark.django_db


def send(membership, kind="application.approved", note="Hello", url=""):
    return notify(community=membership.community, recipient=membership.user, kind=kind, note=note, url=url)


@pytest.fixture
def member(db):
    return factories.member()


def test_inbox_lists_my_notifications_from_all_communities_newest_first(client_for, member):
    other = factories.member(user=member.user)
    send(member, note="First")
    send(other, note="Second")
    send(factories.member(), note="Not mine")
    response = client_for(member.user).get(reverse("communities:notifications"))
    assert [n.note for n in response.context["notifications"]] == ["Second", "First"]
    assert b"Not mine" not in response.content


def test_mark_one_and_all_read(client_for, member):
    first, second = send(member), send(member)
    client = client_for(member.user)
    client.post(reverse("communities:notification-read", args=[first.pk]))
    first.refresh_from_db()
    assert first.read_at is not None
    unread = client.get(reverse("communities:notifications"), {"unread": "1"}).context["notifications"]
    assert [n.pk for n in unread] == [second.pk]
    client.post(reverse("communities:notifications-read-all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_cannot_mark_someone_elses_notification(client_for, member):
    theirs = send(factories.member())
    assert (
        client_for(member.user).post(reverse("communities:notification-read", args=[theirs.pk])).status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_open_follows_only_local_links(client_for, member):
    local = send(member, url="/c/x/welcome/")
    remote = send(member, url="https://evil.example/")
    client = client_for(member.user)
    assert (
        client.post(reverse("communities:notification-read", args=[local.pk]), {"open": "1"}).url
        == "/c/x/welcome/"
    )
    assert client.post(
        reverse("communities:notification-read", args=[remote.pk]), {"open": "1"}
    ).url == reverse("communities:notifications")


def test_header_shows_the_unread_count_with_one_query(client_for, member, django_assert_max_num_queries):
    for _ in range(3):
        send(member)
    client = client_for(member.user)
    response = client.get(reverse("communities:mine"))
    assert b'class="badge badge-count" aria-label="3 unread notifications">3</span>' in response.content
    # The page's own queries plus exactly one COUNT for the badge, evaluated once per request.
    with django_assert_max_num_queries(4):
        client.get(reverse("communities:mine"))


def test_inbox_query_count_is_flat(client_for, member, django_assert_max_num_queries):
    client = client_for(member.user)
    for count in (10, 40):
        while Notification.objects.filter(recipient=member.user).count() < count:
            send(factories.member(user=member.user))
        with django_assert_max_num_queries(6):
            client.get(reverse("communities:notifications"))


def test_inbox_needs_login(client_for):
    assert client_for().get(reverse("communities:notifications")).status_code == 302


def test_preferences_page_saves_groups_and_notify_honours_them(client_for, member):
    client = client_for(member.user)
    page = reverse("communities:notification-settings", args=[member.community.slug])
    assert client.get(page).status_code == 200
    response = client.post(page, {"application_in_app": "on", "welcome_in_app": "on", "welcome_email": "on"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=member.user, kind="application").email is False
    assert NotificationPreference.objects.get(user=member.user, kind="moderation").in_app is False
    assert send(member, kind="moderation.warned") is None
    assert send(member, kind="application.rejected") is not None


def test_preferences_page_is_for_active_members(client_for):
    community = factories.CommunityFactory()
    page = reverse("communities:notification-settings", args=[community.slug])
    assert client_for(factories.UserFactory()).get(page).status_code == 403
    assert client_for().get(page).status_code == 302


# --- API ---------------------------------------------------------------------------------------------------


def test_api_lists_filters_and_marks_read(api_client_for, member):
    first, second = send(member), send(member)
    send(factories.member())
    client = api_client_for(member.user)
    rows = client.get(reverse("api:notification-list")).json()["results"]
    assert [row["id"] for row in rows] == [second.pk, first.pk]
    assert client.post(reverse("api:notification-read", args=[first.pk])).json()["read"] is True
    assert [
        r["id"] for r in client.get(reverse("api:notification-list"), {"unread": "true"}).json()["results"]
    ] == [second.pk]
    assert client.post(reverse("api:notification-read-all")).json() == {"marked": 1}
    assert api_client_for().get(reverse("api:notification-list")).status_code == 401


def test_api_cannot_read_someone_elses_notification(api_client_for, member):
    theirs = send(factories.member())
    response = api_client_for(member.user).post(reverse("api:notification-read", args=[theirs.pk]))
    assert response.status_code == 404
    assert response.json()["code"] == "notification_not_found"


def test_api_preferences(api_client_for, member):
    client = api_client_for(member.user)
    prefs = reverse("api:notification-preferences", args=[member.community.slug])
    kinds = [row["kind"] for row in client.get(prefs).json()]
    assert kinds[:3] == ["welcome", "application", "moderation"] and "mention" in kinds
    response = client.post(prefs, {"kind": "moderation", "in_app": True, "email": False})
    assert response.status_code == 200 and response.json()["email"] is False
    assert client.post(prefs, {"kind": "nonsense", "in_app": True, "email": True}).status_code == 400
    assert client.post(prefs, {}).status_code == 400
    outsider = api_client_for(factories.UserFactory())
    assert outsider.get(prefs).status_code == 403

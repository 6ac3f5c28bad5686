"""Recruitment API: invitations, accepting, join links with QR, my referral link, the growth report."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from communities.roles import MembershipStatus, Role
from members.models import Invitation, JoinLink, Membership
from members.services import recruitment as services
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


def api(name, community, *args):
    return reverse(f"api:{name}", args=[community.slug, *args])


def test_operator_creates_lists_and_revokes_invitations(api_client_for, community, owner):
    client = api_client_for(owner)
    response = client.post(
        api("invitation-list", community), {"label": "Club", "role": "expert", "max_uses": 2}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["status"] == "active"
        and body["role"] == "expert"
        and body["url"].endswith(f"/invite/{body['code']}/")
    )
    listed = client.get(api("invitation-list", community)).json()["results"]
    assert [row["id"] for row in listed] == [body["id"]]
    revoked = client.post(api("invitation-revoke", community, body["id"]))
    assert revoked.json()["status"] == "revoked"
    assert_error(client.post(api("invitation-revoke", community, body["id"])), 409, "invitation_not_active")


@pytest.mark.parametrize(
    "payload, status, code",
    [
        ({"role": "owner"}, 400, "invalid_choice"),
        ({"max_uses": 0}, 400, "min_value"),
        ({"expires_at": "2001-01-01T00:00:00Z"}, 400, "invalid"),
        ({"uses_count": 5}, 400, "unknown_field"),
        ({"max_uses": "many"}, 400, "invalid"),
    ],
)
def test_bad_invitation_input_is_a_400(api_client_for, community, owner, payload, status, code):
    response = api_client_for(owner).post(api("invitation-list", community), payload)
    body = assert_error(response, status, code)
    assert body["fields"]
    assert not Invitation.objects.exists()


def test_moderator_holding_manage_invitations_still_cannot_invite_admins(
    api_client_for, community, monkeypatch
):
    from communities import permissions

    monkeypatch.setitem(permissions.CAPABILITIES, "manage_invitations", permissions.STAFF)
    moderator = factories.member(community=community, role=Role.MODERATOR).user
    response = api_client_for(moderator).post(api("invitation-list", community), {"role": "admin"})
    assert_error(response, 403, "invitation_role_too_high")


def test_accept_through_the_api(api_client_for, community, owner):
    community.join_policy = "application"
    community.save()
    invitation = services.invitation_create(actor=owner, community=community, max_uses=1)
    first, second = factories.UserFactory(), factories.UserFactory()
    response = api_client_for(first).post(api("invitation-accept", community), {"code": invitation.code})
    assert response.status_code == 201 and response.json()["status"] == "active"
    response = api_client_for(second).post(api("invitation-accept", community), {"code": invitation.code})
    assert_error(response, 409, "invitation_exhausted")
    foreign = factories.InvitationFactory()
    response = api_client_for(second).post(api("invitation-accept", community), {"code": foreign.code})
    assert_error(response, 404, "invitation_invalid")
    assert_error(api_client_for(second).post(api("invitation-accept", community), {}), 400, "required")
    assert not Membership.objects.filter(user=second).exists()


@pytest.mark.parametrize(
    "invitation_kwargs, code",
    [
        ({"expires_at": timezone.now() - timedelta(days=1)}, "invitation_expired"),
        ({"revoked_at": timezone.now()}, "invitation_revoked"),
    ],
)
def test_accept_refuses_expired_and_revoked(api_client_for, community, invitation_kwargs, code):
    invitation = factories.InvitationFactory(community=community, **invitation_kwargs)
    response = api_client_for(factories.UserFactory()).post(
        api("invitation-accept", community), {"code": invitation.code}
    )
    assert_error(response, 409, code)


def test_invitation_uses_lists_who_joined(api_client_for, community, owner, django_assert_max_num_queries):
    invitation = services.invitation_create(actor=owner, community=community)
    client = api_client_for(owner)

    def add(n):
        for _ in range(n):
            services.invitation_accept(
                actor=factories.UserFactory(),
                community=community,
                code=invitation.code,
                accepted_rules_version=None,
            )

    add(10)
    with django_assert_max_num_queries(12) as small:
        assert client.get(api("invitation-uses", community, invitation.pk)).json()["count"] == 10
    add(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(api("invitation-uses", community, invitation.pk) + "?page_size=40")


@pytest.mark.parametrize("name", ["invitation-list", "join-link-list"])
def test_operator_lists_have_a_fixed_query_count(
    api_client_for, community, owner, name, django_assert_max_num_queries
):
    client = api_client_for(owner)

    def fill(n):
        for _ in range(n):
            link = factories.JoinLinkFactory(community=community)
            factories.InvitationFactory(community=community, created_by=owner)
            factories.member(community=community, join_link=link)

    fill(10)
    with django_assert_max_num_queries(12) as small:
        client.get(api(name, community) + "?page_size=40")
    fill(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(api(name, community) + "?page_size=40")


def test_join_links_create_retire_and_qr(api_client_for, community, owner, settings):
    settings.SITE_URL = "https://elsewhere.example/"  # links follow the address the request came to
    client = api_client_for(owner)
    assert_error(
        client.post(api("join-link-list", community), {"channel": "x", "source_tag": "No Way"}),
        400,
        "invalid",
    )
    assert_error(client.post(api("join-link-list", community), {}), 400, "required")
    response = client.post(
        api("join-link-list", community), {"channel": "WeChat group", "source_tag": "wechat"}
    )
    assert response.status_code == 201
    link = response.json()
    assert link["url"] == f"http://testserver/c/{community.slug}/j/{link['code']}/"
    assert link["qr_url"] == f"http://testserver/c/{community.slug}/settings/join-links/{link['id']}/qr.png"
    assert link["members_count"] == 0
    qr = client.get(api("join-link-qr", community, link["id"]))
    assert qr.status_code == 200 and qr["Content-Type"] == "image/png" and qr.content.startswith(b"\x89PNG")
    assert client.post(api("join-link-retire", community, link["id"])).json()["retired_at"]
    assert_error(client.post(api("join-link-retire", community, link["id"])), 409, "join_link_retired")
    assert JoinLink.objects.count() == 1


@pytest.mark.parametrize("role", [Role.MEMBER, Role.EXPERT, Role.MODERATOR])
def test_members_cannot_manage_invitations_or_links(api_client_for, community, role):
    client = api_client_for(factories.member(community=community, role=role).user)
    assert client.post(api("invitation-list", community), {}).status_code == 403
    assert client.post(api("join-link-list", community), {"channel": "x"}).status_code == 403
    assert client.get(api("growth", community)).status_code == 403


def test_referral_link_and_join_with_ref_through_the_api(api_client_for, community, settings):
    settings.SITE_URL = "https://elsewhere.example"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "guildhall.example"]
    referrer = factories.member(community=community)
    before = api_client_for(referrer.user).get(api("referral", community)).json()
    assert (before["code"], before["url"]) == (None, None)  # a GET does not make the code
    body = (
        api_client_for(referrer.user)
        .post(api("referral", community), HTTP_HOST="guildhall.example", secure=True)
        .json()
    )
    again = api_client_for(referrer.user).post(api("referral", community)).json()
    assert again["code"] == body["code"]  # made once
    assert body["url"] == f"https://guildhall.example/c/{community.slug}/join/?ref={body['code']}"
    newcomer = factories.UserFactory()
    response = api_client_for(newcomer).post(
        api("membership", community) + f"?ref={body['code']}&src=News", {}
    )
    assert response.status_code == 201
    membership = Membership.objects.get(user=newcomer)
    assert (membership.source, membership.referred_by, membership.source_tag) == (
        "referral",
        referrer,
        "news",
    )
    assert api_client_for(referrer.user).get(api("referral", community)).json()["referred_count"] == 1
    banned = factories.member(community=community, status=MembershipStatus.BANNED).user
    assert api_client_for(banned).get(api("referral", community)).status_code == 403


def test_growth_report_api(api_client_for, community, owner):
    services.membership_join_from(
        actor=factories.UserFactory(),
        community=community,
        accepted_rules_version=None,
        arrival={"src": "wechat"},
    )
    body = api_client_for(owner).get(api("growth", community) + "?days=7").json()
    assert body["days"] == 7 and body["total"] >= 1
    assert {"source": "campaign", "source_tag": "wechat", "count": 1} in body["by_source"]
    assert api_client_for(owner).get(api("growth", community) + "?days=all").json()["days"] is None
    assert_error(api_client_for(owner).get(api("growth", community) + "?days=3"), 400, "invalid_choice")


@pytest.mark.django_db(transaction=True)
def test_concurrent_last_use_admits_one(community, owner):
    """Two threads race for the last use; on SQLite writes serialise, on PostgreSQL the row lock does."""
    invitation = services.invitation_create(actor=owner, community=community, max_uses=1)
    users = [factories.UserFactory(), factories.UserFactory()]
    outcomes = []

    def attempt(user):
        try:
            services.invitation_accept(
                actor=user, community=community, code=invitation.code, accepted_rules_version=None
            )
            outcomes.append("ok")
        except Exception as exc:
            outcomes.append(getattr(exc, "code", type(exc).__name__))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    invitation.refresh_from_db()
    assert invitation.uses_count == 1
    assert outcomes.count("ok") == 1

"""Joining and leaving a community in the browser."""

import pytest
from django.urls import reverse

from communities import services
from members.models import Membership, RuleAcceptance
from tests import factories


def join_url(community):
    return reverse("members:join", args=[community.slug])


def leave_url(community):
    return reverse("members:leave", args=[community.slug])


@pytest.fixture
def ruled_community(community, owner):
    services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    services.rule_create(actor=owner, community=community, category="content", title="Credit photos")
    return community


@pytest.mark.django_db
def test_anonymous_join_goes_to_login_with_next(client_for, community):
    response = client_for().get(join_url(community))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


@pytest.mark.django_db
def test_join_page_shows_current_rules_and_checkbox(client_for, ruled_community):
    response = client_for(factories.UserFactory()).get(join_url(ruled_community))
    assert response.status_code == 200
    assert b"Credit photos" in response.content
    assert response.context["rules_version"].number == 2
    assert "accept_rules" in response.context["form"].fields
    assert b'type="checkbox"' in response.content


@pytest.mark.django_db
def test_join_requires_the_checkbox(client_for, ruled_community):
    user = factories.UserFactory()
    response = client_for(user).post(join_url(ruled_community), {"rules_version": 2})
    assert response.status_code == 200
    assert response.context["form"].has_error("accept_rules", "required")
    assert not Membership.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_join_records_the_accepted_rules_version(client_for, ruled_community):
    user = factories.UserFactory()
    response = client_for(user).post(join_url(ruled_community), {"rules_version": 2, "accept_rules": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("communities:home", args=[ruled_community.slug])
    membership = Membership.objects.get(community=ruled_community, user=user)
    assert membership.status == "active"
    acceptance = RuleAcceptance.objects.get(membership=membership)
    assert acceptance.rules_version.number == 2


@pytest.mark.django_db
def test_join_with_an_outdated_rules_version_is_refused(client_for, ruled_community, owner):
    user = factories.UserFactory()
    client = client_for(user)
    client.get(join_url(ruled_community))
    services.rule_create(actor=owner, community=ruled_community, category="conduct", title="No spam")
    response = client.post(join_url(ruled_community), {"rules_version": 2, "accept_rules": "on"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Membership.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_join_without_rules_needs_no_checkbox(client_for, community):
    user = factories.UserFactory()
    response = client_for(user).post(join_url(community), {})
    assert response.status_code == 302
    assert Membership.objects.get(community=community, user=user).status == "active"


@pytest.mark.django_db
@pytest.mark.parametrize("policy", ["application", "invitation"])
def test_non_open_policies_explain_and_refuse(client_for, policy):
    community = factories.CommunityFactory(join_policy=policy)
    client = client_for(factories.UserFactory())
    page = client.get(join_url(community))
    assert page.status_code == 200
    assert b'type="checkbox"' not in page.content
    response = client.post(join_url(community), {})
    assert response.status_code == 200
    assert not Membership.objects.filter(community=community).exists()


@pytest.mark.django_db
def test_banned_member_cannot_rejoin(client_for, community):
    banned = factories.member(community=community, status="banned")
    response = client_for(banned.user).post(join_url(community), {})
    assert response.status_code == 200
    banned.refresh_from_db()
    assert banned.status == "banned"


@pytest.mark.django_db
def test_private_community_join_page_is_404_for_outsiders(client_for):
    community = factories.CommunityFactory(visibility="private")
    assert client_for(factories.UserFactory()).get(join_url(community)).status_code == 404
    assert client_for().get(join_url(community)).status_code == 404


@pytest.mark.django_db
def test_leave_confirms_then_leaves(client_for, community):
    membership = factories.member(community=community)
    client = client_for(membership.user)
    assert client.get(leave_url(community)).status_code == 200
    response = client.post(leave_url(community), follow=True)
    assert response.redirect_chain[-1][0] == reverse("communities:home", args=[community.slug])
    membership.refresh_from_db()
    assert membership.status == "left"


@pytest.mark.django_db
def test_last_owner_cannot_leave(client_for, community, owner):
    response = client_for(owner).post(leave_url(community))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Membership.objects.get(community=community, user=owner).status == "active"


@pytest.mark.django_db
def test_left_member_can_join_again(client_for, community):
    membership = factories.member(community=community)
    client = client_for(membership.user)
    client.post(leave_url(community))
    client.post(join_url(community), {})
    membership.refresh_from_db()
    assert membership.status == "active"

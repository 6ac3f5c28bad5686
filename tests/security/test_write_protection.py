"""Fields nobody may set through the API, whatever their role: the tenant of a row, roles and statuses,
staff flags, a community's creator and, after creation, its slug. Each case checks the database."""

import pytest
from django.urls import reverse

from communities.models import Community, Rule
from members.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def community_url(community, name="community-detail", **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def test_rule_cannot_be_created_in_or_moved_to_another_community(api_client_for, community, owner):
    other = factories.CommunityFactory()
    factories.member(community=other, user=owner, role="owner")
    client = api_client_for(owner)

    response = client.post(
        community_url(community, "rule-list"), {"category": "conduct", "title": "x", "community": other.pk}
    )
    assert response.status_code == 400
    assert not Rule.objects.filter(community=other).exists()

    rule = factories.RuleFactory(community=community)
    response = client.patch(community_url(community, "rule-detail", rule_id=rule.pk), {"community": other.pk})
    assert response.status_code == 400
    assert Rule.objects.get(pk=rule.pk).community_id == community.pk


@pytest.mark.parametrize("field", ["role", "status", "community", "user"])
def test_join_cannot_choose_role_status_or_target(api_client_for, community, field):
    user = factories.UserFactory()
    value = {"role": "owner", "status": "active", "community": factories.CommunityFactory().pk, "user": 1}[
        field
    ]
    response = api_client_for(user).post(community_url(community, "membership"), {field: value})
    assert response.status_code == 400
    assert not Membership.objects.filter(user=user).exists()


def test_membership_role_and_status_cannot_be_changed_by_its_holder(api_client_for, community):
    member = factories.member(community=community)
    client = api_client_for(member.user)
    for method in ("put", "patch"):
        response = getattr(client, method)(community_url(community, "membership"), {"role": "owner"})
        assert response.status_code in (403, 405)
    for payload in ({"my_role": "owner"}, {"my_status": "active"}, {"role": "owner"}):
        assert client.patch(community_url(community), payload).status_code in (400, 403)
    member.refresh_from_db()
    assert (member.role, member.status) == ("member", "active")


def test_banned_member_cannot_reactivate_through_the_community(api_client_for, community):
    banned = factories.member(community=community, status="banned")
    client = api_client_for(banned.user)
    assert client.patch(community_url(community), {"my_status": "active"}).status_code == 403
    assert client.post(community_url(community, "membership"), {"status": "active"}).status_code == 400
    banned.refresh_from_db()
    assert banned.status == "banned"


@pytest.mark.parametrize("payload", [{"my_role": "admin"}, {"my_status": "active"}, {"member_count": 9}])
def test_community_create_cannot_set_computed_fields(api_client_for, payload):
    user = factories.UserFactory()
    body = {"slug": "new-place", "name": "New place", "skill_domain": "music", **payload}
    assert api_client_for(user).post(reverse("api:community-list"), body).status_code == 400
    assert not Community.objects.filter(slug="new-place").exists()


@pytest.mark.parametrize("field", ["created_by", "owner"])
def test_creator_and_owner_cannot_be_set(api_client_for, field):
    creator, victim = factories.UserFactory(), factories.UserFactory()
    body = {"slug": "new-place", "name": "New place", "skill_domain": "music", field: victim.pk}
    assert api_client_for(creator).post(reverse("api:community-list"), body).status_code == 400
    assert not Community.objects.filter(slug="new-place").exists()

    community = factories.CommunityFactory(created_by=creator)
    factories.member(community=community, user=creator, role="owner")
    assert api_client_for(creator).patch(community_url(community), {field: victim.pk}).status_code == 400
    community.refresh_from_db()
    assert community.created_by == creator
    assert not Membership.objects.filter(user=victim).exists()


def test_slug_cannot_change_after_creation(api_client_for, community, owner):
    before = (community.slug, community.name)
    response = api_client_for(owner).patch(community_url(community), {"slug": "moved", "name": "Renamed"})
    assert response.status_code == 400
    community.refresh_from_db()
    assert (community.slug, community.name) == before
    assert not Community.objects.filter(slug="moved").exists()


def test_me_cannot_grant_staff_or_superuser(api_client_for):
    user = factories.UserFactory()
    response = api_client_for(user).patch(
        reverse("api:me"), {"is_staff": True, "is_superuser": True, "is_active": False, "display_name": "Me"}
    )
    assert response.status_code in (200, 400)
    user.refresh_from_db()
    assert (user.is_staff, user.is_superuser, user.is_active) == (False, False, True)

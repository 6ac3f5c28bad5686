"""The roles API: change a role, transfer ownership, remove a member, the People list."""

import pytest
from django.urls import reverse

from members.models import AuditLogEntry, Membership
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def test_owner_changes_a_role(api_client_for, community, owner):
    subject = factories.member(community=community)
    response = api_client_for(owner).patch(
        url("member-role", community, membership_id=subject.pk),
        {"role": "moderator", "reason": "Active helper"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["role"] == "moderator"
    assert AuditLogEntry.objects.get(action="member.role_changed").reason == "Active helper"


def test_role_change_refusals(api_client_for, community, owner):
    admin = factories.member(community=community, role="admin")
    subject = factories.member(community=community)
    client = api_client_for(admin.user)
    assert_error(
        client.patch(url("member-role", community, membership_id=subject.pk), {"role": "admin"}),
        403,
        "role_rank",
    )
    assert_error(
        client.patch(url("member-role", community, membership_id=admin.pk), {"role": "owner"}),
        403,
        "self_promotion",
    )
    response = client.patch(url("member-role", community, membership_id=subject.pk), {"role": "king"})
    assert response.status_code == 400 and "role" in response.json()["fields"]
    foreign = factories.member()
    assert (
        client.patch(url("member-role", community, membership_id=foreign.pk), {"role": "expert"}).status_code
        == 404
    )
    assert (
        api_client_for(subject.user)
        .patch(url("member-role", community, membership_id=admin.pk), {"role": "member"})
        .status_code
        == 403
    )
    assert Membership.objects.get(pk=subject.pk).role == "member"
    assert not AuditLogEntry.objects.exists()


def test_transfer_ownership_and_remove(api_client_for, community, owner):
    heir = factories.member(community=community)
    client = api_client_for(owner)
    response = client.post(url("member-transfer-ownership", community, membership_id=heir.pk), {})
    assert response.status_code == 200 and response.json()["role"] == "owner"
    assert Membership.objects.get(community=community, user=owner).role == "admin"
    # The old owner is now an admin: removing an owner is refused, removing a member is not.
    assert_error(
        client.post(url("member-remove", community, membership_id=heir.pk), {"reason": "x"}),
        409,
        "owner_removal",
    )
    subject = factories.member(community=community)
    assert client.post(url("member-remove", community, membership_id=subject.pk), {}).status_code == 400
    response = client.post(url("member-remove", community, membership_id=subject.pk), {"reason": "Spam"})
    assert response.status_code == 200 and response.json()["status"] == "left"


@pytest.mark.parametrize("rows", [10, 40])
def test_people_list_query_count_does_not_grow(
    api_client_for, community, owner, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        factories.member(community=community, role="moderator")
    with django_assert_max_num_queries(6):
        response = api_client_for(owner).get(url("people-list", community), {"page_size": 50})
    assert response.json()["count"] == rows + 1
    assert response.json()["results"][0]["role"] == "owner"

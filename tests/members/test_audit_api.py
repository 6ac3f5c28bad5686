"""The audit log API: operators only, read-only, filters and cursor pagination."""

import pytest
from django.urls import reverse

from members.services.audit import audit_record
from tests import factories

pytestmark = pytest.mark.django_db


def url(community):
    return reverse("api:audit-log", kwargs={"community_slug": community.slug})


def test_audit_log_is_for_owners_and_admins(api_client_for, community, owner):
    audit_record(community=community, actor=owner, action="member.warned", reason="x")
    assert api_client_for(owner).get(url(community)).status_code == 200
    assert (
        api_client_for(factories.member(community=community, role="admin").user)
        .get(url(community))
        .status_code
        == 200
    )
    for role in ("moderator", "expert", "member"):
        assert (
            api_client_for(factories.member(community=community, role=role).user)
            .get(url(community))
            .status_code
            == 403
        )
    assert api_client_for(factories.member().user).get(url(community)).status_code == 403
    assert api_client_for().get(url(community)).status_code in (401, 403)


def test_audit_log_cannot_be_written(api_client_for, community, owner):
    client = api_client_for(owner)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(url(community), {}).status_code in (403, 405)


def test_filters_and_cursor_pagination(api_client_for, community, owner):
    subject = factories.member(community=community)
    other_actor = factories.member(community=community, role="admin").user
    for index in range(5):
        audit_record(
            community=community, actor=owner, action="member.warned", subject=subject, reason=str(index)
        )
    audit_record(
        community=community, actor=other_actor, action="member.banned", subject=subject, reason="spam"
    )
    audit_record(
        community=factories.CommunityFactory(), actor=owner, action="member.banned", reason="elsewhere"
    )
    client = api_client_for(owner)
    assert [
        e["reason"] for e in client.get(url(community), {"action": "member.banned"}).json()["results"]
    ] == ["spam"]
    assert len(client.get(url(community), {"actor": owner.username}).json()["results"]) == 5
    assert len(client.get(url(community), {"subject": subject.pk}).json()["results"]) == 6
    first = client.get(url(community), {"page_size": 4}).json()
    assert [e["reason"] for e in first["results"]] == ["spam", "4", "3", "2"]
    second = client.get(first["next"]).json()
    assert [e["reason"] for e in second["results"]] == ["1", "0"]
    assert client.get(url(community), {"since": "2000-01-01", "until": "2000-12-31"}).json()["results"] == []
    assert client.get(url(community), {"since": "not-a-date"}).status_code == 400


@pytest.mark.parametrize("rows", [10, 40])
def test_audit_list_query_count_does_not_grow(
    api_client_for, community, owner, rows, django_assert_max_num_queries
):
    subject = factories.member(community=community)
    for _ in range(rows):
        audit_record(community=community, actor=owner, action="member.warned", subject=subject)
    with django_assert_max_num_queries(5):
        assert api_client_for(owner).get(url(community), {"page_size": 50}).status_code == 200

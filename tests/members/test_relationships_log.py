"""The relationship log: followed members, touchpoints, cadences, the overdue flag (site and API)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from analytics.services import record
from communities.errors import DomainError
from members.errors import NotARelationship, TouchpointInFuture
from members.models import ContactCadence, MemberTag, Touchpoint
from members.selectors.relationships import is_overdue, relationship_list
from members.services.relationships import cadence_clear, cadence_set, touchpoint_create
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def core(community, owner):
    membership = factories.member(community=community)
    MemberTag.objects.create(
        community=community, membership=membership, name=MemberTag.CORE_MEMBER, added_by=owner
    )
    return membership


def list_page(community, **query):
    url = reverse("members:relationships", args=[community.slug])
    return url + ("?overdue=1" if query.get("overdue") else "")


def detail_page(membership):
    return reverse("members:relationship-detail", args=[membership.community.slug, membership.pk])


def api_list(community):
    return reverse("api:relationship-list", kwargs={"community_slug": community.slug})


def api_touchpoints(membership):
    return reverse(
        "api:touchpoint-list",
        kwargs={"community_slug": membership.community.slug, "membership_id": membership.pk},
    )


def api_cadence(membership):
    return reverse(
        "api:cadence-detail",
        kwargs={"community_slug": membership.community.slug, "membership_id": membership.pk},
    )


# --- Rules --------------------------------------------------------------------------------------------------


def test_overdue_rule():
    today = timezone.localdate()
    long_ago = timezone.now() - timedelta(days=10)
    assert is_overdue(every_days=None, last_touch=None) is False
    assert is_overdue(every_days=7, last_touch=None) is True
    assert is_overdue(every_days=7, last_touch=long_ago, today=today) is True
    assert is_overdue(every_days=10, last_touch=long_ago, today=today) is False
    assert is_overdue(every_days=30, last_touch=long_ago, today=today) is False


def test_the_log_lists_tagged_and_cadenced_members_only(community, owner, core):
    cadenced = factories.member(community=community)
    factories.member(community=community)  # neither: not listed
    cadence_set(actor=owner, community=community, membership=cadenced, every_days=14, caretaker=owner)
    rows = {m.pk: m for m in relationship_list(community=community)}
    assert set(rows) == {core.pk, cadenced.pk}
    assert rows[cadenced.pk].every_days == 14 and rows[cadenced.pk].caretaker_name == owner.username
    assert rows[cadenced.pk].overdue is True  # a cadence and never contacted
    assert rows[core.pk].overdue is False  # no cadence


def test_a_recent_touchpoint_clears_overdue_and_an_old_one_sets_it(community, owner, core):
    cadence_set(actor=owner, community=community, membership=core, every_days=7)
    touchpoint_create(
        actor=owner,
        community=community,
        membership=core,
        kind="call",
        happened_at=timezone.now() - timedelta(days=9),
    )
    assert [m.pk for m in relationship_list(community=community, overdue=True)] == [core.pk]
    touchpoint_create(actor=owner, community=community, membership=core, kind="message", note="Coffee soon")
    assert relationship_list(community=community, overdue=True) == []
    (row,) = relationship_list(community=community, overdue=False)
    assert row.due_on == timezone.localdate() + timedelta(days=7)


def test_touchpoint_in_the_future_is_refused(community, owner, core):
    with pytest.raises(TouchpointInFuture):
        touchpoint_create(
            actor=owner,
            community=community,
            membership=core,
            kind="call",
            happened_at=timezone.now() + timedelta(hours=1),
        )
    assert not Touchpoint.objects.exists()


def test_members_of_another_community_or_inactive_ones_cannot_be_followed(community, owner):
    elsewhere = factories.member(community=factories.CommunityFactory())
    left = factories.member(community=community, status="left")
    for membership in (elsewhere, left):
        with pytest.raises(NotARelationship):
            cadence_set(actor=owner, community=community, membership=membership, every_days=7)
        with pytest.raises(NotARelationship):
            touchpoint_create(actor=owner, community=community, membership=membership, kind="call")
    assert not ContactCadence.objects.exists() and not Touchpoint.objects.exists()


def test_cadence_is_one_per_member_and_can_be_cleared(community, owner, core):
    cadence_set(actor=owner, community=community, membership=core, every_days=7)
    cadence_set(actor=owner, community=community, membership=core, every_days=30)
    assert ContactCadence.objects.get().every_days == 30
    assert cadence_clear(actor=owner, community=community, membership=core) is True
    assert cadence_clear(actor=owner, community=community, membership=core) is False
    assert not ContactCadence.objects.exists()


def test_caretaker_must_be_an_operator(community, owner, core):
    moderator = factories.member(community=community, role="moderator").user
    with pytest.raises(DomainError) as exc:
        cadence_set(actor=owner, community=community, membership=core, every_days=7, caretaker=moderator)
    assert exc.value.code == "invalid_caretaker"
    with pytest.raises(DomainError) as exc:
        cadence_set(actor=owner, community=community, membership=core, every_days=0)
    assert exc.value.code == "invalid_cadence"
    assert not ContactCadence.objects.exists()


# --- HTML ---------------------------------------------------------------------------------------------------


def test_page_shows_members_with_a_sparkline(client_for, community, owner, core):
    record(community=community, actor=core.user, verb="post.created")
    response = client_for(owner).get(list_page(community))
    assert response.status_code == 200
    assert b"<svg" in response.content and b"polyline" in response.content
    (row,) = response.context["members"]
    assert row.trend[-1] == 1


def test_empty_state_says_what_to_do(client_for, community, owner):
    response = client_for(owner).get(list_page(community))
    assert b"empty-state" in response.content
    response = client_for(owner).get(list_page(community, overdue=True))
    assert b"empty-state" in response.content


@pytest.mark.parametrize("count", [10, 40])
def test_list_query_count_does_not_grow(client_for, community, owner, count, django_assert_max_num_queries):
    for _ in range(count):
        membership = factories.member(community=community)
        MemberTag.objects.create(community=community, membership=membership, name=MemberTag.OPINION_LEADER)
        cadence_set(actor=owner, community=community, membership=membership, every_days=7, caretaker=owner)
        touchpoint_create(actor=owner, community=community, membership=membership, kind="call")
        record(community=community, actor=membership.user, verb="reply.created")
    client = client_for(owner)
    client.get(list_page(community))  # the day's visit is recorded on the first request
    with django_assert_max_num_queries(12):
        response = client.get(list_page(community))
    assert len(response.context["members"]) == count
    with django_assert_max_num_queries(12):
        assert api_list_len(owner, community) == count


def api_list_len(user, community):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(api_list(community), {"page_size": 100}).json()["count"]


def test_follow_form_starts_following(client_for, community, owner):
    target = factories.member(community=community)
    response = client_for(owner).post(
        list_page(community), {"username": target.user.username, "every_days": "21"}
    )
    assert response.status_code == 302
    assert ContactCadence.objects.get(membership=target).every_days == 21


def test_follow_form_refuses_unknown_member_and_bad_cadence(client_for, community, owner):
    response = client_for(owner).post(list_page(community), {"username": "nobody", "every_days": "0"})
    assert response.status_code == 200
    assert {"username", "every_days"} <= set(response.context["form"].errors)
    assert not ContactCadence.objects.exists()


def test_detail_records_a_touchpoint_and_a_cadence(client_for, community, owner, core):
    client = client_for(owner)
    assert client.get(detail_page(core)).status_code == 200
    url = reverse("members:touchpoint-create", args=[community.slug, core.pk])
    response = client.post(url, {"kind": "meeting", "note": "Met at the meetup"})
    assert response.status_code == 302
    url = reverse("members:cadence-set", args=[community.slug, core.pk])
    caretaker = community.memberships.get(user=owner)
    assert client.post(url, {"every_days": "10", "caretaker": caretaker.pk}).status_code == 302
    cadence = ContactCadence.objects.get(membership=core)
    assert (cadence.every_days, cadence.caretaker) == (10, owner)
    assert Touchpoint.objects.get().author == owner
    response = client.get(detail_page(core))
    assert b"Met at the meetup" in response.content


def test_detail_form_errors_are_shown(client_for, community, owner, core):
    url = reverse("members:touchpoint-create", args=[community.slug, core.pk])
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client_for(owner).post(url, {"kind": "call", "happened_at": future})
    assert response.status_code == 200
    assert "happened_at" in response.context["touchpoint_form"].errors
    response = client_for(owner).post(url, {"kind": "telepathy"})
    assert "kind" in response.context["touchpoint_form"].errors
    assert not Touchpoint.objects.exists()


def test_clear_cadence_from_the_page(client_for, community, owner, core):
    cadence_set(actor=owner, community=community, membership=core, every_days=7)
    url = reverse("members:cadence-clear", args=[community.slug, core.pk])
    assert client_for(owner).post(url).status_code == 302
    assert not ContactCadence.objects.exists()


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_html_other_roles_are_refused(client_for, community, core, role):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(list_page(community)).status_code == 403
    assert client_for(user).get(detail_page(core)).status_code == 403


def test_membership_of_another_community_is_404(client_for, community, owner):
    elsewhere = factories.member(community=factories.CommunityFactory())
    url = reverse("members:relationship-detail", args=[community.slug, elsewhere.pk])
    assert client_for(owner).get(url).status_code == 404


# --- API ----------------------------------------------------------------------------------------------------


def test_api_list_with_overdue_filter(api_client_for, community, owner, core):
    other = factories.member(community=community)
    cadence_set(actor=owner, community=community, membership=other, every_days=7)
    client = api_client_for(owner)
    rows = client.get(api_list(community)).json()["results"]
    assert {row["membership_id"] for row in rows} == {core.pk, other.pk}
    overdue = client.get(api_list(community), {"overdue": "true"}).json()["results"]
    assert [row["membership_id"] for row in overdue] == [other.pk]
    assert overdue[0]["every_days"] == 7 and len(overdue[0]["trend"]) == 12


def test_api_touchpoints(api_client_for, community, owner, core):
    client = api_client_for(owner)
    response = client.post(api_touchpoints(core), {"kind": "call", "note": "Catch-up"}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["author"] == owner.username
    assert client.get(api_touchpoints(core)).json()["count"] == 1
    future = (timezone.now() + timedelta(days=1)).isoformat()
    response = client.post(api_touchpoints(core), {"kind": "call", "happened_at": future}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "touchpoint_in_future"
    response = client.post(api_touchpoints(core), {"kind": "fax"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()["fields"]
    response = client.post(api_touchpoints(core), {"kind": "call", "author": 1}, format="json")
    assert response.status_code == 400
    assert Touchpoint.objects.count() == 1


def test_api_cadence(api_client_for, community, owner, core):
    client = api_client_for(owner)
    response = client.put(api_cadence(core), {"every_days": 14, "caretaker": owner.username}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["caretaker"] == owner.username
    member = factories.member(community=community).user
    response = client.put(api_cadence(core), {"every_days": 14, "caretaker": member.username}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid_caretaker"
    response = client.put(api_cadence(core), {"every_days": 0}, format="json")
    assert response.status_code == 400 and "every_days" in response.json()["fields"]
    assert ContactCadence.objects.get().every_days == 14
    assert client.delete(api_cadence(core)).status_code == 204
    assert not ContactCadence.objects.exists()


def test_api_refuses_other_roles_and_other_communities(api_client_for, community, owner, core):
    moderator = factories.member(community=community, role="moderator").user
    assert api_client_for(moderator).get(api_list(community)).status_code == 403
    assert (
        api_client_for(moderator).post(api_touchpoints(core), {"kind": "call"}, format="json").status_code
        == 403
    )
    assert api_client_for(None).get(api_list(community)).status_code in (401, 403)
    elsewhere = factories.member(community=factories.CommunityFactory())
    url = reverse(
        "api:touchpoint-list", kwargs={"community_slug": community.slug, "membership_id": elsewhere.pk}
    )
    assert api_client_for(owner).post(url, {"kind": "call"}, format="json").status_code == 404
    assert not Touchpoint.objects.exists()

"""Concurrent duplicates (a double tap) get the sequential answer: one row, the others a 409, never a 500.

POSTGRESQL ONLY (skipped on SQLite, whose writes serialise on the database lock, so no race can happen):
run with DATABASE_URL=postgres://... . Each test fires the same request from several threads at once,
each thread with its own database connection (`transaction=True`: the rows are really committed), and
asserts on the HTTP answers and on the rows.
"""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from communities.models import Community
from communities.roles import MembershipStatus
from members.models import Application, Membership, Report
from members.services import recruitment
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite serialises writes"),
]
TAPS = 4


def fire(user, method: str, url: str, body: dict, taps: int = TAPS) -> list[int]:
    """`taps` identical requests by `user` released together; their status codes."""
    barrier = threading.Barrier(taps)
    codes: list[int] = []

    def tap():
        client = APIClient()
        client.force_authenticate(user)
        try:
            barrier.wait()
            response = getattr(client, method)(url, body, format="json")
            codes.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(taps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


@pytest.fixture
def community():
    community = factories.CommunityFactory()
    factories.member(community=community, role="owner")
    return community


def test_a_double_tap_join_makes_one_membership(community):
    user = factories.UserFactory()
    codes = fire(user, "post", api("membership", community), {})
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    assert (
        Membership.objects.filter(community=community, user=user, status=MembershipStatus.ACTIVE).count() == 1
    )
    assert Community.objects.get(pk=community.pk).member_count == 2


def test_a_double_tap_application_makes_one(community):
    Community.objects.filter(pk=community.pk).update(join_policy=Community.JoinPolicy.APPLICATION)
    user = factories.UserFactory()
    codes = fire(user, "post", api("application-list", community), {})
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    assert Application.objects.filter(community=community, applicant=user).count() == 1
    assert Membership.objects.filter(community=community, user=user).count() == 1


def test_a_double_tap_invitation_acceptance_admits_once(community):
    owner = Membership.objects.get(community=community, role="owner").user
    invitation = recruitment.invitation_create(actor=owner, community=community, max_uses=10)
    user = factories.UserFactory()
    codes = fire(user, "post", api("invitation-accept", community), {"code": invitation.code})
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    assert Membership.objects.filter(community=community, user=user).count() == 1
    invitation.refresh_from_db()
    assert invitation.uses_count == 1


def test_a_double_tap_report_files_one(community):
    reporter = factories.member(community=community).user
    subject = factories.member(community=community)
    rule = factories.RuleFactory(community=community)
    body = {
        "target_type": "members.membership",
        "target_id": str(subject.pk),
        "rule": rule.pk,
        "reason": "spam",
    }
    codes = fire(reporter, "post", api("report-list", community), body)
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    assert Report.objects.filter(community=community, reporter=reporter).count() == 1


def test_many_members_double_tapping_join_get_no_500(community):
    """The issue's probe in small: several people each tapping join twice at once."""
    users = [factories.UserFactory() for _ in range(3)]
    barrier = threading.Barrier(len(users) * 2)
    codes: list[int] = []

    def tap(user):
        client = APIClient()
        client.force_authenticate(user)
        try:
            barrier.wait()
            codes.append(client.post(api("membership", community), {}, format="json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap, args=(user,)) for user in users for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [201] * len(users) + [409] * len(users)
    assert Community.objects.get(pk=community.pk).member_count == 1 + len(users)

"""One tap in the review queue: approve or reject one application, through the same service as bulk."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from communities.roles import MembershipStatus
from members.models import Application, AuditLogEntry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def vetted():
    return factories.CommunityFactory(join_policy="application")


@pytest.fixture
def vetter(vetted):
    return factories.member(community=vetted, role="admin").user


@pytest.fixture
def application(vetted):
    return factories.ApplicationFactory(community=vetted, membership__user__display_name="刘洋")


def decide_url(application, decision):
    return reverse(f"members:application-{decision}", args=[application.community.slug, application.pk])


def test_queue_offers_both_buttons_on_each_pending_application(client_for, vetted, vetter, application):
    decided = factories.ApplicationFactory(community=vetted, status=Application.Status.REJECTED)
    page = client_for(vetter).get(reverse("members:applications", args=[vetted.slug])).content.decode()
    assert f'action="{decide_url(application, "approve")}"' in page
    assert f'action="{decide_url(application, "reject")}"' in page
    assert f'form="approve-{application.pk}"' in page and f'form="reject-{application.pk}"' in page
    assert decide_url(decided, "approve") not in page
    assert "刘洋" in page


def test_approve_in_one_tap_admits_the_applicant(client_for, vetter, application):
    client = client_for(vetter)
    response = client.post(decide_url(application, "approve") + "?status=pending")
    assert response.status_code == 302
    queue = reverse("members:applications", args=[application.community.slug])
    assert response.url == queue + "?status=pending"
    application.refresh_from_db()
    application.membership.refresh_from_db()
    assert application.status == Application.Status.APPROVED and application.decided_by == vetter
    assert application.membership.status == MembershipStatus.ACTIVE
    entries = AuditLogEntry.objects.filter(action="application.approved", subject=application.membership)
    assert entries.exists()
    assert "刘洋" in str(next(iter(get_messages(response.wsgi_request))))


def test_reject_in_one_tap(client_for, vetter, application):
    client_for(vetter).post(decide_url(application, "reject"))
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.membership.status == MembershipStatus.REJECTED


def test_deciding_twice_says_so_and_changes_nothing(client_for, vetter, application):
    client = client_for(vetter)
    client.post(decide_url(application, "approve"))
    response = client.post(decide_url(application, "reject"), HTTP_REFERER="http://testserver/back/")
    assert response.status_code == 302 and response.url == "http://testserver/back/"
    assert [m.level_tag for m in get_messages(response.wsgi_request)][-1] == "error"
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED


@pytest.mark.parametrize("role", ["member", "moderator", "expert"])
def test_roles_that_do_not_vet_are_refused(client_for, vetted, application, role):
    user = factories.member(community=vetted, role=role).user
    assert client_for(user).post(decide_url(application, "approve")).status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING


def test_another_communitys_application_is_not_found(client_for, vetter, vetted):
    elsewhere = factories.ApplicationFactory()
    url = reverse("members:application-approve", args=[vetted.slug, elsewhere.pk])
    assert client_for(vetter).post(url).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == Application.Status.PENDING


def test_get_is_not_allowed_and_a_post_needs_the_csrf_token(vetter, application):
    client = Client(enforce_csrf_checks=True)
    client.force_login(vetter)
    assert client.get(decide_url(application, "approve")).status_code == 405
    assert client.post(decide_url(application, "approve")).status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING

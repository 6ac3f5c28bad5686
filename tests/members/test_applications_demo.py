"""The demo world has applications to review, and an operator approves one from the queue."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from members.models import Application, Membership

pytestmark = pytest.mark.django_db


def test_demo_queue_has_pending_applications_an_owner_approves(client_for):
    call_command("seed_demo")
    pending = Application.objects.filter(community__slug="street-photography", status="pending")
    assert pending.count() >= 1
    assert all(application.answers for application in pending)
    owner = Membership.objects.get(community__slug="street-photography", role="owner").user
    queue = reverse("members:applications", args=["street-photography"])
    target = pending.first()
    response = client_for(owner).post(queue, {"ids": [target.pk], "decision": "approve", "message": "欢迎!"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == "approved" and target.membership.status == "active"
    call_command("seed_demo")
    assert Application.objects.filter(applicant=target.applicant).count() == 1

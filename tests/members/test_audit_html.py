"""The audit log page and its CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from members.services.audit import audit_record
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "status"), [("owner", 200), ("admin", 200), ("moderator", 403), ("member", 403)]
)
def test_audit_page_permissions(client_for, community, role, status):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(reverse("members:audit", args=[community.slug])).status_code == status
    assert client_for(user).get(reverse("members:audit-export", args=[community.slug])).status_code == status


def test_audit_page_filters_and_empty_state(client_for, community, owner):
    subject = factories.member(community=community)
    audit_record(community=community, actor=owner, action="member.warned", subject=subject, reason="Rude")
    audit_record(community=community, actor=owner, action="member.banned", subject=subject, reason="Spam")
    client = client_for(owner)
    page = reverse("members:audit", args=[community.slug])
    response = client.get(page, {"action": "member.banned"})
    assert [e.reason for e in response.context["page"].object_list] == ["Spam"]
    assert b"empty-state" in client.get(page, {"action": "member.nothing"}).content


def test_audit_page_is_read_only(client_for, community, owner):
    assert client_for(owner).post(reverse("members:audit", args=[community.slug])).status_code == 405


def test_csv_export_with_filters(client_for, community, owner):
    subject = factories.member(community=community)
    audit_record(community=community, actor=owner, action="member.warned", subject=subject, reason="Rude")
    audit_record(community=community, actor=owner, action="member.banned", subject=subject, reason="Spam")
    audit_record(community=factories.CommunityFactory(), actor=owner, action="member.banned", reason="Other")
    response = client_for(owner).get(
        reverse("members:audit-export", args=[community.slug]), {"action": "member.banned"}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[1][1:5] == ["member.banned", owner.username, str(subject.user), "Spam"]


@pytest.mark.parametrize("rows", [10, 40])
def test_audit_page_query_count_does_not_grow(
    client_for, community, owner, rows, django_assert_max_num_queries
):
    subject = factories.member(community=community)
    for _ in range(rows):
        audit_record(community=community, actor=owner, action="member.warned", subject=subject)
    client = client_for(owner)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("members:audit", args=[community.slug])).status_code == 200


@pytest.mark.parametrize("model", ["auditlogentry", "report", "moderationaction", "contenthold"])
def test_django_admin_shows_moderation_records_read_only(client_for, community, owner, model):
    entry = audit_record(community=community, actor=owner, action="member.warned", reason="x")
    client = client_for(factories.UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:members_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:members_{model}_add")).status_code == 403
    if model == "auditlogentry":
        assert (
            client.post(
                reverse("admin:members_auditlogentry_delete", args=[entry.pk]), {"post": "yes"}
            ).status_code
            == 403
        )
        response = client.post(
            reverse("admin:members_auditlogentry_change", args=[entry.pk]), {"reason": "edited"}
        )
        assert response.status_code == 403
        entry.refresh_from_db()
        assert entry.reason == "x"

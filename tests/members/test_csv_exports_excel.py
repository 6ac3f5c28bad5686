"""Every CSV export opens in Excel with Chinese intact, reads in the requester's language, and is reachable
with an API token under the same capability and tenancy as the page."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts import services as account_services
from members.services.audit import audit_record
from tests import factories

pytestmark = pytest.mark.django_db

BOM = "\ufeff".encode()


@pytest.fixture
def shanghai():
    return factories.CommunityFactory(name="街头摄影社", timezone="Asia/Shanghai", language="zh-hans")


@pytest.fixture
def owner(shanghai):
    user = factories.UserFactory(language="zh-hans", display_name="陈静")
    return factories.member(community=shanghai, role="owner", user=user)


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def rows(raw: bytes) -> list[list[str]]:
    assert raw.startswith(BOM)  # Excel reads UTF-8 only after a byte order mark
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def token_client(user) -> APIClient:
    _token, key = account_services.token_create(user=user, name="export")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_directory_export_is_excel_ready_and_in_the_readers_language(client_for, shanghai, owner):
    member = factories.member(
        community=shanghai,
        user=factories.UserFactory(display_name="王磊"),
        joined_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC),
    )
    raw = content(client_for(owner.user).get(reverse("members:directory-export", args=[shanghai.slug])))
    header, *body = rows(raw)
    assert header == ["用户名", "名称", "角色", "加入时间", "最近活跃", "技能等级", "技能", "标签", "邮箱"]
    mine = next(row for row in body if row[0] == member.user.username)
    assert mine[1] == "王磊" and mine[2] == "成员"
    assert mine[3] == "2026-03-02T00:30:00+08:00"  # the community's time zone, with its offset
    english = factories.UserFactory(language="en")
    factories.member(community=shanghai, role="admin", user=english)
    header = rows(
        content(client_for(english).get(reverse("members:directory-export", args=[shanghai.slug])))
    )[0]
    assert header[:3] == ["Username", "Name", "Role"]


def test_audit_export_has_json_details_and_local_times(client_for, shanghai, owner):
    subject = factories.member(community=shanghai, user=factories.UserFactory(display_name="刘洋"))
    entry = audit_record(
        community=shanghai,
        actor=owner.user,
        action="member.banned",
        subject=subject,
        reason="广告",
        rule="禁止广告与引流",
        reports=[3, 4],
    )
    raw = content(client_for(owner.user).get(reverse("members:audit-export", args=[shanghai.slug])))
    header, row = rows(raw)
    assert header == ["时间", "操作", "操作人", "成员", "原因", "详情", "经过"]
    assert row[1:5] == ["member.banned", owner.user.username, str(subject.user), "广告"]
    assert json.loads(row[5]) == {"rule": "禁止广告与引流", "reports": [3, 4]}
    assert "刘洋" in row[6] and "禁止广告与引流" in row[6] and "<" not in row[6]  # the log's sentence
    stamp = datetime.fromisoformat(row[0])
    assert stamp.utcoffset().total_seconds() == 8 * 3600 and stamp == entry.created_at


def test_exports_with_an_api_token(shanghai, owner):
    audit_record(community=shanghai, actor=owner.user, action="member.warned", reason="提醒")
    factories.member(community=shanghai, role="moderator")
    client = token_client(owner.user)
    for name in ("api:member-export", "api:audit-log-export"):
        response = client.get(reverse(name, args=[shanghai.slug]), HTTP_ACCEPT="text/csv")
        assert response.status_code == 200, name
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith("attachment;")
        assert content(response).startswith(BOM)
    members = rows(
        content(client.get(reverse("api:member-export", args=[shanghai.slug]), {"role": "moderator"}))
    )
    assert len(members) == 2 and members[1][2] == "版主"
    audit = rows(content(client.get(reverse("api:audit-log-export", args=[shanghai.slug]), {"action": "x"})))
    assert len(audit) == 1  # the filters of the list apply


def test_api_exports_respect_capability_and_tenancy(shanghai, owner):
    moderator = factories.member(community=shanghai, role="moderator").user
    plain = factories.member(community=shanghai).user
    other_operator = factories.member(role="owner").user
    private = factories.CommunityFactory(visibility="private")
    factories.member(community=private, role="owner")
    for name, allowed_moderator in (("api:member-export", False), ("api:audit-log-export", False)):
        url = reverse(name, args=[shanghai.slug])
        assert token_client(plain).get(url).status_code == 403
        assert token_client(moderator).get(url).status_code == (200 if allowed_moderator else 403)
        assert token_client(other_operator).get(url).status_code == 403
        assert token_client(other_operator).get(reverse(name, args=[private.slug])).status_code == 404
        assert APIClient().get(url).status_code == 401
        refused = token_client(plain).get(url, HTTP_ACCEPT="text/csv")
        assert refused.status_code == 403 and refused.json()["code"]  # errors stay JSON


def test_api_export_refuses_a_bad_filter(shanghai, owner):
    response = token_client(owner.user).get(
        reverse("api:member-export", args=[shanghai.slug]), {"joined_from": "not-a-date"}
    )
    assert response.status_code == 400 and "joined_from" in response.json()["fields"]

# ruff: noqa: RUF001 -- Chinese text takes full-width punctuation (docs/i18n.md)
"""Notices read in the recipient's language, whoever caused them and in whatever language they acted.

Each notice is stored as a kind and parameters (communities.notices) and rendered when read: the inbox
and the API in the reader's language, the email in the recipient's.
"""

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from accounts.services import token_create
from communities.inbox import GROUP_KEYS
from communities.models import Notification
from communities.notices import KINDS, UnknownNoticeKind
from communities.notifications import notify
from members.services import applications as application_services
from members.services import moderation as moderation_services
from members.services import roles as role_services
from tests import factories

pytestmark = pytest.mark.django_db


def user(language):
    return factories.UserFactory(language=language)


def inbox_titles(client_for, reader):
    response = client_for(reader).get(reverse("communities:notifications"))
    return response.content.decode(), [n.title for n in response.context["notifications"]]


@pytest.fixture
def vetted():
    return factories.CommunityFactory(join_policy="application", name="Darkroom", language="zh-hans")


def test_chinese_operator_hears_of_an_english_applicant_in_chinese(
    vetted, client_for, django_capture_on_commit_callbacks
):
    operator = factories.member(community=vetted, role="admin", user=user("zh-hans")).user
    applicant = factories.UserFactory(language="en", display_name="Ansel")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        application_services.application_submit(
            actor=applicant, community=vetted, answers={}, accepted_rules_version=None
        )
    page, titles = inbox_titles(client_for, operator)
    assert titles == ["Darkroom 收到来自 Ansel 的新申请"]
    assert "Darkroom 收到来自 Ansel 的新申请" in page
    (email,) = mail.outbox
    assert email.to == [operator.email]
    assert "Darkroom 收到来自 Ansel 的新申请" in email.subject
    assert "你好" in email.body and "New application" not in email.body
    assert "Guildhall" in email.body


def test_english_applicant_reads_a_chinese_operators_decision_in_english(
    vetted, client_for, django_capture_on_commit_callbacks
):
    operator = factories.member(community=vetted, role="admin", user=user("zh-hans")).user
    applicant = user("en")
    application = application_services.application_submit(
        actor=applicant, community=vetted, answers={}, accepted_rules_version=None
    )
    mail.outbox.clear()
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        application_services.application_decide(
            actor=operator,
            community=vetted,
            application=application,
            decision="approve",
            message="欢迎！",
        )
    _page, titles = inbox_titles(client_for, applicant)
    assert "Welcome to Darkroom: your application is approved" in titles
    assert f"Welcome to Darkroom, {applicant.name}!" in titles
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        f"[Darkroom] Welcome to Darkroom, {applicant.name}!",
        "[Darkroom] Welcome to Darkroom: your application is approved",
    ]
    approved = next(m for m in mail.outbox if "approved" in m.subject)
    assert "欢迎！" in approved.body and "Hello" in approved.body


def test_the_same_notice_reads_in_each_readers_language(client_for):
    """Read at two times in two languages, one row gives two sentences: nothing was frozen."""
    member = factories.member(user=user("en"))
    owner = factories.member(community=member.community, role="owner").user
    with translation.override("zh-hans"):
        role_services.role_change(
            actor=owner, community=member.community, membership=member, role="moderator"
        )
    notice = Notification.objects.get(recipient=member.user)
    assert (notice.kind, notice.params) == ("moderation.role_changed", {"role": "moderator"})
    with translation.override("en"):
        assert notice.title == f"Your role in {member.community.name} is now Moderator"
    with translation.override("zh-hans"):
        assert notice.title == f"你在 {member.community.name} 的角色已变更为版主"
    member.user.language = "zh-hans"
    member.user.save()
    _page, titles = inbox_titles(client_for, member.user)
    assert titles == [f"你在 {member.community.name} 的角色已变更为版主"]


def test_a_sanction_names_its_rule_in_the_readers_language_and_keeps_the_reason_as_written():
    community = factories.CommunityFactory(name="Film Club")
    moderator = factories.member(community=community, role="moderator").user
    target = factories.member(community=community)
    rule = factories.RuleFactory(community=community, title="Be kind")
    with translation.override("zh-hans"):
        moderation_services.member_warn(
            actor=moderator, community=community, membership=target, reason="Rude reply", rule_id=rule.pk
        )
    notice = Notification.objects.get(recipient=target.user)
    with translation.override("en"):
        assert notice.title == "You received a warning in Film Club"
        assert notice.body == "Rule: Be kind\n\nRude reply"
    with translation.override("zh-hans"):
        assert notice.title == "你在 Film Club 收到了一次警告"
        assert notice.body == "规则：Be kind\n\nRude reply"
    moderation_services.member_warn(actor=moderator, community=community, membership=target, reason="Again")
    without_rule = Notification.objects.filter(recipient=target.user).first()
    with translation.override("zh-hans"):
        assert without_rule.body == "Again"


def test_the_community_name_is_read_when_the_notice_is(client_for):
    member = factories.member()
    notice = notify(community=member.community, recipient=member.user, kind="moderation.ownership")
    member.community.name = "Renamed"
    member.community.save()
    notice.refresh_from_db()
    with translation.override("en"):
        assert notice.title == "You are now an owner of Renamed"


def test_welcome_notice_offers_the_platform_text_until_operators_write_one():
    member = factories.member(user=factories.UserFactory(display_name="Mei"))
    notice = notify(community=member.community, recipient=member.user, kind="welcome", params={"name": "Mei"})
    with translation.override("zh-hans"):
        assert notice.body.startswith("打开你的欢迎页")
    with translation.override("en"):
        assert notice.body.startswith("Open your welcome page")
    written = notify(
        community=member.community, recipient=member.user, kind="welcome", params={"name": "Mei"}, note="Hi!"
    )
    with translation.override("zh-hans"):
        assert written.body == "Hi!"


def test_api_renders_title_and_body_in_the_callers_language_with_kind_and_params(api_client_for):
    member = factories.member(user=user("zh-hans"))
    notify(community=member.community, recipient=member.user, kind="trust.promoted", params={"level": 2})
    client = api_client_for(member.user)
    (row,) = client.get(reverse("api:notification-list"), HTTP_ACCEPT_LANGUAGE="zh-hans").json()["results"]
    assert row["kind"] == "trust.promoted" and row["params"] == {"level": 2}
    assert row["title"] == f"你在 {member.community.name} 达到了信任等级 2"
    assert row["body"].startswith("感谢你的参与")
    member.user.language = "en"
    member.user.save()
    (row,) = client.get(reverse("api:notification-list")).json()["results"]
    assert row["title"] == f"You reached trust level 2 in {member.community.name}"


def test_api_with_a_token_reads_in_the_accounts_language():
    """A token user's saved language applies, as a session user's does (not the default language)."""
    member = factories.member(user=user("zh-hans"))
    notify(community=member.community, recipient=member.user, kind="moderation.ownership")
    _token, key = token_create(user=member.user, name="inbox")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    (row,) = client.get(reverse("api:notification-list")).json()["results"]
    assert row["title"] == f"你现在是 {member.community.name} 的所有者"


def test_every_kind_the_services_send_is_registered_and_an_unknown_one_is_refused():
    member = factories.member()
    with pytest.raises(UnknownNoticeKind):
        notify(community=member.community, recipient=member.user, kind="nonsense.kind")
    groups = {kind.split(".", 1)[0] for kind in KINDS}
    # Every kind belongs to a group members set preferences for (referral notices always arrive).
    assert groups <= set(GROUP_KEYS) | {"referral"}
    for kind, notice in KINDS.items():
        with translation.override("en"):
            english = str(notice.title)
        with translation.override("zh-hans"):
            assert str(notice.title) != english, kind


def test_migration_rebuilds_what_it_can_and_keeps_the_other_sentences():
    member = factories.member(user=factories.UserFactory(display_name="Mei"))
    rows = {
        kind: Notification.objects.create(
            community=member.community, recipient=member.user, kind=kind, frozen_title=f"frozen {kind}"
        )
        for kind in ("application.approved", "welcome", "trust.promoted")
    }
    migration = __import__("communities.migrations.0007_notification_kinds", fromlist=["x"])
    migration.render_at_read_time(apps, None)
    for row in rows.values():
        row.refresh_from_db()
    with translation.override("zh-hans"):
        assert rows["application.approved"].title == f"欢迎加入 {member.community.name}：你的申请已通过"
        assert rows["welcome"].title == f"Mei，欢迎加入 {member.community.name}！"
        assert rows["trust.promoted"].title == "frozen trust.promoted"

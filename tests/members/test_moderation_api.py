"""The moderation API: reports, actions, a member's record, settings; and what a ban takes away."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.services import token_create
from members.models import AuditLogEntry, Membership, ModerationAction, Report
from members.services.moderation import member_ban
from tests import factories
from tests.api.helpers import assert_error
from tests.members.moderation_helpers import member, report_member, rules_of

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


@pytest.fixture
def rules(community, owner):
    return rules_of(community, owner)


@pytest.fixture
def moderator(community):
    return member(community, "moderator").user


def test_member_reports_a_member(api_client_for, community, rules):
    reporter, subject = member(community), member(community)
    body = {
        "target_type": "members.membership",
        "target_id": str(subject.pk),
        "rule": rules[0].pk,
        "reason": "Insults",
    }
    response = api_client_for(reporter.user).post(url("report-list", community), body)
    assert response.status_code == 201, response.content
    assert response.json()["subject_id"] == subject.pk and response.json()["status"] == "open"
    assert_error(
        api_client_for(reporter.user).post(url("report-list", community), body), 409, "already_reported"
    )


def test_report_bad_inputs(api_client_for, community, rules):
    client = api_client_for(member(community).user)
    other = factories.member()
    foreign_rule = factories.RuleFactory()
    base = {
        "target_type": "members.membership",
        "target_id": str(member(community).pk),
        "rule": rules[0].pk,
        "reason": "x",
    }
    assert_error(
        client.post(url("report-list", community), {**base, "rule": foreign_rule.pk}), 400, "rule_invalid"
    )
    assert_error(
        client.post(url("report-list", community), {**base, "target_id": str(other.pk)}),
        400,
        "report_target_invalid",
    )
    assert_error(
        client.post(url("report-list", community), {**base, "target_type": "auth.group"}),
        400,
        "report_target_invalid",
    )
    assert client.post(url("report-list", community), {**base, "reason": ""}).status_code == 400
    assert client.post(url("report-list", community), {**base, "extra": 1}).status_code == 400
    assert not Report.objects.exists()


def test_reports_list_is_for_moderators_with_filters(api_client_for, community, rules, moderator):
    subject = member(community)
    report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    report_member(reporter=member(community).user, subject=member(community), rule=rules[1])
    client = api_client_for(moderator)
    assert client.get(url("report-list", community)).json()["count"] == 2
    response = client.get(
        url("report-list", community), {"subject": subject.pk, "target_type": "members.membership"}
    )
    assert [r["subject_id"] for r in response.json()["results"]] == [subject.pk]
    assert api_client_for(member(community).user).get(url("report-list", community)).status_code == 403


@pytest.mark.parametrize("rows", [10, 40])
def test_report_list_query_count_does_not_grow(
    api_client_for, community, rules, moderator, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        report_member(reporter=member(community).user, subject=member(community), rule=rules[0])
    client = api_client_for(moderator)
    with django_assert_max_num_queries(8):
        assert client.get(url("report-list", community), {"page_size": 50}).status_code == 200


def test_moderator_warns_mutes_and_bans_through_the_api(api_client_for, community, rules, moderator):
    subject = member(community)
    report = report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    client = api_client_for(moderator)
    mid = {"membership_id": subject.pk}
    response = client.post(url("member-warn", community, **mid), {"reason": "Be kind", "report": report.pk})
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == "warn"
    record = client.get(url("member-moderation-record", community, **mid)).json()
    assert record["proposed_step"] == {"action": "mute", "days": 1}
    assert [a["kind"] for a in record["actions"]] == ["warn"]
    assert (
        client.post(url("member-mute", community, **mid), {"reason": "Again", "days": 1}).status_code == 200
    )
    assert client.post(url("member-unmute", community, **mid), {"reason": "Ok"}).status_code == 200
    response = client.post(url("member-ban", community, **mid), {"reason": "Spam", "rule": rules[1].pk})
    assert response.status_code == 200
    assert_error(
        client.post(url("member-ban", community, **mid), {"reason": "Spam", "rule": rules[1].pk}),
        409,
        "already_banned",
    )
    assert client.post(url("member-unban", community, **mid), {"reason": "Second chance"}).status_code == 200
    actions = list(AuditLogEntry.objects.filter(subject=subject).values_list("action", flat=True))
    assert actions == ["member.unbanned", "member.banned", "member.unmuted", "member.muted", "member.warned"]


def test_action_bad_inputs(api_client_for, community, rules, moderator):
    subject = member(community)
    client = api_client_for(moderator)
    mid = {"membership_id": subject.pk}
    for days in (0, 366, "x"):
        response = client.post(url("member-mute", community, **mid), {"reason": "x", "days": days})
        assert response.status_code == 400 and "days" in response.json()["fields"]
    assert client.post(url("member-ban", community, **mid), {"reason": "x"}).status_code == 400
    assert_error(
        client.post(url("member-ban", community, **mid), {"reason": "x", "rule": factories.RuleFactory().pk}),
        400,
        "rule_invalid",
    )
    admin = member(community, "admin")
    assert_error(
        client.post(
            url("member-ban", community, membership_id=admin.pk), {"reason": "x", "rule": rules[0].pk}
        ),
        403,
        "moderation_rank",
    )
    mine = Membership.objects.get(community=community, user=moderator)
    assert_error(
        client.post(url("member-warn", community, membership_id=mine.pk), {"reason": "x"}), 403, "self_action"
    )
    assert_error(client.post(url("member-unmute", community, **mid), {"reason": "x"}), 409, "not_muted")
    foreign = factories.member()
    assert (
        client.post(url("member-warn", community, membership_id=foreign.pk), {"reason": "x"}).status_code
        == 404
    )
    assert not ModerationAction.objects.exists()


def test_dismiss_and_remove_content_endpoints(api_client_for, community, rules, moderator, fake_content):
    fake_content.author = member(community)
    post = factories.RuleFactory(community=community)
    client = api_client_for(member(community).user)
    body = {
        "target_type": "communities.rule",
        "target_id": str(post.pk),
        "rule": rules[0].pk,
        "reason": "Spam",
    }
    report_id = client.post(url("report-list", community), body).json()["id"]
    mod = api_client_for(moderator)
    response = mod.post(url("report-remove-content", community, report_id=report_id), {"reason": "Spam"})
    assert response.status_code == 200 and response.json()["kind"] == "remove_content"
    assert fake_content.removed == [post.pk]
    assert_error(
        mod.post(url("report-dismiss", community, report_id=report_id), {"reason": "x"}), 409, "report_closed"
    )
    subject = member(community)
    report = report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    response = mod.post(url("report-dismiss", community, report_id=report.pk), {"reason": "Not a breach"})
    assert response.json() == {"dismissed": 1}


def test_moderation_settings_api(api_client_for, community, owner, moderator):
    assert (
        api_client_for(moderator).get(url("moderation-settings", community)).json()["report_hide_threshold"]
        == 3
    )
    body = {
        "report_hide_threshold": 2,
        "warning_ladder": [{"action": "warn"}, {"action": "ban"}],
        "penalty_decay_days": 30,
    }
    assert api_client_for(moderator).put(url("moderation-settings", community), body).status_code == 403
    response = api_client_for(owner).put(url("moderation-settings", community), body)
    assert response.status_code == 200 and response.json()["warning_ladder"] == [
        {"action": "warn"},
        {"action": "ban"},
    ]
    for ladder in ([], [{"action": "mute"}], [{"action": "mute", "days": 400}], [{"action": "kick"}]):
        response = api_client_for(owner).put(
            url("moderation-settings", community), {**body, "warning_ladder": ladder}
        )
        assert response.status_code == 400, ladder


def test_banned_member_loses_the_private_community_on_site_and_api(client_for, community, rules, moderator):
    community.visibility = "private"
    community.save()
    subject = member(community)
    _token, key = token_create(user=subject.user, name="script")
    token_client = APIClient()
    token_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    members_url = url("member-list", community)
    assert token_client.get(members_url).status_code == 200
    assert client_for(subject.user).get(reverse("communities:home", args=[community.slug])).status_code == 200
    member_ban(actor=moderator, community=community, membership=subject, rule_id=rules[0].pk, reason="Spam")
    assert token_client.get(members_url).status_code == 404
    assert token_client.post(url("report-list", community), {}).status_code == 404
    assert client_for(subject.user).get(reverse("communities:home", args=[community.slug])).status_code == 404


def test_banned_member_of_a_public_community_keeps_only_public_reads(
    api_client_for, community, rules, moderator
):
    subject = member(community)
    member_ban(actor=moderator, community=community, membership=subject, rule_id=rules[0].pk, reason="Spam")
    client = api_client_for(subject.user)
    assert client.get(url("community-detail", community)).status_code == 200
    assert client.get(url("member-list", community)).status_code == 403
    assert client.post(url("report-list", community), {}).status_code == 403


def test_muting_a_muted_member_again_is_a_conflict_not_a_second_action(api_client_for, community, moderator):
    subject = member(community)
    client = api_client_for(moderator)
    mute = url("member-mute", community, membership_id=subject.pk)
    assert client.post(mute, {"reason": "Cool down", "days": 1}).status_code == 200
    subject.refresh_from_db()
    first_end = subject.muted_until
    assert_error(client.post(mute, {"reason": "Again", "days": 7}), 409, "already_muted")
    subject.refresh_from_db()
    assert subject.muted_until == first_end
    assert ModerationAction.objects.filter(subject=subject, kind="mute").count() == 1
    assert AuditLogEntry.objects.filter(action="member.muted").count() == 1
    assert (
        client.post(url("member-unmute", community, membership_id=subject.pk), {"reason": "Ok"}).status_code
        == 200
    )
    assert client.post(mute, {"reason": "Again", "days": 7}).status_code == 200

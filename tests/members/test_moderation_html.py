"""The moderation pages: report form, queue, review, member record, settings."""

import pytest
from django.urls import reverse

from members.models import Membership, ModerationAction, Report
from members.selectors.policy import policy_for
from tests import factories
from tests.members.moderation_helpers import member, report_member, rules_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(community, owner):
    return rules_of(community, owner)


@pytest.fixture
def moderator(community):
    return member(community, "moderator").user


def test_report_form_creates_a_report(client_for, community, rules):
    subject = member(community)
    client = client_for(member(community).user)
    page = reverse("members:report", args=[community.slug])
    query = f"?target_type=members.membership&target_id={subject.pk}"
    assert client.get(page + query).status_code == 200
    data = {
        "target_type": "members.membership",
        "target_id": subject.pk,
        "rule": rules[0].pk,
        "reason": "Insults",
    }
    response = client.post(page, data, follow=True)
    assert response.redirect_chain
    assert Report.objects.get().subject == subject
    # The same report again: the form comes back with the error, nothing written.
    response = client.post(page, data)
    assert response.status_code == 200 and response.context["form"].errors
    assert Report.objects.count() == 1


def test_report_form_refuses_foreign_targets_and_rules(client_for, community, rules):
    client = client_for(member(community).user)
    page = reverse("members:report", args=[community.slug])
    foreign = factories.member()
    response = client.post(
        page,
        {"target_type": "members.membership", "target_id": foreign.pk, "rule": rules[0].pk, "reason": "x"},
    )
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(
        page,
        {
            "target_type": "members.membership",
            "target_id": member(community).pk,
            "rule": factories.RuleFactory().pk,
            "reason": "x",
        },
    )
    assert "rule" in response.context["form"].errors
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"), [("moderator", 200), ("admin", 200), ("owner", 200), ("expert", 403), ("member", 403)]
)
def test_queue_is_for_moderators_and_above(client_for, community, role, status):
    user = member(community, role).user
    assert client_for(user).get(reverse("members:moderation", args=[community.slug])).status_code == status


def test_queue_access_for_anonymous_banned_and_other_community(client_for, community):
    page = reverse("members:moderation", args=[community.slug])
    assert client_for().get(page).status_code == 302
    assert client_for(member(community, "moderator", status="banned").user).get(page).status_code == 403
    assert client_for(factories.member(role="moderator").user).get(page).status_code == 403


@pytest.mark.parametrize("targets", [10, 40])
def test_queue_query_count_does_not_grow(
    client_for, community, rules, moderator, targets, django_assert_max_num_queries
):
    for _ in range(targets):
        report_member(reporter=member(community).user, subject=member(community), rule=rules[0])
    client = client_for(moderator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("members:moderation", args=[community.slug]))
    assert len(response.context["groups"]) == targets


def test_queue_shows_groups_and_empty_state(client_for, community, rules, moderator):
    client = client_for(moderator)
    page = reverse("members:moderation", args=[community.slug])
    assert b"empty-state" in client.get(page).content
    subject = member(community)
    report_member(reporter=member(community).user, subject=subject, rule=rules[0], reason="Shouted at me")
    content = client.get(page).content.decode()
    assert "Shouted at me" in content and rules[0].title in content


def test_review_page_proposes_and_applies_the_ladder(client_for, community, rules, moderator):
    subject = member(community)
    report = report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    client = client_for(moderator)
    page = reverse("members:moderation-review", args=[community.slug, report.pk])
    response = client.get(page)
    assert response.context["form"].initial["action"] == "warn"
    response = client.post(page, {"action": "warn", "reason": "Be kind", "rule": rules[0].pk})
    assert response.status_code == 302
    assert ModerationAction.objects.get().kind == "warn"
    assert Report.objects.get().status == "actioned"


def test_review_page_mute_out_of_range_rerenders(client_for, community, rules, moderator):
    report = report_member(reporter=member(community).user, subject=member(community), rule=rules[0])
    page = reverse("members:moderation-review", args=[community.slug, report.pk])
    response = client_for(moderator).post(page, {"action": "mute", "days": 400, "reason": "x"})
    assert response.status_code == 200 and "days" in response.context["form"].errors
    response = client_for(moderator).post(page, {"action": "mute", "reason": "x"})
    assert response.status_code == 200 and "days" in response.context["form"].errors
    assert not ModerationAction.objects.exists()


def test_review_of_another_communitys_report_is_404(client_for, community, moderator):
    elsewhere = factories.CommunityFactory()
    owner = member(elsewhere, "owner").user
    report = report_member(
        reporter=member(elsewhere).user, subject=member(elsewhere), rule=rules_of(elsewhere, owner)[0]
    )
    page = reverse("members:moderation-review", args=[community.slug, report.pk])
    assert client_for(moderator).get(page).status_code == 404


def test_member_page_bans_and_unbans(client_for, community, rules, moderator):
    subject = member(community)
    client = client_for(moderator)
    page = reverse("members:moderation-member", args=[community.slug, subject.pk])
    assert client.get(page).status_code == 200
    response = client.post(page, {"action": "ban", "reason": "Spam"})
    assert response.status_code == 200 and "rule" in response.context["form"].errors
    assert client.post(page, {"action": "ban", "reason": "Spam", "rule": rules[0].pk}).status_code == 302
    assert Membership.objects.get(pk=subject.pk).status == "banned"
    response = client.get(page)
    assert [value for value, _label in response.context["form"].fields["action"].choices] == ["unban"]
    assert client.post(page, {"action": "unban", "reason": "Apologised"}).status_code == 302
    assert Membership.objects.get(pk=subject.pk).status == "left"


def test_moderator_cannot_ban_an_admin_from_the_page(client_for, community, rules, moderator):
    admin = member(community, "admin")
    page = reverse("members:moderation-member", args=[community.slug, admin.pk])
    response = client_for(moderator).post(page, {"action": "ban", "reason": "x", "rule": rules[0].pk})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert Membership.objects.get(pk=admin.pk).status == "active"


def test_settings_page(client_for, community, owner, moderator):
    page = reverse("members:moderation-settings", args=[community.slug])
    assert client_for(moderator).get(page).status_code == 403
    client = client_for(owner)
    assert "mute 7" in client.get(page).content.decode()
    response = client.post(
        page, {"report_hide_threshold": 4, "warning_ladder": "warn\nmute 3\n\nban", "penalty_decay_days": 60}
    )
    assert response.status_code == 302
    policy = policy_for(community=community)
    assert policy.warning_ladder == [{"action": "warn"}, {"action": "mute", "days": 3}, {"action": "ban"}]
    for ladder in ("kick", "mute", "mute 400", "", "warn\n" * 11):
        response = client.post(
            page, {"report_hide_threshold": 4, "warning_ladder": ladder, "penalty_decay_days": 60}
        )
        assert response.status_code == 200 and "warning_ladder" in response.context["form"].errors, ladder
    assert policy_for(community=community).report_hide_threshold == 4

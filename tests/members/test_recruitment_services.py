"""Recruitment services: invitations, their atomic use, join sources, referral codes, join links, growth."""

from datetime import timedelta

import pytest
from django.utils import timezone

from communities import permissions
from communities.errors import CommunityArchived, DomainError, Forbidden
from communities.roles import MembershipStatus, Role
from members import errors
from members.models import AuditLogEntry, Invitation, JoinLink, Membership
from members.selectors.recruitment import growth_report, invitation_status
from members.services import recruitment as services
from tests import factories

pytestmark = pytest.mark.django_db


def make_invitation(community, actor, **kwargs):
    return services.invitation_create(actor=actor, community=community, **kwargs)


def accept(community, user, code, version=None):
    return services.invitation_accept(
        actor=user, community=community, code=code, accepted_rules_version=version
    )


# --- Creating and revoking invitations ----------------------------------------------------------------------


def test_operator_creates_an_invitation_with_a_unique_code_and_an_audit_entry(community, owner):
    first = make_invitation(community, owner, label="Photo club", max_uses=3)
    second = make_invitation(community, owner)
    assert first.code and first.code != second.code
    assert first.created_by == owner and first.max_uses == 3
    assert AuditLogEntry.objects.filter(community=community, action="invitation.created").count() == 2


@pytest.mark.parametrize("role", [Role.MEMBER, Role.EXPERT, Role.MODERATOR])
def test_non_operators_cannot_create_invitations(community, role):
    user = factories.member(community=community, role=role).user
    with pytest.raises(Forbidden):
        make_invitation(community, user)
    assert not Invitation.objects.exists()


def test_an_invitation_never_grants_owner(community, owner):
    with pytest.raises(errors.InvitationRoleTooHigh) as exc:
        make_invitation(community, owner, role=Role.OWNER)
    assert exc.value.code == "invitation_role_too_high"
    assert not Invitation.objects.exists()


def test_admin_invitation_needs_the_creators_manage_roles(community, monkeypatch):
    moderator = factories.member(community=community, role=Role.MODERATOR).user
    monkeypatch.setitem(
        permissions.CAPABILITIES, "manage_invitations", permissions.OPERATORS | {Role.MODERATOR}
    )
    with pytest.raises(errors.InvitationRoleTooHigh):
        make_invitation(community, moderator, role=Role.ADMIN)
    assert make_invitation(community, moderator, role=Role.EXPERT).role == Role.EXPERT


def test_admin_may_not_invite_admins(community):
    """The rank rule of role changes holds for invitations: an admin grants only roles below admin."""
    admin = factories.member(community=community, role=Role.ADMIN).user
    with pytest.raises(errors.InvitationRoleTooHigh):
        make_invitation(community, admin, role=Role.ADMIN)
    assert make_invitation(community, admin, role=Role.MODERATOR).role == Role.MODERATOR


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"max_uses": 0}, "max_uses"),
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "expires_at"),
        ({"role": "emperor"}, "role"),
    ],
)
def test_bad_invitation_input_is_a_field_error(community, owner, kwargs, field):
    with pytest.raises(DomainError) as exc:
        make_invitation(community, owner, **kwargs)
    assert field in exc.value.fields
    assert not Invitation.objects.exists()


def test_revoke_twice_is_refused(community, owner):
    invitation = make_invitation(community, owner)
    services.invitation_revoke(actor=owner, community=community, invitation=invitation)
    with pytest.raises(errors.InvitationNotActive):
        services.invitation_revoke(actor=owner, community=community, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation_status(invitation) == "revoked"


# --- Accepting ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("policy", ["open", "application", "invitation"])
def test_a_valid_invitation_admits_whatever_the_policy_with_its_role(owner, community, policy):
    community.join_policy = policy
    community.save()
    invitation = make_invitation(community, owner, role=Role.EXPERT)
    user = factories.UserFactory()
    membership = accept(community, user, invitation.code)
    assert (membership.status, membership.role) == (MembershipStatus.ACTIVE, Role.EXPERT)
    assert (membership.source, membership.invitation) == ("invitation", invitation)
    invitation.refresh_from_db()
    assert invitation.uses_count == 1
    assert AuditLogEntry.objects.filter(action="member.role_granted", subject=membership).exists()


def test_a_pending_applicant_admitted_by_invitation_leaves_the_review_queue():
    application = factories.ApplicationFactory()
    community, applicant = application.community, application.membership.user
    owner = factories.member(community=community, role=Role.OWNER).user
    accept(community, applicant, make_invitation(community, owner).code)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.membership.status == MembershipStatus.ACTIVE


def test_the_last_use_goes_to_one_caller_only(community, owner):
    invitation = make_invitation(community, owner, max_uses=1)
    accept(community, factories.UserFactory(), invitation.code)
    second = factories.UserFactory()
    with pytest.raises(errors.InvitationExhausted) as exc:
        accept(community, second, invitation.code)
    assert exc.value.code == "invitation_exhausted"
    invitation.refresh_from_db()
    assert invitation.uses_count == 1
    assert not Membership.objects.filter(user=second).exists()


def test_expired_and_revoked_invitations_are_refused_with_their_codes(community, owner):
    expired = factories.InvitationFactory(
        community=community, expires_at=timezone.now() - timedelta(seconds=1)
    )
    revoked = make_invitation(community, owner)
    services.invitation_revoke(actor=owner, community=community, invitation=revoked)
    user = factories.UserFactory()
    with pytest.raises(errors.InvitationExpired):
        accept(community, user, expired.code)
    with pytest.raises(errors.InvitationRevoked):
        accept(community, user, revoked.code)
    assert not Membership.objects.filter(user=user).exists()


def test_another_communitys_code_is_invalid_here(community, owner):
    elsewhere = factories.InvitationFactory()
    with pytest.raises(errors.InvitationInvalid) as exc:
        accept(community, factories.UserFactory(), elsewhere.code)
    assert exc.value.code == "invitation_invalid"
    elsewhere.refresh_from_db()
    assert elsewhere.uses_count == 0


def test_an_owner_invitation_made_outside_the_service_is_invalid(community):
    invitation = factories.InvitationFactory(community=community, role=Role.OWNER)
    with pytest.raises(errors.InvitationInvalid):
        accept(community, factories.UserFactory(), invitation.code)


def test_refused_accept_does_not_count_a_use(community, owner):
    from communities import services as community_services

    community_services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    invitation = make_invitation(community, owner, max_uses=1)
    user = factories.UserFactory()
    with pytest.raises(errors.RulesNotAccepted):
        accept(community, user, invitation.code, version=None)
    invitation.refresh_from_db()
    assert invitation.uses_count == 0
    assert accept(community, user, invitation.code, version=1).is_active


def test_banned_and_current_members_cannot_use_an_invitation(community, owner):
    invitation = make_invitation(community, owner)
    banned = factories.member(community=community, status=MembershipStatus.BANNED).user
    with pytest.raises(errors.Banned):
        accept(community, banned, invitation.code)
    with pytest.raises(errors.AlreadyMember):
        accept(community, owner, invitation.code)
    invitation.refresh_from_db()
    assert invitation.uses_count == 0


def test_archived_community_takes_no_invitee(community, owner):
    invitation = make_invitation(community, owner)
    community.status = "archived"
    community.save()
    with pytest.raises(CommunityArchived):
        accept(community, factories.UserFactory(), invitation.code)


# --- Joins with their source --------------------------------------------------------------------------------


def join(community, user, **arrival):
    return services.membership_join_from(
        actor=user, community=community, accepted_rules_version=None, arrival=arrival
    )


def test_referral_code_is_made_once_and_unique_per_community(community):
    a, b = factories.member(community=community), factories.member(community=community)
    code = services.referral_code_ensure(actor=a.user, community=community).referral_code
    assert code and services.referral_code_ensure(actor=a.user, community=community).referral_code == code
    assert services.referral_code_ensure(actor=b.user, community=community).referral_code != code


def test_join_through_a_referral_records_the_referrer_and_notifies_them(community):
    referrer = factories.member(community=community)
    code = services.referral_code_ensure(actor=referrer.user, community=community).referral_code
    membership = join(community, factories.UserFactory(), ref=code, src="wechat")
    assert (membership.source, membership.referred_by, membership.source_tag) == (
        "referral",
        referrer,
        "wechat",
    )
    assert referrer.user.notifications.filter(kind="referral.joined").exists()


def test_referral_code_of_another_community_or_of_oneself_is_ignored(community):
    other = factories.member()
    other_code = services.referral_code_ensure(actor=other.user, community=other.community).referral_code
    assert join(community, factories.UserFactory(), ref=other_code).source == "direct"


@pytest.mark.parametrize(
    "arrival, source, tag",
    [
        ({"src": "wechat"}, "campaign", "wechat"),
        ({"src": "WeChat Group!"}, "campaign", "wechatgroup"),
        ({"via": "directory"}, "directory", ""),
        ({}, "direct", ""),
        ({"link": "unknown"}, "direct", ""),
    ],
)
def test_join_records_campaign_directory_or_direct(community, arrival, source, tag):
    membership = join(community, factories.UserFactory(), **arrival)
    assert (membership.source, membership.source_tag) == (source, tag)


def test_join_through_an_active_join_link_carries_its_tag(community, owner):
    link = services.join_link_create(
        actor=owner, community=community, channel="WeChat group", source_tag="wechat"
    )
    membership = join(community, factories.UserFactory(), link=link.code, src="other")
    assert (membership.source, membership.join_link, membership.source_tag) == ("join_link", link, "wechat")
    services.join_link_retire(actor=owner, community=community, join_link=link)
    assert join(community, factories.UserFactory(), link=link.code).source == "direct"


def test_join_link_rules(community, owner):
    with pytest.raises(DomainError) as exc:
        services.join_link_create(actor=owner, community=community, channel="", source_tag="Bad Tag")
    assert "channel" in exc.value.fields
    with pytest.raises(DomainError) as exc:
        services.join_link_create(actor=owner, community=community, channel="News", source_tag="Bad Tag")
    assert "source_tag" in exc.value.fields
    member = factories.member(community=community).user
    with pytest.raises(Forbidden):
        services.join_link_create(actor=member, community=community, channel="News")
    link = services.join_link_create(actor=owner, community=community, channel="News")
    services.join_link_retire(actor=owner, community=community, join_link=link)
    with pytest.raises(errors.JoinLinkRetired):
        services.join_link_retire(actor=owner, community=community, join_link=link)
    assert JoinLink.objects.count() == 1


# --- Growth -------------------------------------------------------------------------------------------------


def test_growth_report_counts_sources_invitations_links_and_referrers(community, owner):
    referrer = factories.member(community=community)
    code = services.referral_code_ensure(actor=referrer.user, community=community).referral_code
    brought = [join(community, factories.UserFactory(), ref=code) for _ in range(2)]
    join(community, factories.UserFactory(), src="wechat")
    link = services.join_link_create(actor=owner, community=community, channel="News", source_tag="news")
    join(community, factories.UserFactory(), link=link.code)
    invitation = make_invitation(community, owner)
    accept(community, factories.UserFactory(), invitation.code)
    old = join(community, factories.UserFactory(), src="old")
    Membership.objects.filter(pk=old.pk).update(joined_at=timezone.now() - timedelta(days=100))

    report = growth_report(community=community, since=timezone.now() - timedelta(days=30))
    counts = {(row["source"], row["source_tag"]): row["count"] for row in report["by_source"]}
    assert counts[("referral", "")] == 2 and counts[("campaign", "wechat")] == 1
    assert counts[("join_link", "news")] == 1 and counts[("invitation", "")] == 1
    assert ("campaign", "old") not in counts
    assert [(i.pk, i.joined_count) for i in report["by_invitation"]] == [(invitation.pk, 1)]
    assert [(j.pk, j.joined_count) for j in report["by_join_link"]] == [(link.pk, 1)]
    assert [(r.pk, r.brought_count) for r in report["referrers"]] == [(referrer.pk, 2)]
    assert {m.pk for m in report["referrers"][0].brought} == {m.pk for m in brought}
    assert ("campaign", "old") in {
        (row["source"], row["source_tag"])
        for row in growth_report(community=community, since=None)["by_source"]
    }


def test_growth_report_query_count_does_not_grow(community, owner, django_assert_max_num_queries):
    referrer = factories.member(community=community)
    code = services.referral_code_ensure(actor=referrer.user, community=community).referral_code
    for n in range(12):
        join(community, factories.UserFactory(), ref=code, src=f"tag{n}")
    with django_assert_max_num_queries(6):
        report = growth_report(community=community, since=None)
        [member.user.username for referrer in report["referrers"] for member in referrer.brought]

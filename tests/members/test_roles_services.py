"""Roles and leaving: role changes, ownership transfer, removal, and the community always keeps an owner."""

import pytest

from communities.errors import Forbidden
from members import errors
from members.models import AuditLogEntry, Membership
from members.services import membership_leave
from members.services.roles import member_remove, ownership_transfer, role_change
from tests import factories

pytestmark = pytest.mark.django_db


def test_owner_promotes_a_member_to_admin_with_audit_and_notification(community, owner):
    subject = factories.member(community=community)
    role_change(actor=owner, community=community, membership=subject, role="admin", reason="helps a lot")
    subject.refresh_from_db()
    assert subject.role == "admin"
    entry = AuditLogEntry.objects.get(community=community, action="member.role_changed")
    assert (entry.actor, entry.subject, entry.reason) == (owner, subject, "helps a lot")
    assert entry.data == {"previous": "member", "role": "admin"}
    assert subject.user.notifications.filter(kind="moderation.role_changed").exists()


def test_admin_manages_junior_roles_but_not_owners_or_admins(community):
    admin = factories.member(community=community, role="admin").user
    subject = factories.member(community=community)
    role_change(actor=admin, community=community, membership=subject, role="moderator")
    for role in ("admin", "owner"):
        with pytest.raises(errors.RoleRankForbidden):
            role_change(actor=admin, community=community, membership=subject, role=role)
    other_admin = factories.member(community=community, role="admin")
    with pytest.raises(errors.RoleRankForbidden):
        role_change(actor=admin, community=community, membership=other_admin, role="member")
    owner = factories.member(community=community, role="owner")
    with pytest.raises(errors.RoleRankForbidden):
        role_change(actor=admin, community=community, membership=owner, role="member")
    assert Membership.objects.get(pk=owner.pk).role == "owner"


def test_nobody_changes_their_own_role(community, owner):
    mine = Membership.objects.get(community=community, user=owner)
    with pytest.raises(errors.SelfPromotion):
        role_change(actor=owner, community=community, membership=mine, role="member")


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_roles_below_admin_cannot_change_roles(community, role):
    actor = factories.member(community=community, role=role).user
    subject = factories.member(community=community)
    with pytest.raises(Forbidden):
        role_change(actor=actor, community=community, membership=subject, role="moderator")


def test_invalid_role_and_inactive_member_are_refused(community, owner):
    subject = factories.member(community=community)
    with pytest.raises(errors.InvalidRole):
        role_change(actor=owner, community=community, membership=subject, role="king")
    banned = factories.member(community=community, status="banned")
    with pytest.raises(errors.MemberNotActive):
        role_change(actor=owner, community=community, membership=banned, role="admin")


def test_another_communitys_member_is_not_found(community, owner):
    stranger = factories.member()
    with pytest.raises(errors.NotAMember):
        role_change(actor=owner, community=community, membership=stranger, role="admin")
    assert Membership.objects.get(pk=stranger.pk).role == "member"


def test_superuser_cannot_demote_the_last_owner(community, owner):
    root = factories.UserFactory(is_superuser=True)
    mine = Membership.objects.get(community=community, user=owner)
    with pytest.raises(errors.LastOwner):
        role_change(actor=root, community=community, membership=mine, role="admin")


def test_owner_demotes_another_owner_while_one_remains(community, owner):
    second = factories.member(community=community, role="owner")
    role_change(actor=owner, community=community, membership=second, role="admin")
    assert Membership.objects.get(pk=second.pk).role == "admin"


def test_transfer_ownership_swaps_roles(community, owner):
    subject = factories.member(community=community)
    ownership_transfer(actor=owner, community=community, membership=subject)
    assert Membership.objects.get(pk=subject.pk).role == "owner"
    assert Membership.objects.get(community=community, user=owner).role == "admin"
    assert AuditLogEntry.objects.filter(action="ownership.transferred", subject=subject).count() == 1
    # The old owner may now leave: the community still has an owner.
    membership_leave(actor=owner, community=community)


def test_transfer_is_for_owners_and_active_members(community, owner):
    admin = factories.member(community=community, role="admin").user
    subject = factories.member(community=community)
    with pytest.raises(Forbidden):
        ownership_transfer(actor=admin, community=community, membership=subject)
    left = factories.member(community=community, status="left")
    with pytest.raises(errors.MemberNotActive):
        ownership_transfer(actor=owner, community=community, membership=left)
    with pytest.raises(errors.SelfAction):
        ownership_transfer(
            actor=owner,
            community=community,
            membership=Membership.objects.get(community=community, user=owner),
        )


def test_remove_member_sets_left_with_audit(community, owner):
    subject = factories.member(community=community)
    member_remove(actor=owner, community=community, membership=subject, reason="spam")
    subject.refresh_from_db()
    assert subject.status == "left" and subject.left_at is not None
    entry = AuditLogEntry.objects.get(action="member.removed")
    assert (entry.subject, entry.reason) == (subject, "spam")


def test_removal_rules(community, owner):
    admin = factories.member(community=community, role="admin").user
    other_owner = factories.member(community=community, role="owner")
    with pytest.raises(errors.OwnerRemoval):
        member_remove(actor=owner, community=community, membership=other_owner, reason="x")
    other_admin = factories.member(community=community, role="admin")
    with pytest.raises(errors.RoleRankForbidden):
        member_remove(actor=admin, community=community, membership=other_admin, reason="x")
    moderator = factories.member(community=community, role="moderator")
    with pytest.raises(Forbidden):
        member_remove(
            actor=moderator.user,
            community=community,
            membership=factories.member(community=community),
            reason="x",
        )
    member_remove(actor=admin, community=community, membership=moderator, reason="inactive")
    assert AuditLogEntry.objects.filter(action="member.removed").count() == 1


def test_last_owner_cannot_leave(community, owner):
    with pytest.raises(errors.LastOwner):
        membership_leave(actor=owner, community=community)

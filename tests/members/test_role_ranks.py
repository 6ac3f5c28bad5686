"""One rank rule (communities.roles.may_grant) on every path that grants a role."""

import pytest
from django.urls import reverse

from communities import permissions
from communities.roles import RANK, Role, may_grant
from members import errors
from members.models import Invitation, JoinLink, Membership
from members.services import recruitment
from members.services.roles import ownership_transfer, role_change
from tests import factories
from tests.api.helpers import assert_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("granter", [None, *Role.values])
@pytest.mark.parametrize("role", Role.values)
def test_the_rank_rule(granter, role):
    expected = granter == Role.OWNER or (granter is not None and RANK[role] < RANK[granter])
    assert may_grant(granter, role) is expected


def test_admins_grant_only_roles_below_admin():
    assert [role for role in Role.values if may_grant(Role.ADMIN, role)] == [
        Role.MODERATOR,
        Role.EXPERT,
        Role.MEMBER,
    ]


def api(name, community):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug})


# --- Role change and ownership transfer --------------------------------------------------------------------


def test_role_change_asks_the_rank_rule_of_both_roles(community):
    admin = factories.member(community=community, role=Role.ADMIN).user
    moderator = factories.member(community=community, role=Role.MODERATOR)
    assert (
        role_change(actor=admin, community=community, membership=moderator, role=Role.EXPERT).role == "expert"
    )
    for role in (Role.ADMIN, Role.OWNER):
        with pytest.raises(errors.RoleRankForbidden):
            role_change(actor=admin, community=community, membership=moderator, role=role)


def test_ownership_transfer_asks_the_rank_rule(community, owner, monkeypatch):
    monkeypatch.setitem(permissions.CAPABILITIES, "transfer_ownership", permissions.OPERATORS)
    admin = factories.member(community=community, role=Role.ADMIN).user
    target = factories.member(community=community)
    with pytest.raises(errors.RoleRankForbidden):
        ownership_transfer(actor=admin, community=community, membership=target)
    assert Membership.objects.get(pk=target.pk).role == Role.MEMBER


# --- Invitations -------------------------------------------------------------------------------------------


def test_an_admin_cannot_invite_an_admin_through_the_api(api_client_for, community, owner):
    admin = factories.member(community=community, role=Role.ADMIN).user
    response = api_client_for(admin).post(api("invitation-list", community), {"role": "admin"})
    assert_error(response, 403, "invitation_role_too_high")
    assert not Invitation.objects.exists()
    ok = api_client_for(admin).post(api("invitation-list", community), {"role": "moderator"})
    assert ok.status_code == 201, ok.content
    assert api_client_for(owner).post(api("invitation-list", community), {"role": "admin"}).status_code == 201


def test_an_admin_invitation_made_by_an_admin_grants_nothing(api_client_for, community):
    """An invitation from before the rule (or whose creator was demoted) is asked again at acceptance."""
    admin = factories.member(community=community, role=Role.ADMIN).user
    invitation = Invitation.objects.create(
        community=community, code="legacy", role=Role.ADMIN, created_by=admin
    )
    invitee = factories.UserFactory()
    response = api_client_for(invitee).post(api("invitation-accept", community), {"code": "legacy"})
    assert_error(response, 403, "invitation_role_too_high")
    assert not Membership.objects.filter(community=community, user=invitee).exists()
    assert Invitation.objects.get(pk=invitation.pk).uses_count == 0


def test_a_demoted_creators_invitation_grants_nothing_above_them(community, owner):
    admin = factories.member(community=community, role=Role.ADMIN)
    invitation = recruitment.invitation_create(actor=admin.user, community=community, role=Role.MODERATOR)
    role_change(actor=owner, community=community, membership=admin, role=Role.MEMBER)
    with pytest.raises(errors.InvitationRoleTooHigh):
        recruitment.invitation_accept(
            actor=factories.UserFactory(),
            community=community,
            code=invitation.code,
            accepted_rules_version=None,
        )


def test_an_owners_admin_invitation_makes_an_admin(community, owner):
    invitation = recruitment.invitation_create(actor=owner, community=community, role=Role.ADMIN)
    membership = recruitment.invitation_accept(
        actor=factories.UserFactory(), community=community, code=invitation.code, accepted_rules_version=None
    )
    assert membership.role == Role.ADMIN


# --- Join links --------------------------------------------------------------------------------------------


def test_a_join_link_grants_no_role(community):
    """Join links carry no role: whoever joins through one, whoever made it, is a plain member."""
    admin = factories.member(community=community, role=Role.ADMIN).user
    link = recruitment.join_link_create(actor=admin, community=community, channel="newsletter")
    assert not hasattr(JoinLink, "role")
    membership = recruitment.membership_join_from(
        actor=factories.UserFactory(),
        community=community,
        accepted_rules_version=None,
        arrival={"link": link.code},
    )
    assert (membership.role, membership.join_link) == (Role.MEMBER, link)

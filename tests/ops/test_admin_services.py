"""Django admin writes go through the services: membership role and status, community slug and profile."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from analytics.models import ActivityEvent
from communities import services
from communities.models import Community
from communities.roles import MembershipStatus, Role
from members.errors import LastOwner
from members.models import AuditLogEntry, Membership
from tests import factories

pytestmark = pytest.mark.django_db


def _post_change(client, model: str, obj, **changes):
    """Submit the admin change form of `obj` as it is shown, with `changes`; return the response."""
    url = reverse(f"admin:{model}_change", args=[obj.pk])
    context = client.get(url).context
    form = context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    for inline in context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): value for name, value in management.initial.items()})
    data = {name: ("" if value is None or hasattr(value, "field") else value) for name, value in data.items()}
    data.update(changes)
    return client.post(url, data)


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def world(superuser):
    """A community the superuser does not belong to, with one owner."""
    community = factories.CommunityFactory(slug="guild", name="Guild")
    factories.member(community=community, role=Role.OWNER)
    return community


def test_role_change_in_the_admin_is_audited(admin_client_for, world):
    member = factories.member(community=world)
    response = _post_change(
        admin_client_for, "members_membership", member, role=Role.MODERATOR, reason="helps a lot"
    )
    assert response.status_code == 302
    assert Membership.objects.get(pk=member.pk).role == Role.MODERATOR
    entry = AuditLogEntry.objects.get(community=world, action="member.role_changed")
    assert entry.reason == "helps a lot"


def test_the_last_owner_keeps_their_role_in_the_admin(admin_client_for, world):
    owner = Membership.objects.get(community=world, role=Role.OWNER)
    response = _post_change(admin_client_for, "members_membership", owner, role=Role.MEMBER)
    assert response.status_code == 302
    assert Membership.objects.get(pk=owner.pk).role == Role.OWNER
    assert _messages(response) == [str(LastOwner.message)]
    assert not AuditLogEntry.objects.filter(action="member.role_changed").exists()


def test_a_staff_user_without_a_role_there_cannot_appoint(client, world):
    """Admin access is not a rank: a staff account with change permission asks the same rules."""
    from django.contrib.auth.models import Permission

    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_membership", "view_membership"])
    )
    factories.member(community=world, user=staff, role=Role.ADMIN)
    client.force_login(staff)
    target = factories.member(community=world)
    _post_change(client, "members_membership", target, role=Role.ADMIN)
    assert Membership.objects.get(pk=target.pk).role == Role.MEMBER
    _post_change(client, "members_membership", target, role=Role.MODERATOR)
    assert Membership.objects.get(pk=target.pk).role == Role.MODERATOR


def test_ban_and_unban_in_the_admin_go_through_moderation(admin_client_for, world):
    rule = factories.RuleFactory(community=world)
    member = factories.member(community=world)
    _post_change(admin_client_for, "members_membership", member, status="banned", reason="spam", rule=rule.pk)
    assert Membership.objects.get(pk=member.pk).status == MembershipStatus.BANNED
    assert Community.objects.get(pk=world.pk).member_count == 1
    assert AuditLogEntry.objects.filter(community=world, action="member.banned").exists()
    _post_change(admin_client_for, "members_membership", member, status="left", reason="appeal")
    assert Membership.objects.get(pk=member.pk).status == MembershipStatus.LEFT


def test_a_ban_needs_its_rule_in_the_admin_too(admin_client_for, world):
    member = factories.member(community=world)
    response = _post_change(admin_client_for, "members_membership", member, status="banned", reason="spam")
    assert Membership.objects.get(pk=member.pk).status == MembershipStatus.ACTIVE
    assert _messages(response)


@pytest.mark.parametrize(
    ("source", "target"), [("pending", "active"), ("banned", "active"), ("left", "active")]
)
def test_the_admin_cannot_move_a_status_the_table_or_the_site_decides(
    admin_client_for, world, source, target
):
    member = factories.member(community=world, status=source)
    response = _post_change(admin_client_for, "members_membership", member, status=target)
    assert Membership.objects.get(pk=member.pk).status == source
    assert Community.objects.get(pk=world.pk).member_count == 1
    assert _messages(response)


def test_role_and_status_change_together_or_not_at_all(admin_client_for, world):
    member = factories.member(community=world)
    _post_change(
        admin_client_for, "members_membership", member, role=Role.MODERATOR, status="banned", reason="x"
    )
    assert Membership.objects.filter(
        pk=member.pk, role=Role.MEMBER, status="active"
    ).exists()  # ban lacked a rule


def test_memberships_are_not_added_or_deleted_in_the_admin(admin_client_for, world):
    member = factories.member(community=world)
    assert admin_client_for.get(reverse("admin:members_membership_add")).status_code == 403
    assert (
        admin_client_for.get(reverse("admin:members_membership_delete", args=[member.pk])).status_code == 403
    )


def test_slug_change_in_the_admin_obeys_the_creation_rules(admin_client_for, world):
    factories.CommunityFactory(slug="taken")
    for bad in ("taken", "api", "Not A Slug"):
        _post_change(admin_client_for, "communities_community", world, slug=bad)
        assert Community.objects.get(pk=world.pk).slug == "guild"
    response = _post_change(admin_client_for, "communities_community", world, slug="guild-two")
    assert response.status_code == 302
    assert Community.objects.get(pk=world.pk).slug == "guild-two"
    event = ActivityEvent.objects.get(community=world, verb="community.slug_changed")
    assert event.data == {"previous": "guild", "slug": "guild-two"}


def test_an_archived_community_is_read_only_in_the_admin(admin_client_for, world, superuser):
    services.community_archive(actor=superuser, community=world)
    response = _post_change(admin_client_for, "communities_community", world, slug="renamed", name="Renamed")
    assert Community.objects.filter(pk=world.pk, slug="guild", name="Guild").exists()
    assert _messages(response)


def test_profile_changes_in_the_admin_go_through_community_update(admin_client_for, world):
    _post_change(admin_client_for, "communities_community", world, name="Guild of Makers")
    assert Community.objects.get(pk=world.pk).name == "Guild of Makers"
    assert ActivityEvent.objects.filter(community=world, verb="community.updated").exists()

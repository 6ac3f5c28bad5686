"""Recruitment in the browser: invitation links and codes, join sources, join links, operator pages."""

import pytest
from django.urls import reverse

from communities.roles import MembershipStatus, Role
from members.models import AuditLogEntry, Invitation, JoinLink, Membership
from members.services import recruitment as services
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, community, *args):
    return reverse(f"members:{name}", args=[community.slug, *args])


@pytest.fixture
def private_community():
    return factories.CommunityFactory(visibility="private", join_policy="invitation")


def test_invitation_link_shows_the_private_community_name_and_admits_the_invitee(
    client_for, private_community
):
    owner = factories.member(community=private_community, role=Role.OWNER).user
    invitation = services.invitation_create(actor=owner, community=private_community, role=Role.EXPERT)
    invitee = factories.UserFactory()
    client = client_for(invitee)
    assert client.get(reverse("communities:home", args=[private_community.slug])).status_code == 404
    page = client.get(url("invite", private_community, invitation.code))
    assert page.status_code == 200
    assert private_community.name in page.content.decode()
    response = client.post(url("invite", private_community, invitation.code), {})
    assert response.status_code == 302
    membership = Membership.objects.get(community=private_community, user=invitee)
    assert (membership.role, membership.source, membership.invitation) == (
        Role.EXPERT,
        "invitation",
        invitation,
    )
    assert client.get(reverse("communities:home", args=[private_community.slug])).status_code == 200


def test_unknown_or_foreign_invitation_code_is_a_404(client_for, private_community):
    foreign = factories.InvitationFactory()
    client = client_for(factories.UserFactory())
    assert client.get(url("invite", private_community, foreign.code)).status_code == 404
    assert client.get(url("invite", private_community, "nope")).status_code == 404


def test_anonymous_invitee_is_sent_to_login_first(client_for, private_community):
    invitation = factories.InvitationFactory(community=private_community)
    response = client_for().get(url("invite", private_community, invitation.code))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_exhausted_invitation_page_says_why_and_post_changes_nothing(client_for, community):
    invitation = factories.InvitationFactory(community=community, max_uses=1, uses_count=1)
    client = client_for(factories.UserFactory())
    page = client.get(url("invite", community, invitation.code))
    assert page.context["problem"].code == "invitation_exhausted"
    response = client.post(url("invite", community, invitation.code), {})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Membership.objects.filter(community=community).count() == 0


def test_code_typed_on_the_join_page(client_for, community):
    community.join_policy = "invitation"
    community.save()
    invitation = factories.InvitationFactory(community=community)
    client = client_for(factories.UserFactory())
    join_page = client.get(url("join", community))
    assert "code_form" in join_page.context
    response = client.post(url("invitation-code", community), {"code": invitation.code})
    assert response["Location"] == url("invite", community, invitation.code)
    foreign = factories.InvitationFactory()
    response = client.post(url("invitation-code", community), {"code": foreign.code})
    assert response.status_code == 200 and "code" in response.context["form"].errors


def test_campaign_tag_survives_login_and_is_recorded(client_for, community):
    client = client_for()
    client.get(reverse("communities:home", args=[community.slug]) + "?src=WeChat")
    user = factories.UserFactory()
    client.force_login(user)
    client.post(url("join", community), {})
    membership = Membership.objects.get(community=community, user=user)
    assert (membership.source, membership.source_tag) == ("campaign", "wechat")


def test_directory_arrival_and_referral_link(client_for, community):
    referrer = factories.member(community=community)
    client = client_for(referrer.user)
    assert client.get(url("referral", community)).context["referral_url"] == ""  # a GET makes nothing
    assert not Membership.objects.get(pk=referrer.pk).referral_code
    assert client.post(url("referral", community)).status_code == 302
    page = client.get(url("referral", community))
    code = Membership.objects.get(pk=referrer.pk).referral_code
    assert f"?ref={code}" in page.context["referral_url"]
    newcomer = factories.UserFactory()
    client_for(newcomer).post(url("join", community) + f"?ref={code}", {})
    assert Membership.objects.get(user=newcomer).referred_by == referrer
    visitor = factories.UserFactory()
    visitor_client = client_for(visitor)
    visitor_client.get(reverse("communities:home", args=[community.slug]) + "?via=directory")
    visitor_client.post(url("join", community), {})
    assert Membership.objects.get(user=visitor).source == "directory"


def test_join_link_tags_the_join_and_retired_links_are_gone(client_for, community, owner):
    link = services.join_link_create(actor=owner, community=community, channel="WeChat", source_tag="wechat")
    user = factories.UserFactory()
    client = client_for(user)
    response = client.get(url("join-link", community, link.code))
    assert response["Location"] == url("join", community)
    client.post(url("join", community), {})
    membership = Membership.objects.get(user=user)
    assert (membership.source, membership.join_link, membership.source_tag) == ("join_link", link, "wechat")
    services.join_link_retire(actor=owner, community=community, join_link=link)
    assert client.get(url("join-link", community, link.code)).status_code == 404


# --- Operator pages ---------------------------------------------------------------------------------------


OPERATOR_PAGES = ["invitations", "join-links", "growth"]


@pytest.mark.parametrize("page", OPERATOR_PAGES)
@pytest.mark.parametrize("role", [Role.MEMBER, Role.EXPERT, Role.MODERATOR])
def test_operator_pages_refuse_non_operators(client_for, community, page, role):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(url(page, community)).status_code == 403


@pytest.mark.parametrize("page", OPERATOR_PAGES)
def test_operator_pages_for_anonymous_banned_and_other_communities(client_for, page):
    private = factories.CommunityFactory(visibility="private")
    other_owner = factories.member(role=Role.OWNER).user
    banned = factories.member(community=private, status=MembershipStatus.BANNED).user
    assert client_for().get(url(page, private)).status_code == 404
    assert client_for(banned).get(url(page, private)).status_code == 404
    assert client_for(other_owner).get(url(page, private)).status_code == 404


def test_operator_creates_an_invitation_and_sees_who_used_it(client_for, community, owner):
    client = client_for(owner)
    response = client.post(
        url("invitations", community), {"label": "Friends", "role": "member", "max_uses": "2"}
    )
    invitation = Invitation.objects.get(community=community)
    assert response["Location"] == url("invitation-detail", community, invitation.pk)
    services.invitation_accept(
        actor=factories.UserFactory(username="newbie"),
        community=community,
        code=invitation.code,
        accepted_rules_version=None,
    )
    detail = client.get(url("invitation-detail", community, invitation.pk))
    assert [m.user.username for m in detail.context["page"]] == ["newbie"]
    client.post(url("invitation-revoke", community, invitation.pk), {})
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


@pytest.mark.parametrize(
    "data, field",
    [
        ({"role": "owner"}, "role"),
        ({"role": "member", "max_uses": "0"}, "max_uses"),
        ({"role": "member", "expires_at": "2001-01-01T10:00"}, "expires_at"),
        ({"role": "member", "expires_at": "not a date"}, "expires_at"),
    ],
)
def test_bad_invitation_form_input_is_shown_on_the_form(client_for, community, owner, data, field):
    response = client_for(owner).post(url("invitations", community), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_other_communitys_invitation_id_is_404(client_for, community, owner):
    foreign = factories.InvitationFactory()
    client = client_for(owner)
    assert client.get(url("invitation-detail", community, foreign.pk)).status_code == 404
    assert client.post(url("invitation-revoke", community, foreign.pk)).status_code == 404
    foreign_link = factories.JoinLinkFactory()
    assert client.get(url("join-link-qr", community, foreign_link.pk)).status_code == 404


def test_join_links_page_creates_retires_and_serves_a_qr_png(client_for, community, owner, settings):
    settings.SITE_URL = "https://elsewhere.example"  # links follow the address the request came to
    client = client_for(owner)
    response = client.post(url("join-links", community), {"channel": "Newsletter", "source_tag": "Bad tag"})
    assert "source_tag" in response.context["form"].errors
    client.post(url("join-links", community), {"channel": "Newsletter", "source_tag": "news"})
    link = JoinLink.objects.get(community=community)
    page = client.get(url("join-links", community))
    assert page.context["page"][0].url == f"http://testserver/c/{community.slug}/j/{link.code}/"
    qr = client.get(url("join-link-qr", community, link.pk))
    assert qr["Content-Type"] == "image/png" and qr.content.startswith(b"\x89PNG")
    client.post(url("join-link-retire", community, link.pk), {})
    link.refresh_from_db()
    assert link.retired_at is not None


def test_growth_page_reports_sources(client_for, community, owner):
    services.membership_join_from(
        actor=factories.UserFactory(),
        community=community,
        accepted_rules_version=None,
        arrival={"src": "wechat"},
    )
    page = client_for(owner).get(url("growth", community) + "?period=all")
    assert {(r["source"], r["source_tag"]) for r in page.context["report"]["by_source"]} >= {
        ("campaign", "wechat")
    }
    assert client_for(owner).get(url("growth", community) + "?period=bogus").status_code == 200


@pytest.mark.parametrize("page", ["invitations", "join-links", "growth"])
def test_operator_lists_have_a_fixed_query_count(
    client_for, community, owner, page, django_assert_max_num_queries
):
    client = client_for(owner)

    def fill(n):
        for _ in range(n):
            invitation = factories.InvitationFactory(community=community)
            link = factories.JoinLinkFactory(community=community)
            factories.member(community=community, invitation=invitation, join_link=link, source="invitation")

    fill(10)
    with django_assert_max_num_queries(20) as small:
        client.get(url(page, community))
    fill(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url(page, community))


def test_django_admin_revokes_and_retires_through_the_services(client, community, owner):
    admin_user = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    invitation = services.invitation_create(actor=owner, community=community)
    link = services.join_link_create(actor=owner, community=community, channel="News")
    for model, action, pk in (("invitation", "revoke", invitation.pk), ("joinlink", "retire", link.pk)):
        changelist = reverse(f"admin:members_{model}_changelist")
        assert client.get(changelist).status_code == 200
        client.post(changelist, {"action": action, "_selected_action": [pk]})
    invitation.refresh_from_db()
    link.refresh_from_db()
    assert invitation.revoked_at is not None and link.retired_at is not None
    assert AuditLogEntry.objects.filter(action="invitation.revoked", actor=admin_user).exists()

"""Community pages render for the roles that may see them, and refuse the others."""

import pytest
from django.urls import reverse

from communities import services
from tests import factories

SETTINGS_PAGES = ["settings-profile", "settings-branding", "settings-rules"]


def url(name, community, **kwargs):
    return reverse(f"communities:{name}", kwargs={"slug": community.slug, **kwargs})


@pytest.mark.django_db
def test_directory_lists_public_active_communities(client_for):
    factories.CommunityFactory(name="Street Photographers")
    factories.CommunityFactory(name="Hidden Guild", visibility="private")
    response = client_for().get(reverse("communities:directory"))
    assert response.status_code == 200
    assert b"Street Photographers" in response.content
    assert b"Hidden Guild" not in response.content


@pytest.mark.django_db
def test_directory_filters_by_search_and_domain(client_for):
    factories.CommunityFactory(name="Lens Club", skill_domain="photography")
    factories.CommunityFactory(name="Rustaceans", skill_domain="programming")
    client = client_for()
    by_domain = client.get(reverse("communities:directory"), {"domain": "programming", "sort": "newest"})
    assert [c.name for c in by_domain.context["communities"]] == ["Rustaceans"]
    by_search = client.get(reverse("communities:directory"), {"q": "lens"})
    assert [c.name for c in by_search.context["communities"]] == ["Lens Club"]


@pytest.mark.django_db
def test_directory_empty_state_invites_creation(client_for):
    response = client_for().get(reverse("communities:directory"))
    assert response.status_code == 200
    assert b"empty-state" in response.content
    assert reverse("communities:create").encode() in response.content


@pytest.mark.django_db
def test_directory_paginates_by_24(client_for):
    factories.CommunityFactory.create_batch(25)
    response = client_for().get(reverse("communities:directory"), {"page": 2})
    assert response.status_code == 200
    assert len(response.context["communities"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 30])
def test_directory_query_count_does_not_grow(client_for, django_assert_max_num_queries, count):
    for community in factories.CommunityFactory.create_batch(count):
        factories.member(community=community)
    client = client_for(factories.UserFactory())
    with django_assert_max_num_queries(4):
        response = client.get(reverse("communities:directory"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_archived_community_is_hidden_from_directory(client_for, community, owner):
    services.community_archive(actor=owner, community=community)
    response = client_for().get(reverse("communities:directory"))
    assert community.name.encode() not in response.content


@pytest.mark.django_db
def test_my_communities_lists_memberships_with_role(client_for, django_assert_max_num_queries):
    user = factories.UserFactory()
    for role in ["owner", "member", "expert"]:
        factories.member(role=role, user=user)
    factories.CommunityFactory(name="Not mine")
    client = client_for(user)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("communities:mine"))
    assert response.status_code == 200
    assert sorted(c.my_role for c in response.context["communities"]) == ["expert", "member", "owner"]
    assert b"Not mine" not in response.content


@pytest.mark.django_db
def test_my_communities_requires_login(client_for):
    response = client_for().get(reverse("communities:mine"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "member", "moderator", "admin", "owner"])
def test_home_renders_for_everyone_on_a_public_community(client_for, community, role):
    user = factories.member(community=community, role=role).user if role else None
    response = client_for(user).get(url("home", community))
    assert response.status_code == 200
    assert community.name.encode() in response.content


@pytest.mark.django_db
def test_home_shows_rules_grouped_with_version(client_for, community, owner):
    services.rule_create(actor=owner, community=community, category="conduct", title="Be kind")
    services.rule_create(actor=owner, community=community, category="content", title="Credit sources")
    response = client_for().get(url("home", community))
    view = response.context["view"]
    assert [label for label, _ in view.rule_groups] == ["Conduct", "Content"]
    assert view.rules_version.number == 2
    assert b"Be kind" in response.content


@pytest.mark.django_db
def test_home_join_area_follows_the_policy(client_for):
    open_community = factories.CommunityFactory(join_policy="open")
    vetted = factories.CommunityFactory(join_policy="application")
    invited = factories.CommunityFactory(join_policy="invitation")
    client = client_for(factories.UserFactory())

    def join_button(community):
        return f'class="btn btn-primary" href="{reverse("members:join", args=[community.slug])}"'.encode()

    assert join_button(open_community) in client.get(url("home", open_community)).content
    for community in (vetted, invited):
        assert join_button(community) not in client.get(url("home", community)).content
    # Invitation-only communities offer the code form on the join page instead.
    assert b"I have an invitation code" in client.get(url("home", invited)).content


@pytest.mark.django_db
def test_home_offers_leave_in_the_members_menu_and_manage_to_operators(client_for, community):
    member = factories.member(community=community).user
    admin = factories.member(community=community, role="admin").user
    manage_url = reverse("members:manage", args=[community.slug]).encode()
    member_page = client_for(member).get(url("home", community)).content.decode()
    menu = member_page[member_page.index('class="user-menu-list"') :]
    assert reverse("members:leave", args=[community.slug]) in menu[: menu.index("</ul>")]
    assert manage_url not in member_page.encode()
    admin_page = client_for(admin).get(url("home", community)).content
    assert manage_url in admin_page
    # The operators' tools live in the Manage area, not as buttons on the home page.
    assert url("settings-profile", community).encode() not in admin_page


@pytest.mark.django_db
def test_home_escapes_script_in_markdown(client_for):
    community = factories.CommunityFactory(description="Hello <script>alert(1)</script> **world**")
    response = client_for().get(url("home", community))
    assert b"<script>alert(1)</script>" not in response.content
    assert b"<strong>world</strong>" in response.content


@pytest.mark.django_db
def test_archived_community_shows_a_banner(client_for, community, owner):
    services.community_archive(actor=owner, community=community)
    response = client_for().get(url("home", community))
    assert response.status_code == 200
    assert b"banner-warning" in response.content


@pytest.mark.django_db
def test_private_community_is_404_for_outsiders_and_banned_members(client_for):
    community = factories.CommunityFactory(visibility="private")
    banned = factories.member(community=community, status="banned").user
    for user in (None, factories.UserFactory(), banned):
        assert client_for(user).get(url("home", community)).status_code == 404
        assert client_for(user).get(url("settings-profile", community)).status_code == 404
    member = factories.member(community=community).user
    assert client_for(member).get(url("home", community)).status_code == 200


@pytest.mark.django_db
def test_home_is_shown_in_the_community_time_zone(client_for):
    community = factories.CommunityFactory(timezone="Asia/Shanghai")
    response = client_for().get(url("home", community))
    assert response.context["TIME_ZONE"] == "Asia/Shanghai"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["owner", "admin"])
@pytest.mark.parametrize("page", SETTINGS_PAGES)
def test_settings_render_for_operators(client_for, community, role, page):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(url(page, community)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "moderator", "expert"])
@pytest.mark.parametrize("page", [*SETTINGS_PAGES, "settings-danger"])
def test_settings_are_403_for_other_roles(client_for, community, role, page):
    user = factories.member(community=community, role=role).user
    assert client_for(user).get(url(page, community)).status_code == 403


@pytest.mark.django_db
def test_settings_redirect_anonymous_to_login(client_for, community):
    response = client_for().get(url("settings-profile", community))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_danger_zone_is_for_owners_only(client_for, community, owner):
    admin = factories.member(community=community, role="admin").user
    assert client_for(owner).get(url("settings-danger", community)).status_code == 200
    assert client_for(admin).get(url("settings-danger", community)).status_code == 403


def test_error_pages_render_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "guildhall.css" in html


@pytest.mark.django_db
def test_directory_keeps_filters_in_pagination_links(client_for):
    factories.CommunityFactory.create_batch(25, skill_domain="music")
    response = client_for().get(reverse("communities:directory"), {"domain": "music", "sort": "newest"})
    assert b"domain=music&amp;sort=newest&amp;page=2" in response.content

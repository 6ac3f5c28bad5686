"""Operators change the profile, branding and rules, and archive or delete the community."""

import pytest
from django.urls import reverse

from communities import selectors, services
from communities.models import Community
from tests import factories
from tests.communities.test_html_create import png


def url(name, community, *args):
    return reverse(f"communities:{name}", args=[community.slug, *args])


def profile_data(community, **overrides):
    data = {
        "name": community.name,
        "skill_domain": community.skill_domain,
        "tagline": community.tagline,
        "visibility": community.visibility,
        "join_policy": community.join_policy,
        "language": community.language,
        "timezone": community.timezone,
    }
    return {**data, **overrides}


@pytest.fixture
def owner_client(client_for, owner):
    return client_for(owner)


@pytest.mark.django_db
def test_profile_update_saves_and_redirects(owner_client, community):
    data = profile_data(community, name="Renamed", description="# Hi", timezone="Asia/Tokyo")
    response = owner_client.post(url("settings-profile", community), data)
    assert response.status_code == 302
    community.refresh_from_db()
    assert (community.name, community.description, community.timezone) == ("Renamed", "# Hi", "Asia/Tokyo")


@pytest.mark.django_db
def test_profile_bad_input_re_renders_without_saving(owner_client, community):
    old_name = community.name
    response = owner_client.post(
        url("settings-profile", community), profile_data(community, name="", visibility="x")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("name", "required")
    assert form.has_error("visibility", "invalid_choice")
    assert response.context["community"].name == old_name
    community.refresh_from_db()
    assert community.name == old_name


@pytest.mark.django_db
def test_profile_keeps_a_time_zone_outside_the_common_list(client_for):
    community = factories.CommunityFactory(timezone="Africa/Nairobi")
    owner = factories.member(community=community, role="owner").user
    response = client_for(owner).get(url("settings-profile", community))
    assert ("Africa/Nairobi", "Africa/Nairobi") in response.context["form"].fields["timezone"].choices


@pytest.mark.django_db
def test_settings_of_an_archived_community_refuse_with_the_archived_message(owner_client, community, owner):
    services.community_archive(actor=owner, community=community)
    response = owner_client.post(
        url("settings-profile", community), profile_data(community, name="New"), follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["This community is archived and read-only."]
    community.refresh_from_db()
    assert community.name != "New"


@pytest.mark.django_db
def test_branding_sets_accent_and_logo_then_clears_logo(owner_client, community):
    response = owner_client.post(
        url("settings-branding", community), {"accent_color": "#123456", "logo": png()}
    )
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.accent_color == "#123456"
    assert community.logo
    page = owner_client.get(url("settings-branding", community)).content.decode()
    assert community.logo.url in page
    # The current logo shows above its input, with a plainly labelled box to remove it; the input
    # previews a newly chosen file (static/js/guildhall.js).
    assert (
        f'<img class="image-preview" id="id_logo_preview" alt="Preview: Logo" src="{community.logo.url}">'
        in page
    )
    assert 'data-preview="id_logo_preview"' in page
    assert '<label for="id_logo-clear">Remove the current logo</label>' in page
    assert 'name="cover_image-clear"' not in page  # no cover image: nothing to remove
    owner_client.post(url("settings-branding", community), {"accent_color": "#123456", "logo-clear": "on"})
    community.refresh_from_db()
    assert not community.logo
    assert 'name="logo-clear"' not in owner_client.get(url("settings-branding", community)).content.decode()


@pytest.mark.django_db
def test_branding_refuses_a_bad_colour(owner_client, community):
    response = owner_client.post(url("settings-branding", community), {"accent_color": "#12345"})
    assert response.context["form"].has_error("accent_color", "invalid_colour")


@pytest.mark.django_db
def test_admin_adds_edits_and_deletes_rules_publishing_versions(client_for, community):
    admin = factories.member(community=community, role="admin").user
    client = client_for(admin)
    client.post(url("settings-rules", community), {"category": "conduct", "title": "Be kind", "body": ""})
    rule = selectors.rule_list(community=community).get()
    client.post(
        url("rule-edit", community, rule.pk), {"category": "conduct", "title": "Be kinder", "body": "x"}
    )
    rule.refresh_from_db()
    assert rule.title == "Be kinder"
    page = client.get(url("settings-rules", community))
    assert [v.number for v in page.context["versions"]] == [2, 1]
    assert client.get(url("rule-delete", community, rule.pk)).status_code == 200
    client.post(url("rule-delete", community, rule.pk))
    assert not selectors.rule_list(community=community).exists()
    assert selectors.rules_version_current(community=community).number == 3


@pytest.mark.django_db
def test_rule_form_errors_are_shown(owner_client, community):
    response = owner_client.post(url("settings-rules", community), {"category": "nonsense", "title": ""})
    form = response.context["form"]
    assert form.has_error("category", "invalid_choice")
    assert form.has_error("title", "required")
    assert not selectors.rule_list(community=community).exists()


@pytest.mark.django_db
def test_move_rules_up_and_down(owner_client, community, owner):
    first, _second, third = (
        services.rule_create(actor=owner, community=community, category="conduct", title=title)
        for title in ("A", "B", "C")
    )
    owner_client.post(url("rule-move", community, third.pk), {"direction": "up"})
    owner_client.post(url("rule-move", community, first.pk), {"direction": "down"})
    titles = list(selectors.rule_list(community=community).values_list("title", flat=True))
    assert titles == ["C", "A", "B"]
    assert selectors.rules_version_current(community=community).rules[0]["title"] == "C"


@pytest.mark.django_db
def test_rules_list_query_count_is_flat(owner_client, community, owner, django_assert_max_num_queries):
    for title in ("A", "B", "C", "D", "E", "F"):
        services.rule_create(actor=owner, community=community, category="conduct", title=title)
    # 8, and the three counts of the community bar's Manage link that an owner sees (one COUNT each:
    # pending applications, open reports, overdue touchpoints; members.selectors.manage).
    with django_assert_max_num_queries(11):
        assert owner_client.get(url("settings-rules", community)).status_code == 200


@pytest.mark.django_db
def test_rule_of_another_community_is_404(owner_client, community):
    other_rule = factories.RuleFactory()
    assert owner_client.get(url("rule-edit", community, other_rule.pk)).status_code == 404
    assert (
        owner_client.post(url("rule-move", community, other_rule.pk), {"direction": "up"}).status_code == 404
    )


@pytest.mark.django_db
def test_plain_member_cannot_move_or_delete_rules(client_for, community):
    rule = factories.RuleFactory(community=community)
    client = client_for(factories.member(community=community).user)
    assert client.post(url("rule-move", community, rule.pk), {"direction": "down"}).status_code == 403
    assert client.post(url("rule-delete", community, rule.pk)).status_code == 403
    assert selectors.rule_list(community=community).exists()


@pytest.mark.django_db
def test_owner_archives_and_unarchives(owner_client, community, client_for):
    owner_client.post(url("settings-danger", community), {"action": "archive"})
    community.refresh_from_db()
    assert community.is_archived
    assert community.name.encode() not in client_for().get(reverse("communities:directory")).content
    owner_client.post(url("settings-danger", community), {"action": "unarchive"})
    community.refresh_from_db()
    assert not community.is_archived


@pytest.mark.django_db
def test_delete_needs_the_exact_slug(owner_client, community):
    response = owner_client.post(
        url("settings-danger", community), {"action": "delete", "confirm_slug": community.slug.upper()}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("confirm_slug")
    assert Community.objects.filter(pk=community.pk).exists()
    response = owner_client.post(
        url("settings-danger", community), {"action": "delete", "confirm_slug": community.slug}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("communities:directory")
    assert not Community.objects.filter(pk=community.pk).exists()


@pytest.mark.django_db
def test_admin_cannot_archive_or_delete(client_for, community):
    admin = factories.member(community=community, role="admin").user
    client = client_for(admin)
    assert client.post(url("settings-danger", community), {"action": "archive"}).status_code == 403
    response = client.post(
        url("settings-danger", community), {"action": "delete", "confirm_slug": community.slug}
    )
    assert response.status_code == 403
    community.refresh_from_db()
    assert not community.is_archived


@pytest.mark.django_db
def test_archiving_twice_shows_the_error_as_a_flash(owner_client, community, owner):
    services.community_archive(actor=owner, community=community)
    response = owner_client.post(url("settings-danger", community), {"action": "archive"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


@pytest.mark.django_db
def test_settings_tabs_link_each_page_once(owner_client, community):
    content = owner_client.get(url("settings-profile", community)).content.decode()
    tabs = content[
        content.index('<ul class="tabs">') : content.index("</ul>", content.index('<ul class="tabs">'))
    ]
    hrefs = [part.split('"', 1)[0] for part in tabs.split('href="')[1:]]
    assert len(hrefs) == len(set(hrefs)) >= 10

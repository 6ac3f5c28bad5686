"""Profile pages, the directory and its CSV export in the browser: visibility, private notes, query counts."""

import pytest
from django.urls import reverse

from members.models import MemberProfile
from members.services import profiles as services
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, community, *args):
    return reverse(f"members:{name}", args=[community.slug, *args])


def profile(membership, **fields):
    return services.profile_update(actor=membership.user, community=membership.community, **fields)


@pytest.fixture
def admin(community):
    return factories.member(community=community, role="admin")


@pytest.fixture
def member(community):
    return factories.member(community=community)


def test_member_edits_their_profile(client_for, community, member):
    client = client_for(member.user)
    assert client.get(url("profile-edit", community)).status_code == 200
    response = client.post(
        url("profile-edit", community),
        {"display_name": "Ansel", "bio": "Hi", "skill_level": "expert", "skills": "Zone, print",
         "links": "https://example.com", "visibility": "members"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(url("profile", community, member.pk)).content.decode()
    assert "Ansel" in page and "zone" in page and "https://example.com" in page


def test_bad_profile_input_rerenders_the_form_with_field_errors(client_for, community, member):
    response = client_for(member.user).post(
        url("profile-edit", community),
        {"skill_level": "", "skills": "a", "links": "not a url", "visibility": "members"},
    )
    assert response.status_code == 200
    assert "links" in response.context["form"].errors


def test_profile_visibility_on_the_profile_page(client_for, community, member, admin):
    profile(member, bio="secret bio", visibility="operators")
    other = factories.member(community=community)
    hidden = client_for(other.user).get(url("profile", community, member.pk))
    assert hidden.status_code == 200 and b"secret bio" not in hidden.content
    assert b"secret bio" in client_for(admin.user).get(url("profile", community, member.pk)).content
    assert b"secret bio" in client_for(member.user).get(url("profile", community, member.pk)).content
    assert client_for().get(url("profile", community, member.pk)).status_code == 404
    profile(member, bio="open bio", visibility="public")
    assert b"open bio" in client_for().get(url("profile", community, member.pk)).content


def test_private_community_profiles_are_404_for_outsiders(client_for):
    community = factories.CommunityFactory(visibility="private")
    member = factories.member(community=community)
    profile(member, visibility="public")
    assert client_for(factories.UserFactory()).get(url("profile", community, member.pk)).status_code == 404


def test_private_notes_and_tags_never_reach_members(client_for, community, member, admin):
    client = client_for(admin.user)
    client.post(url("note-add", community, member.pk), {"body": "NOTE-XYZZY"})
    client.post(url("tag-add", community, member.pk), {"name": "opinion leader"})
    page = client.get(url("profile", community, member.pk)).content
    assert b"NOTE-XYZZY" in page and b"opinion leader" in page
    for viewer in (member, factories.member(community=community, role="moderator")):
        viewer_client = client_for(viewer.user)
        for page_url in (url("profile", community, member.pk), url("directory", community)):
            content = viewer_client.get(page_url).content
            assert b"NOTE-XYZZY" not in content and b"opinion leader" not in content
        assert viewer_client.post(url("note-add", community, member.pk), {"body": "x"}).status_code == 403


def test_note_form_errors_rerender_the_profile(client_for, community, member, admin):
    response = client_for(admin.user).post(url("note-add", community, member.pk), {"body": ""})
    assert response.status_code == 200
    assert "body" in response.context["note_form"].errors


def test_directory_search_and_filters(client_for, community, member, admin):
    profile(member, display_name="Ansel", bio="large format", skill_level="expert", skills="zone")
    hidden = factories.member(community=community, user=factories.UserFactory(username="hideme"))
    profile(hidden, bio="large format too", skills="zone", visibility="operators")
    services.member_tag_add(actor=admin.user, community=community, membership=member, name="core member")
    client = client_for(factories.member(community=community).user)

    def names(client, **params):
        response = client.get(url("directory", community), params)
        assert response.status_code == 200
        return sorted(row["membership"].user.username for row in response.context["rows"])

    assert names(client, q="large") == [member.user.username]
    assert names(client, skill="Zone") == [member.user.username]
    assert names(client, skill_level="expert") == [member.user.username]
    assert names(client, role="admin") == [admin.user.username]
    assert len(names(client, tag="core member")) == 4  # the tag filter is for operators only
    operator = client_for(admin.user)
    assert names(operator, q="large") == sorted([member.user.username, "hideme"])
    assert names(operator, tag="core member") == [member.user.username]
    idle = factories.member(community=community)
    active = names(operator, active_within="7", sort="last_active")
    assert member.user.username in active and idle.user.username not in active
    assert client.get(url("directory", community), {"joined_from": "nonsense"}).status_code == 200


def test_directory_needs_an_active_membership(client_for, community):
    assert client_for().get(url("directory", community)).status_code == 302
    for status in ("pending", "banned"):
        user = factories.member(community=community, status=status).user
        assert client_for(user).get(url("directory", community)).status_code == 403


@pytest.mark.parametrize("viewer_role", ["admin", "member"])
@pytest.mark.parametrize("count", [10, 40])
def test_directory_query_count_does_not_grow(
    client_for, community, admin, count, viewer_role, django_assert_max_num_queries
):
    for i in range(count):
        profile(factories.member(community=community), skills=f"s{i}, t{i}")
    viewer = admin if viewer_role == "admin" else factories.member(community=community)
    client = client_for(viewer.user)
    client.get(url("directory", community))
    with django_assert_max_num_queries(12):
        response = client.get(url("directory", community))
    assert len(response.context["rows"]) == min(count + (2 if viewer_role == "member" else 1), 20)


def test_csv_export_is_for_operators_and_follows_filters(client_for, community, member, admin):
    profile(member, skill_level="expert", skills="zone")
    services.member_tag_add(actor=admin.user, community=community, membership=member, name="core member")
    assert client_for(member.user).get(url("directory-export", community)).status_code == 403
    response = client_for(admin.user).get(url("directory-export", community), {"skill": "zone"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Username,Name,Role")
    assert len(lines) == 2 and "core member" in lines[1] and "Expert" in lines[1]


def test_csv_export_neutralises_formulas(client_for, community, admin):
    member = factories.member(community=community)
    profile(member, display_name="=HYPERLINK(1)")
    response = client_for(admin.user).get(url("directory-export", community))
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in content


def test_default_skill_levels_read_in_the_readers_language(client, community):
    member = factories.member(community=community)
    MemberProfile.objects.create(community=community, membership=member, skill_level="beginner")
    client.force_login(member.user)
    page = client.get(reverse("members:directory", args=[community.slug]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "初学者" in page.content.decode()


def test_last_active_choices_read_in_the_readers_language(client, community):
    """Built per request: formatted at import they stayed in the language active when the module loaded."""
    member = factories.member(community=community)
    client.force_login(member.user)
    directory = reverse("members:directory", args=[community.slug])
    english = client.get(directory, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(directory, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "In the last 30 days" in english
    assert "最近 30 天内" in chinese
    assert "In the last 30 days" not in chinese

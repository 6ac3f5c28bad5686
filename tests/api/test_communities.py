import pytest
from django.urls import reverse

from communities.models import Community
from members.models import Membership
from tests import factories
from tests.api.helpers import assert_error, png_upload, query_count, row_counts

LIST_URL = reverse("api:community-list")
pytestmark = pytest.mark.django_db


def detail_url(community, suffix=""):
    return reverse(f"api:community-{suffix or 'detail'}", kwargs={"community_slug": community.slug})


def valid_payload(**overrides):
    return {"slug": "street-light", "name": "Street light", "skill_domain": "photography", **overrides}


# --- List -------------------------------------------------------------------------------------------------


def test_list_shows_public_and_my_private_communities_with_my_role(api_client_for, private_community):
    public = factories.CommunityFactory()
    hidden = factories.CommunityFactory(visibility="private")
    user = factories.member(community=private_community, role="admin").user
    factories.member(community=public, user=user, status="pending")

    rows = {row["slug"]: row for row in api_client_for(user).get(LIST_URL).json()["results"]}

    assert hidden.slug not in rows
    assert (rows[private_community.slug]["my_role"], rows[private_community.slug]["my_status"]) == (
        "admin",
        "active",
    )
    assert rows[public.slug]["my_status"] == "pending"


def test_anonymous_list_has_only_public_communities(api_client_for, private_community):
    public = factories.CommunityFactory()
    rows = api_client_for().get(LIST_URL).json()["results"]
    assert [(row["slug"], row["my_role"]) for row in rows] == [(public.slug, None)]


def test_list_filters_search_and_ordering(api_client_for):
    user = factories.UserFactory()
    python = factories.CommunityFactory(name="Python beginners", skill_domain="programming")
    factories.member(community=python, user=user)
    factories.member(community=python)
    factories.CommunityFactory(name="Film", tagline="Analogue cameras", join_policy="application")
    client = api_client_for(user)

    def slugs(query):
        return [row["slug"] for row in client.get(LIST_URL, query).json()["results"]]

    assert slugs({"skill_domain": "programming"}) == [python.slug]
    assert slugs({"mine": "true"}) == [python.slug]
    assert slugs({"join_policy": "application", "search": "analogue"}) != []
    assert slugs({"ordering": "-member_count"})[0] == python.slug
    assert client.get(LIST_URL, {"ordering": "-member_count"}).json()["results"][0]["member_count"] == 2


def test_unknown_filter_value_is_a_400(api_client_for):
    assert_error(api_client_for().get(LIST_URL, {"visibility": "secret"}), 400, "invalid_choice")


def test_list_query_count_does_not_grow_with_rows(api_client_for):
    user = factories.UserFactory()

    def seed(n):
        for _ in range(n):
            community = factories.CommunityFactory()
            factories.member(community=community, user=user)
            factories.member(community=community)

    client = api_client_for(user)
    seed(10)
    small = query_count(lambda: client.get(LIST_URL, {"page_size": 100}))
    seed(30)
    large = query_count(lambda: client.get(LIST_URL, {"page_size": 100}))
    assert small == large <= 2


# --- Create -----------------------------------------------------------------------------------------------


def test_create_with_json_makes_the_caller_owner(api_client_for):
    user = factories.UserFactory()
    response = api_client_for(user).post(LIST_URL, valid_payload(description="Hello *there*"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["slug"], body["my_role"], body["my_status"], body["member_count"]) == (
        "street-light",
        "owner",
        "active",
        1,
    )
    assert "<em>there</em>" in body["description_html"]


def test_create_with_multipart_images(api_client_for):
    response = api_client_for(factories.UserFactory()).post(
        LIST_URL,
        {**valid_payload(), "logo": png_upload(), "cover_image": png_upload("cover.png")},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert response.json()["logo"].endswith(".png")
    assert Community.objects.get(slug="street-light").cover_image.name.startswith("communities/covers/")


def test_html_in_description_is_stored_as_text_and_rendered_sanitised(api_client_for):
    script = '<script>alert("x")</script><img src=x onerror=alert(1)> **bold**'
    body = api_client_for(factories.UserFactory()).post(LIST_URL, valid_payload(description=script)).json()
    assert Community.objects.get(slug="street-light").description == script
    assert "<script" not in body["description_html"]
    assert "<img" not in body["description_html"]
    assert "<strong>bold</strong>" in body["description_html"]


def test_anonymous_cannot_create(api_client_for):
    assert api_client_for().post(LIST_URL, valid_payload()).status_code == 401


def test_staff_only_creation(api_client_for, settings):
    settings.COMMUNITY_CREATION_STAFF_ONLY = True
    before = row_counts()
    assert_error(
        api_client_for(factories.UserFactory()).post(LIST_URL, valid_payload()),
        403,
        "community_creation_restricted",
    )
    assert row_counts() == before
    staff = factories.UserFactory(is_staff=True)
    assert api_client_for(staff).post(LIST_URL, valid_payload()).status_code == 201


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        (valid_payload(slug="taken-slug"), "slug", "unique"),
        (valid_payload(slug="Not A Slug!"), "slug", "invalid_slug"),
        (valid_payload(slug="-ab"), "slug", "invalid_slug"),
        (valid_payload(slug="admin"), "slug", "reserved_slug"),
        (valid_payload(accent_color="red"), "accent_color", "invalid_colour"),
        (valid_payload(join_policy="whoever"), "join_policy", "invalid_choice"),
        (valid_payload(visibility="secret"), "visibility", "invalid_choice"),
        (valid_payload(skill_domain="astrology"), "skill_domain", "invalid_choice"),
        (valid_payload(timezone="Mars/Olympus"), "timezone", "invalid_timezone"),
        (valid_payload(name="x" * 81), "name", "max_length"),
        (valid_payload(tagline="x" * 141), "tagline", "max_length"),
        (valid_payload(description="x" * 20001), "description", "max_length"),
        ({"slug": "no-name", "skill_domain": "photography"}, "name", "required"),
        (valid_payload(status="archived"), "status", "unknown_field"),
        (valid_payload(activity_score=999), "activity_score", "unknown_field"),
        (valid_payload(created_by=1), "created_by", "unknown_field"),
    ],
)
def test_create_refuses_bad_input_and_saves_nothing(api_client_for, payload, field, code):
    factories.CommunityFactory(slug="taken-slug")
    client = api_client_for(factories.UserFactory())
    before = row_counts()
    body = assert_error(client.post(LIST_URL, payload), 400, code)
    assert field in body["fields"]
    assert row_counts() == before


def test_oversize_image_is_refused(api_client_for, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 64
    before = row_counts()
    body = assert_error(
        api_client_for(factories.UserFactory()).post(
            LIST_URL, {**valid_payload(), "logo": png_upload(size=(64, 64))}, format="multipart"
        ),
        400,
        "file_too_large",
    )
    assert "logo" in body["fields"]
    assert row_counts() == before


def test_non_image_logo_is_refused(api_client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png")
    before = row_counts()
    body = assert_error(
        api_client_for(factories.UserFactory()).post(
            LIST_URL, {**valid_payload(), "logo": fake}, format="multipart"
        ),
        400,
        "invalid_image",
    )
    assert "logo" in body["fields"]
    assert row_counts() == before


# --- Detail -----------------------------------------------------------------------------------------------


def test_private_community_is_404_for_non_members(api_client_for, private_community, outsider):
    banned = factories.member(community=private_community, status="banned").user
    for user in (None, outsider, banned):
        assert_error(api_client_for(user).get(detail_url(private_community)), 404, "not_found")
    member = factories.member(community=private_community).user
    body = api_client_for(member).get(detail_url(private_community)).json()
    assert (body["slug"], body["my_role"], body["member_count"]) == (private_community.slug, "member", 1)


def test_public_community_detail_for_anonymous(api_client_for, community):
    body = api_client_for().get(detail_url(community)).json()
    assert (body["slug"], body["my_role"], body["my_status"]) == (community.slug, None, None)


def test_admin_updates_profile_fields(api_client_for, community):
    admin = factories.member(community=community, role="admin").user
    response = api_client_for(admin).patch(
        detail_url(community), {"tagline": "Light and shadow", "join_policy": "application"}
    )
    assert response.status_code == 200, response.content
    community.refresh_from_db()
    assert (community.tagline, community.join_policy) == ("Light and shadow", "application")


def test_update_image_and_clear_it(api_client_for, community, owner):
    client = api_client_for(owner)
    response = client.patch(detail_url(community), {"logo": png_upload()}, format="multipart")
    assert response.status_code == 200, response.content
    assert response.json()["logo"]
    response = client.patch(detail_url(community), {"logo": None})
    assert response.status_code == 200, response.content
    community.refresh_from_db()
    assert not community.logo


@pytest.mark.parametrize("role", ["moderator", "expert", "member"])
def test_update_needs_manage_community(api_client_for, community, role):
    user = factories.member(community=community, role=role).user
    assert_error(
        api_client_for(user).patch(detail_url(community), {"name": "Mine"}), 403, "permission_denied"
    )
    community.refresh_from_db()
    assert community.name != "Mine"


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"slug": "renamed"}, "unknown_field"),
        ({"status": "archived"}, "unknown_field"),
        ({"activity_score": 5}, "unknown_field"),
        ({"created_by": 1}, "unknown_field"),
        ({"accent_color": "#12345"}, "invalid_colour"),
        ({"name": ""}, "blank"),
        ({"visibility": "hidden"}, "invalid_choice"),
    ],
)
def test_update_refuses_bad_input_and_changes_nothing(api_client_for, community, owner, payload, code):
    before = Community.objects.filter(pk=community.pk).values().get()
    assert_error(api_client_for(owner).patch(detail_url(community), payload), 400, code)
    assert Community.objects.filter(pk=community.pk).values().get() == before


def test_archived_community_cannot_be_edited(api_client_for, community, owner):
    client = api_client_for(owner)
    assert client.post(detail_url(community, "archive")).json()["status"] == "archived"
    assert_error(client.patch(detail_url(community), {"name": "New"}), 409, "community_archived")
    assert client.post(detail_url(community, "unarchive")).json()["status"] == "active"


def test_only_the_owner_archives(api_client_for, community):
    admin = factories.member(community=community, role="admin").user
    assert_error(api_client_for(admin).post(detail_url(community, "archive")), 403, "permission_denied")
    community.refresh_from_db()
    assert community.status == "active"


def test_delete_needs_the_typed_slug(api_client_for, community, owner):
    client = api_client_for(owner)
    assert_error(client.delete(detail_url(community)), 400, "confirmation_mismatch")
    assert_error(client.delete(detail_url(community) + "?confirm=wrong"), 400, "confirmation_mismatch")
    assert_error(
        client.delete(detail_url(community), {"confirm_slug": "wrong"}), 400, "confirmation_mismatch"
    )
    assert Community.objects.filter(pk=community.pk).exists()
    assert client.delete(detail_url(community) + f"?confirm={community.slug}").status_code == 204
    assert not Community.objects.filter(pk=community.pk).exists()
    assert not Membership.objects.filter(community_id=community.pk).exists()


def test_delete_with_confirm_slug_in_body(api_client_for, community, owner):
    response = api_client_for(owner).delete(detail_url(community), {"confirm_slug": community.slug})
    assert response.status_code == 204
    assert not Community.objects.filter(pk=community.pk).exists()


def test_admin_cannot_delete(api_client_for, community):
    admin = factories.member(community=community, role="admin").user
    response = api_client_for(admin).delete(detail_url(community) + f"?confirm={community.slug}")
    assert_error(response, 403, "permission_denied")
    assert Community.objects.filter(pk=community.pk).exists()


def test_a_changed_description_is_rendered_at_once(api_client_for):
    """Rendered Markdown is memoised by its text (communities.markdown): an edit is a new key."""
    owner = factories.UserFactory()
    client = api_client_for(owner)
    assert client.post(LIST_URL, valid_payload(description="First *take*")).status_code == 201
    detail = reverse("api:community-detail", kwargs={"community_slug": "street-light"})
    listed = client.get(LIST_URL).json()["results"][0]["description_html"]
    assert "<em>take</em>" in listed and client.get(detail).json()["description_html"] == listed
    assert client.patch(detail, {"description": "Second **take**"}).status_code == 200
    for body in (client.get(LIST_URL).json()["results"][0], client.get(detail).json()):
        assert "<strong>take</strong>" in body["description_html"] and "First" not in body["description_html"]

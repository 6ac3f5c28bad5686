"""Creating a community in the browser: the happy path and every kind of bad input."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from communities.models import Community
from members.models import Membership
from tests import factories

CREATE_URL = reverse("communities:create")


def png(name="logo.png", size=(8, 8)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    # Random pixels do not compress, so the file size grows with `size`.
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def valid_data(**overrides):
    data = {
        "name": "Street Photographers",
        "slug": "street-photo",
        "skill_domain": "photography",
        "tagline": "Shoot the city",
        "visibility": "public",
        "join_policy": "open",
        "language": "en",
        "timezone": "Europe/Paris",
        "accent_color": "#aa3300",
    }
    return {**data, **overrides}


@pytest.fixture
def user(db):
    return factories.UserFactory()


@pytest.mark.django_db
def test_create_page_requires_login(client_for):
    response = client_for().get(CREATE_URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_create_page_renders(client_for, user):
    response = client_for(user).get(CREATE_URL)
    assert response.status_code == 200
    assert b'type="color"' in response.content
    assert b'enctype="multipart/form-data"' in response.content
    for name in response.context["form"].fields:
        assert f'name="{name}"'.encode() in response.content


@pytest.mark.django_db
def test_create_makes_the_user_owner_and_redirects_home(client_for, user):
    response = client_for(user).post(CREATE_URL, valid_data(logo=png()), follow=True)
    community = Community.objects.get(slug="street-photo")
    assert response.redirect_chain[-1][0] == reverse("communities:home", args=["street-photo"])
    assert community.timezone == "Europe/Paris"
    assert community.accent_color == "#aa3300"
    assert community.logo.name.startswith("communities/logos/")
    assert Membership.objects.get(community=community, user=user).role == "owner"
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"slug": "Not A Slug!"}, "slug", "invalid"),
        ({"slug": "ab"}, "slug", "invalid_slug"),
        ({"slug": "admin"}, "slug", "reserved_slug"),
        ({"accent_color": "red"}, "accent_color", "invalid_colour"),
        ({"name": "x" * 81}, "name", "max_length"),
        ({"join_policy": "lottery"}, "join_policy", "invalid_choice"),
        ({"timezone": "Mars/Olympus"}, "timezone", "invalid_choice"),
        ({"skill_domain": ""}, "skill_domain", "required"),
    ],
)
def test_create_with_bad_input_shows_field_errors_and_saves_nothing(client_for, user, overrides, field, code):
    response = client_for(user).post(CREATE_URL, valid_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].has_error(field, code)
    assert not Community.objects.exists()
    assert b'class="errorlist"' in response.content


@pytest.mark.django_db
def test_create_with_a_taken_slug_shows_an_error(client_for, user):
    factories.CommunityFactory(slug="street-photo")
    response = client_for(user).post(CREATE_URL, valid_data())
    assert response.context["form"].has_error("slug", "unique")
    assert Community.objects.count() == 1


@pytest.mark.django_db
def test_create_refuses_an_oversize_image(client_for, user, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 200
    response = client_for(user).post(CREATE_URL, valid_data(logo=png(size=(64, 64))))
    assert response.context["form"].has_error("logo", "file_too_large")
    assert not Community.objects.exists()


@pytest.mark.django_db
def test_create_refuses_a_text_file_named_png(client_for, user):
    fake = SimpleUploadedFile("logo.png", b"just some text, not an image", content_type="image/png")
    response = client_for(user).post(CREATE_URL, valid_data(cover_image=fake))
    assert response.context["form"].has_error("cover_image", "invalid_image")
    assert not Community.objects.exists()


@pytest.mark.django_db
def test_staff_only_creation_is_refused_with_a_form_error(client_for, user, settings):
    settings.COMMUNITY_CREATION_STAFF_ONLY = True
    client = client_for(user)
    assert b"banner-info" in client.get(CREATE_URL).content
    response = client.post(CREATE_URL, valid_data())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Community.objects.exists()


@pytest.mark.django_db
def test_staff_may_create_when_creation_is_restricted(client_for, settings):
    settings.COMMUNITY_CREATION_STAFF_ONLY = True
    staff = factories.UserFactory(is_staff=True)
    response = client_for(staff).post(CREATE_URL, valid_data())
    assert response.status_code == 302
    assert Community.objects.filter(slug="street-photo").exists()


@pytest.mark.django_db
def test_create_form_starts_from_the_creators_language_and_time_zone(client):
    user = factories.UserFactory(timezone="Asia/Shanghai")
    client.force_login(user)
    response = client.get(reverse("communities:create"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    form = response.context["form"]
    assert (form["language"].value(), form["timezone"].value()) == ("zh-hans", "Asia/Shanghai")

"""/me/settings/ and /me/language/."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.accounts.helpers import error_codes, png_upload

SETTINGS_URL = reverse("accounts:settings")
LANGUAGE_URL = reverse("accounts:set_language")


def valid_data(**overrides):
    return {"display_name": "Ada L.", "language": "", "timezone": "Europe/Paris", **overrides}


@pytest.mark.django_db
def test_settings_page_requires_login(client):
    response = client.get(SETTINGS_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_settings_form_shows_current_values(user_client, user):
    user.timezone = "Asia/Tokyo"
    user.save()
    form = user_client.get(SETTINGS_URL).context["form"]
    assert form["timezone"].value() == "Asia/Tokyo"


@pytest.mark.django_db
def test_settings_saves_valid_input(user_client, user):
    data = valid_data(language="zh-hans", avatar=png_upload())
    response = user_client.post(SETTINGS_URL, data)

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.language, user.timezone) == ("Ada L.", "zh-hans", "Europe/Paris")
    assert user.avatar.name.startswith("avatars/")
    assert user.avatar.storage.exists(user.avatar.name)
    follow = user_client.get(response["Location"])
    assert [m.level_tag for m in follow.context["messages"]] == ["success"]


@pytest.mark.django_db
def test_settings_clear_avatar_removes_the_file(user_client, user, django_capture_on_commit_callbacks):
    user_client.post(SETTINGS_URL, valid_data(avatar=png_upload()))
    user.refresh_from_db()
    old_name, storage = user.avatar.name, user.avatar.storage

    with django_capture_on_commit_callbacks(execute=True):
        response = user_client.post(SETTINGS_URL, valid_data(**{"avatar-clear": "on"}))

    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.avatar
    assert not storage.exists(old_name)


@pytest.mark.django_db
def test_settings_keep_a_timezone_outside_the_common_list(user_client, user):
    user.timezone = "Etc/GMT+5"
    user.save()
    response = user_client.post(SETTINGS_URL, valid_data(timezone="Etc/GMT+5"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.timezone == "Etc/GMT+5"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone", "invalid_choice"),
        ({"language": "tlh"}, "language", "invalid_choice"),
        ({"display_name": "x" * 81}, "display_name", "max_length"),
        (
            {"avatar": SimpleUploadedFile("avatar.png", b"just some text", content_type="image/png")},
            "avatar",
            "invalid_image",
        ),
        ({"avatar": png_upload(image_format="BMP")}, "avatar", "invalid_image_format"),
    ],
)
def test_settings_refuses_bad_input_without_saving(user_client, user, overrides, field, code):
    response = user_client.post(SETTINGS_URL, valid_data(**overrides))

    assert response.status_code == 200
    assert error_codes(response.context["form"], field) == [code]
    assert b'class="errorlist"' in response.content
    user.refresh_from_db()
    assert (user.display_name, user.timezone, user.avatar.name) == ("", "UTC", "")


@pytest.mark.django_db
def test_settings_refuses_an_oversize_avatar(user_client, user, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 200
    response = user_client.post(SETTINGS_URL, valid_data(avatar=png_upload(size=(200, 200))))

    assert response.status_code == 200
    assert error_codes(response.context["form"], "avatar") == ["file_too_large"]
    user.refresh_from_db()
    assert not user.avatar
    assert user.display_name == ""


@pytest.mark.django_db
def test_set_language_saves_it_on_the_account_and_switches_pages(user_client, user):
    response = user_client.post(LANGUAGE_URL, {"language": "zh-hans", "next": SETTINGS_URL})

    assert response.status_code == 302
    assert response["Location"] == SETTINGS_URL
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    user.refresh_from_db()
    assert user.language == "zh-hans"
    page = user_client.get(SETTINGS_URL)
    assert b'<html lang="zh-hans">' in page.content


@pytest.mark.django_db
def test_saved_language_follows_the_user_to_a_new_device(client, user):
    user.language = "zh-hans"
    user.save()
    client.force_login(user)  # a fresh client: no language cookie
    page = client.get(SETTINGS_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert b'<html lang="zh-hans">' in page.content


@pytest.mark.django_db
def test_set_language_for_an_anonymous_visitor_uses_the_cookie(client):
    response = client.post(LANGUAGE_URL, {"language": "zh-hans", "next": reverse("account_login")})
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    page = client.get(response["Location"])
    assert b'<html lang="zh-hans">' in page.content


@pytest.mark.django_db
def test_set_language_ignores_an_off_site_next(user_client):
    response = user_client.post(LANGUAGE_URL, {"language": "zh-hans", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_set_language_refuses_an_unknown_language(user_client, user):
    response = user_client.post(LANGUAGE_URL, {"language": "tlh", "next": SETTINGS_URL})
    assert response.status_code == 302
    assert django_settings.LANGUAGE_COOKIE_NAME not in response.cookies
    user.refresh_from_db()
    assert user.language == ""
    page = user_client.get(SETTINGS_URL)
    assert [m.level_tag for m in page.context["messages"]] == ["error"]


@pytest.mark.django_db
def test_set_language_blank_follows_the_browser_again(user_client, user):
    user.language = "zh-hans"
    user.save()
    response = user_client.post(LANGUAGE_URL, {"language": "", "next": SETTINGS_URL})
    user.refresh_from_db()
    assert user.language == ""
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    page = user_client.get(SETTINGS_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert b'<html lang="en">' in page.content


@pytest.mark.django_db
def test_set_language_is_post_only(user_client):
    assert user_client.get(LANGUAGE_URL).status_code == 405


@pytest.mark.django_db
def test_changing_language_in_settings_switches_the_next_page(user_client, user):
    response = user_client.post(SETTINGS_URL, valid_data(language="zh-hans"))
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    page = user_client.get(response["Location"])
    assert b'<html lang="zh-hans">' in page.content

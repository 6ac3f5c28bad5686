"""The base layout: the header menu, the flash messages' markup, avatars and the favicon."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from communities.avatars import colour_class, initials
from tests import factories


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Olivia Owner", "OO"), ("mei", "M"), ("刘洋", "刘"), ("  ", "?"), ("Ana de la Cruz", "AD"), ("", "?")],
)
def test_initials(name, expected):
    assert initials(name) == expected


def test_a_person_keeps_one_colour():
    assert colour_class("刘洋") == colour_class("刘洋")
    assert re.fullmatch(r"avatar-c[0-5]", colour_class("Olivia Owner"))


@pytest.mark.django_db
def test_avatar_shows_the_picture_else_the_initials(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    template = Template("{% avatar user name %}")
    plain = factories.UserFactory(display_name="Olivia Owner")
    html = template.render(Context({"user": plain, "name": plain.name}))
    assert 'aria-hidden="true">OO</span>' in html and "<img" not in html
    pictured = factories.UserFactory()
    pictured.avatar = SimpleUploadedFile("a.png", b"x", content_type="image/png")
    pictured.avatar.name = "avatars/a.png"
    html = template.render(Context({"user": pictured, "name": "x"}))
    assert '<img class="avatar avatar-sm" src="/media/avatars/a.png" alt=""' in html


@pytest.mark.django_db
def test_favicon_is_served_at_the_root_with_its_type(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    page = client.get(reverse("communities:directory")).content.decode()
    assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in page


@pytest.mark.django_db
def test_header_names_the_user_by_display_name_and_folds_behind_a_menu_button(client):
    user = factories.UserFactory(display_name="刘洋")
    client.force_login(user)
    page = client.get(reverse("communities:directory")).content.decode()
    assert '<button type="button" class="menu-toggle btn btn-secondary" aria-expanded="false"' in page
    assert 'aria-controls="site-menu"' in page and 'id="site-menu"' in page
    summary = page[page.index("<summary>") : page.index("</summary>")]
    assert "刘洋" in summary and user.username not in summary
    assert '<script src="/static/js/guildhall.js" defer>' in page


@pytest.mark.django_db
def test_flash_messages_are_a_plain_list_inside_a_live_region():
    """A role on the <ul> itself would strip its list semantics (axe: list, listitem)."""
    request = RequestFactory().get("/")
    request.session = {}
    request.user = AnonymousUser()
    request.csp_nonce = "n"
    request._messages = FallbackStorage(request)
    request._messages.add(constants.SUCCESS, "Saved.")
    page = render_to_string("404.html", request=request)
    region = page[page.index('<div class="messages-region" role="status">') :]
    assert re.match(
        r'<div class="messages-region" role="status">\s*<ul class="messages">\s*'
        r'<li class="message-success">Saved.</li>',
        region,
    )

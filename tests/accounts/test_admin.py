"""Django admin for users and API tokens."""

import pytest
from django.urls import reverse

from accounts.models import ApiToken, User
from tests import factories


@pytest.fixture
def admin_client(client, db):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.django_db
def test_token_changelist_never_shows_the_key_hash(admin_client, make_token):
    token, key = make_token(factories.UserFactory(), name="export")
    response = admin_client.get(reverse("admin:accounts_apitoken_changelist"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "export" in content
    assert token.key_hash not in content
    assert key not in content
    detail = admin_client.get(reverse("admin:accounts_apitoken_change", args=[token.pk])).content.decode()
    assert token.key_hash not in detail


@pytest.mark.django_db
def test_token_changelist_search_and_status_filter(admin_client, make_token):
    active, _ = make_token(factories.UserFactory(username="grace"), name="alpha")
    revoked, _ = make_token(factories.UserFactory(username="linus"), name="beta")
    revoked.revoked_at = revoked.created_at
    revoked.save()
    url = reverse("admin:accounts_apitoken_changelist")

    assert list(admin_client.get(url, {"q": "grace"}).context["cl"].result_list) == [active]
    assert list(admin_client.get(url, {"status": "revoked"}).context["cl"].result_list) == [revoked]
    assert list(admin_client.get(url, {"status": "active"}).context["cl"].result_list) == [active]


@pytest.mark.django_db
def test_admin_revoke_action_calls_the_service(admin_client, make_token):
    first, _ = make_token(factories.UserFactory())
    second, _ = make_token(factories.UserFactory())
    response = admin_client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert ApiToken.objects.filter(revoked_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_admin_cannot_add_tokens(admin_client):
    assert admin_client.get(reverse("admin:accounts_apitoken_add")).status_code == 403


@pytest.mark.django_db
def test_user_admin_edits_profile_fields_and_searches_display_name(admin_client):
    user = factories.UserFactory(display_name="Ada Lovelace")
    change = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert change.status_code == 200
    assert {"display_name", "avatar", "language", "timezone"} <= set(change.context["adminform"].form.fields)
    changelist = admin_client.get(reverse("admin:accounts_user_changelist"), {"q": "Lovelace"})
    assert list(changelist.context["cl"].result_list) == [user]


@pytest.mark.django_db
def test_admin_adds_a_user(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {"username": "newbie", "password1": "long-enough-pw-77", "password2": "long-enough-pw-77"},
    )
    assert response.status_code == 302
    assert User.objects.get(username="newbie").check_password("long-enough-pw-77")

"""/me/tokens/: list, create (key shown once), revoke."""

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import ApiToken
from tests import factories
from tests.accounts.helpers import error_codes

TOKENS_URL = reverse("accounts:tokens")


def revoke_url(token):
    return reverse("accounts:token-revoke", args=[token.pk])


@pytest.mark.django_db
def test_tokens_page_requires_login(client):
    response = client.get(TOKENS_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_create_shows_the_key_once(user_client, user):
    response = user_client.post(TOKENS_URL, {"name": "CI export"})

    assert response.status_code == 200
    key = response.context["key"]
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == ApiToken.hash_key(key)
    content = response.content.decode()
    assert key in content
    assert f'curl -H "Authorization: Token {key}" http://testserver/api/v1/me/' in content
    assert "no-store" in response["Cache-Control"]

    listing = user_client.get(TOKENS_URL).content.decode()
    assert "CI export" in listing
    assert token.prefix in listing
    assert key not in listing


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "code"), [("", "required"), ("x" * 81, "max_length")])
def test_create_refuses_a_bad_name(user_client, user, name, code):
    response = user_client.post(TOKENS_URL, {"name": name})
    assert response.status_code == 200
    assert error_codes(response.context["form"], "name") == [code]
    assert not ApiToken.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_create_beyond_the_active_token_limit_shows_the_error(user_client, user, monkeypatch):
    monkeypatch.setattr(services, "MAX_ACTIVE_TOKENS", 1)
    services.token_create(user=user, name="first")
    response = user_client.post(TOKENS_URL, {"name": "second"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert ApiToken.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_revoke(user_client, user, make_token):
    token, _key = make_token(user)
    response = user_client.post(revoke_url(token))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    listing = user_client.get(TOKENS_URL)
    assert [m.level_tag for m in listing.context["messages"]] == ["success"]
    assert revoke_url(token) not in listing.content.decode()  # no revoke button on a revoked token


@pytest.mark.django_db
def test_revoking_another_users_token_is_404(user_client, make_token):
    token, _key = make_token(factories.UserFactory())
    assert user_client.post(revoke_url(token)).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_revoke_is_post_only(user_client, user, make_token):
    token, _key = make_token(user)
    assert user_client.get(revoke_url(token)).status_code == 405


@pytest.mark.django_db
def test_token_list_query_count_is_constant(user_client, user, make_token, django_assert_max_num_queries):
    for index in range(8):
        make_token(user, name=f"token {index}")
    make_token(factories.UserFactory(), name="someone else's")
    with django_assert_max_num_queries(4):
        response = user_client.get(TOKENS_URL)
    assert len(response.context["tokens"]) == 8


@pytest.mark.django_db
def test_revoking_twice_says_so(user_client, user, make_token):
    token, _key = make_token(user)
    user_client.post(revoke_url(token))
    response = user_client.post(revoke_url(token), follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["success", "info"]

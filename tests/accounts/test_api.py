"""/api/v1/me/ and /api/v1/tokens/, and `Authorization: Token <key>`."""

import pytest
from django.urls import reverse

from accounts.models import ApiToken
from communities.api.throttling import AuthRateThrottle
from tests import factories

ME_URL = reverse("api:me")
TOKENS_URL = reverse("api:token-list")


def token_url(token_id):
    return reverse("api:token-detail", args=[token_id])


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code, body
    return body


@pytest.mark.django_db
def test_me_requires_authentication(api_client_for):
    assert_error(api_client_for(None).get(ME_URL), 401, "not_authenticated")


@pytest.mark.django_db
def test_me_returns_my_profile(api_client_for, user):
    body = api_client_for(user).get(ME_URL).json()
    assert body == {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "display_name": "",
        "language": "",
        "timezone": "UTC",
        "avatar": None,
    }


@pytest.mark.django_db
def test_patch_me_updates_preferences(api_client_for, user):
    response = api_client_for(user).patch(
        ME_URL, {"display_name": "Ada", "language": "zh-hans", "timezone": "Asia/Shanghai"}
    )
    assert response.status_code == 200
    assert response.json()["timezone"] == "Asia/Shanghai"
    user.refresh_from_db()
    assert (user.display_name, user.language, user.timezone) == ("Ada", "zh-hans", "Asia/Shanghai")


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["email", "avatar", "username", "is_staff", "nickname"])
def test_patch_me_refuses_fields_it_does_not_accept(api_client_for, user, field):
    body = assert_error(
        api_client_for(user).patch(ME_URL, {"display_name": "Ada", field: "x@evil.test"}),
        400,
        "unknown_field",
    )
    assert list(body["fields"]) == [field]
    user.refresh_from_db()
    assert (user.display_name, user.email) != ("Ada", "x@evil.test")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone", "invalid_timezone"),
        ({"language": "tlh"}, "language", "invalid_choice"),
        ({"display_name": "x" * 81}, "display_name", "max_length"),
    ],
)
def test_patch_me_refuses_bad_input_with_field_messages(api_client_for, user, data, field, code):
    body = assert_error(api_client_for(user).patch(ME_URL, {"display_name": "Ada", **data}), 400, code)
    assert list(body["fields"]) == [field]
    user.refresh_from_db()
    assert (user.display_name, user.language, user.timezone) == ("", "", "UTC")


@pytest.mark.django_db
def test_put_on_me_is_not_allowed(api_client_for, user):
    assert api_client_for(user).put(ME_URL, {"display_name": "Ada"}).status_code == 405


@pytest.mark.django_db
def test_token_lifecycle(session_api_client, token_client, user):
    session = session_api_client(user)
    created = session.post(TOKENS_URL, {"name": "CI"})
    assert created.status_code == 201
    body = created.json()
    key = body["key"]
    assert body["prefix"] == key[: ApiToken.PREFIX_LENGTH]
    assert body["name"] == "CI"

    listed = session.get(TOKENS_URL).json()
    assert [t["name"] for t in listed["results"]] == ["CI"]
    assert "key" not in listed["results"][0]
    assert key not in str(listed)

    assert token_client(key).get(ME_URL).json()["id"] == user.pk
    assert ApiToken.objects.get(pk=body["id"]).last_used_at is not None

    assert session.delete(token_url(body["id"])).status_code == 204
    assert_error(token_client(key).get(ME_URL), 401, "authentication_failed")


@pytest.mark.django_db
def test_a_token_cannot_manage_tokens(token_client, user, make_token):
    """A leaked token must not mint tokens that outlive its revocation, nor list or revoke any."""
    token, key = make_token(user)
    client = token_client(key)
    assert_error(client.post(TOKENS_URL, {"name": "backdoor"}), 403, "session_required")
    assert_error(client.get(TOKENS_URL), 403, "session_required")
    assert_error(client.delete(token_url(token.pk)), 403, "session_required")
    assert list(ApiToken.objects.filter(user=user)) == [token]
    assert token.is_active


@pytest.mark.django_db
def test_create_token_refuses_unknown_fields(session_api_client, user):
    response = session_api_client(user).post(TOKENS_URL, {"name": "CI", "user": 1, "expires": "never"})
    body = assert_error(response, 400, "unknown_field")
    assert set(body["fields"]) == {"user", "expires"}
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_unknown_token_is_401(token_client):
    assert_error(token_client("not-a-real-key").get(ME_URL), 401, "authentication_failed")


@pytest.mark.django_db
def test_revoking_another_users_token_is_404(api_client_for, user, make_token):
    token, _key = make_token(factories.UserFactory())
    assert_error(api_client_for(user).delete(token_url(token.pk)), 404, "token_not_found")
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_revoking_twice_is_404(api_client_for, user, make_token):
    token, _key = make_token(user)
    client = api_client_for(user)
    assert client.delete(token_url(token.pk)).status_code == 204
    assert_error(client.delete(token_url(token.pk)), 404, "token_not_found")


@pytest.mark.django_db
def test_list_shows_only_my_tokens(api_client_for, user, make_token):
    make_token(user, name="mine")
    make_token(factories.UserFactory(), name="theirs")
    body = api_client_for(user).get(TOKENS_URL).json()
    assert [t["name"] for t in body["results"]] == ["mine"]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "code"), [("", "blank"), ("x" * 81, "max_length"), (None, "null")])
def test_create_refuses_a_bad_name(api_client_for, user, name, code):
    body = assert_error(api_client_for(user).post(TOKENS_URL, {"name": name}), 400, code)
    assert list(body["fields"]) == ["name"]
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_create_requires_authentication(api_client_for):
    assert api_client_for(None).post(TOKENS_URL, {"name": "CI"}).status_code == 401
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_token_creation_is_throttled(api_client_for, user, monkeypatch):
    monkeypatch.setattr(AuthRateThrottle, "rate", "2/min", raising=False)
    client = api_client_for(user)
    statuses = [client.post(TOKENS_URL, {"name": f"t{i}"}).status_code for i in range(3)]
    assert statuses == [201, 201, 429]


@pytest.mark.django_db
def test_token_list_query_count_is_constant(
    session_api_client, user, make_token, django_assert_max_num_queries
):
    for index in range(11):
        make_token(user, name=f"token {index}")
    client = session_api_client(user)
    with django_assert_max_num_queries(4):  # session, user, count, page
        response = client.get(TOKENS_URL)
    assert response.json()["count"] == 11

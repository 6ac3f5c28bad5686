import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts import services
from tests import factories


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth rate limits and DRF throttles count in the cache; start each test from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    """A user whose email address is verified, so allauth lets them log in."""
    user = factories.UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.fixture
def user_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def make_token():
    """`make_token(user, name)` -> (token, key) through the service."""

    def make(user, name="script"):
        return services.token_create(user=user, name=name)

    return make


@pytest.fixture
def token_client():
    """`token_client(key)`: an API client sending `Authorization: Token <key>`."""

    def make(key):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make


@pytest.fixture
def session_api_client():
    """`session_api_client(user)`: an API client signed in with a website session (not a token)."""

    def make(user):
        client = APIClient()
        client.force_login(user)
        return client

    return make

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from communities import services
from tests import factories


@pytest.fixture
def browser(db):
    """`browser(language, user=None, via="cookie")`: a client asking for `language` through the language
    cookie (what the switcher sets) or the Accept-Language header, logged in as `user` when given."""

    def make(language, user=None, via="cookie"):
        if via == "cookie":
            client = Client()
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        else:
            client = Client(headers={"accept-language": language})
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def api(db):
    """`api(language, user=None)`: an API client sending Accept-Language, authenticated as `user`."""

    def make(language, user=None):
        client = APIClient(headers={"accept-language": language})
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def club_owner(db):
    """The owner of a public, open community that has published one rule."""
    user = factories.UserFactory(username="ada")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    community = services.community_create(
        actor=user, slug="lens-club", name="Lens Club", skill_domain="photography"
    )
    services.rule_create(actor=user, community=community, category="conduct", title="Be kind")
    return user


@pytest.fixture
def club(club_owner):
    return club_owner.memberships.get().community


@pytest.fixture
def outsider(db):
    return factories.UserFactory(username="grace")


@pytest.fixture
def visitor(club_owner, outsider):
    """`visitor(who)`: None (anonymous), "owner" (the club's owner) or "outsider" (a user of no community)."""
    return {None: None, "owner": club_owner, "outsider": outsider}.get

import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a browser client logged in as `user` (anonymous when None)."""

    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def writer(community):
    """A plain member at trust level 3 (no link or image limits)."""
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role="expert").user

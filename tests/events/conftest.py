import pytest
from django.test import Client


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a browser client logged in as `user` (anonymous when None)."""

    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make

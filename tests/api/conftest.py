import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from tests import factories


@pytest.fixture
def private_community(db):
    return factories.CommunityFactory(visibility="private", join_policy="invitation")


@pytest.fixture
def outsider(db):
    """An account with an active membership elsewhere only."""
    return factories.member().user


@pytest.fixture
def wsgi_app():
    """The project's WSGI app, for requests made through another client (schemathesis, httpx).

    Like Django's test client, it keeps the request signals from closing the database connection, which
    holds the test's transaction (on PostgreSQL a closed connection fails every later query).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)

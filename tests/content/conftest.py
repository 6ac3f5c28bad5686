import pytest

from tests import factories
from tests.content import pages


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a browser client logged in as `user` (anonymous when None)."""

    return pages.client_for


@pytest.fixture
def writer(community):
    """A plain member at trust level 3 (no link or image limits)."""
    return factories.member(community=community, trust_level=3).user


@pytest.fixture
def expert(community):
    return factories.member(community=community, role="expert").user

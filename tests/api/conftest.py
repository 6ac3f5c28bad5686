import pytest

from tests import factories


@pytest.fixture
def private_community(db):
    return factories.CommunityFactory(visibility="private", join_policy="invitation")


@pytest.fixture
def outsider(db):
    """An account with an active membership elsewhere only."""
    return factories.member().user

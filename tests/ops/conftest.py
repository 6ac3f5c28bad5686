import pytest

from tests import factories


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client_for(client, superuser):
    client.force_login(superuser)
    return client

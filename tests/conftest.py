import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from communities import fragments
from tests import citus, factories


def pytest_addoption(parser):
    parser.addoption(
        "--citus",
        action="store_true",
        help="fail unless DATABASE_URL names a Citus database (make test-citus)",
    )


@pytest.fixture(scope="session")
def citus_workers(request, django_db_modify_db_settings):
    """The Citus workers of the database `DATABASE_URL` names, [] when it is not a Citus database."""
    workers = citus.cluster_workers(django_settings.DATABASES["default"])
    if request.config.getoption("citus") and not workers:
        pytest.exit("--citus: DATABASE_URL does not name a Citus database with workers", returncode=2)
    return workers


@pytest.fixture(scope="session")
def django_db_createdb(request, citus_workers):
    # On Citus, `django_db_keepdb` below (re)creates the test database on every node.
    return request.config.getvalue("create_db") and not citus_workers


@pytest.fixture(scope="session")
def django_db_keepdb(request, citus_workers):
    """On Citus, create the test database on every node first (tests/citus.py), then let Django keep it."""
    reuse = request.config.getvalue("reuse_db")
    if not citus_workers:
        yield reuse
        return
    database = django_settings.DATABASES["default"]
    name = citus.test_database_name(database)
    fresh = not reuse or request.config.getvalue("create_db")
    with citus.cluster_lock(database):
        citus.create_database(
            database, citus_workers, name, reuse=not fresh, shard_count=citus.TEST_SHARD_COUNT
        )
    yield True
    if not reuse:
        with citus.cluster_lock(database):
            citus.drop_database(database, citus_workers, name)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, citus_workers, django_db_blocker):
    """pytest-django's set-up (create, migrate), then on Citus `manage.py distribute`."""
    if citus_workers:
        with django_db_blocker.unblock(), citus.cluster_lock(django_settings.DATABASES["default"]):
            call_command("distribute", verbosity=0)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.SECURE_SSL_REDIRECT = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.COMMUNITY_FILES_ROOT = tmp_path / "community-files"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test gets an empty process-local cache: with REDIS_URL set (CI), a cache shared across tests
    # and xdist workers would carry guards such as the daily-visit key from one test into another.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # One process, one cache: the member lists are kept in it under their version as with Redis, so
    # every test that writes and then reads a list checks the version's invalidation too.
    settings.FRAGMENT_CACHE_VERSIONED = True
    cache.clear()
    fragments.local.clear()


@pytest.fixture
def api_client_for():
    """`api_client_for(user)`: an API client logged in as `user` (anonymous when None)."""

    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def community(db):
    return factories.CommunityFactory()


@pytest.fixture
def member_factory(db):
    return factories.member


@pytest.fixture
def owner(community):
    return factories.member(community=community, role="owner").user

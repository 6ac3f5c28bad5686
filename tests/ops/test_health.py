import os

import pytest
from django.db.utils import OperationalError

from config import health

pytestmark = pytest.mark.django_db


class _BrokenConnection:
    def cursor(self):
        raise OperationalError("connection refused")


class _ForgetfulCache:
    def set(self, key, value, timeout=None):
        pass

    def get(self, key, default=None):
        return default


def test_healthy_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["checks"]["broker"] in {"ok", "eager"}
    assert "no-cache" in response["Cache-Control"]


def test_database_failure_is_503(client, monkeypatch):
    monkeypatch.setattr(health, "connection", _BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"] == "error: OperationalError"
    assert body["checks"]["cache"] == "ok"


def test_unreachable_broker_is_503(client, settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Port 1 on the loopback refuses connections: a real connection attempt that fails fast.
    monkeypatch.setitem(health.celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(health.celery_app.conf, "broker_write_url", None)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["broker"].startswith("error: ")
    assert body["checks"]["database"] == "ok"


def test_cache_that_loses_values_is_503(client, monkeypatch):
    monkeypatch.setattr(health, "cache", _ForgetfulCache())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("error")


def test_only_get_is_allowed(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL")
def test_healthy_against_the_real_redis_cache_and_broker(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    body = client.get("/healthz").json()
    assert body["checks"] == {"database": "ok", "cache": "ok", "broker": "ok"}

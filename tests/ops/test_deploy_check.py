"""`manage.py check --deploy` passes with production variables, and refuses the embedded SECRET_KEY."""

import os
import secrets
import subprocess
import sys

from django.conf import settings as django_settings

from config.checks import secret_key_is_not_the_default
from config.settings import DEFAULT_SECRET_KEY

PRODUCTION_ENV = {
    "ALLOWED_HOSTS": "guildhall.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://guildhall.example.com",
}


def _check_deploy(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = _check_deploy(SECRET_KEY=secrets.token_urlsafe(50), **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_on_the_embedded_secret_key():
    result = _check_deploy(**PRODUCTION_ENV)
    assert result.returncode != 0
    assert "guildhall.E001" in result.stderr


def test_default_secret_key_is_an_error_when_debug_is_off(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = DEFAULT_SECRET_KEY
    assert [error.id for error in secret_key_is_not_the_default(None)] == ["guildhall.E001"]


def test_default_secret_key_is_fine_in_development(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = DEFAULT_SECRET_KEY
    assert secret_key_is_not_the_default(None) == []


def test_own_secret_key_passes(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = secrets.token_urlsafe(50)
    assert secret_key_is_not_the_default(None) == []

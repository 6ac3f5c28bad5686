"""Project system checks, run by `manage.py check` (the deploy-tagged ones only with `--deploy`)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def secret_key_is_not_the_default(app_configs, **kwargs):
    """guildhall.E001: production must not run on the development SECRET_KEY embedded in settings."""
    from config.settings import DEFAULT_SECRET_KEY

    if not settings.DEBUG and settings.SECRET_KEY == DEFAULT_SECRET_KEY:
        return [
            checks.Error(
                "SECRET_KEY is the development default embedded in config/settings.py.",
                hint="Set the SECRET_KEY environment variable to a long random value.",
                id="guildhall.E001",
            )
        ]
    return []

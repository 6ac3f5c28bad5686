"""The project's own apps and models, for the tests that walk every one of them (a new app or model is
covered without editing a list elsewhere)."""

from django.apps import apps
from django.db import models

# Apps whose models, forms and serializers are the project's own (not Django's, allauth's or the demo's).
PROJECT_APPS = (
    "accounts",
    "communities",
    "members",
    "content",
    "events",
    "learning",
    "analytics",
    "partnerships",
)


def project_models() -> list[type[models.Model]]:
    return [model for app in PROJECT_APPS for model in apps.get_app_config(app).get_models()]

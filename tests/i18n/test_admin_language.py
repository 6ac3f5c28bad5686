"""The Django admin in Chinese: every model and field of the project's apps has a translated name, the
admin is branded Guildhall, and each app is one section with a translated name."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from tests import factories

PROJECT_APPS = ["accounts", "communities", "members", "analytics"]
HAN = re.compile(r"[\u4e00-\u9fff]")


def translated(text) -> bool:
    with translation.override("zh-hans"):
        return bool(HAN.search(str(text)))


def project_models():
    return [model for label in PROJECT_APPS for model in apps.get_app_config(label).get_models()]


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_every_model_and_field_has_a_chinese_name(model):
    meta = model._meta
    names = ("verbose_name", "verbose_name_plural")
    missing = [name for name in names if not translated(getattr(meta, name))]
    for field in meta.get_fields(include_hidden=False):
        if field.auto_created or isinstance(field, GenericForeignKey):
            continue  # a generic relation is not a column and shows nowhere under its own name
        if not translated(field.verbose_name):
            missing.append(field.name)
    assert not missing, f"{meta.label}: {missing}"


@pytest.mark.parametrize("label", [*PROJECT_APPS, "content", "events", "learning", "partnerships", "demo"])
def test_every_app_has_a_chinese_name(label):
    assert translated(apps.get_app_config(label).verbose_name)


def test_no_two_apps_share_a_section_name():
    with translation.override("zh-hans"):
        names = [str(config.verbose_name) for config in apps.get_app_configs()]
    assert len(names) == len(set(names)), sorted(names)


@pytest.mark.django_db
def test_admin_is_branded_and_in_chinese(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True, language="zh-hans"))
    page = client.get(reverse("admin:index")).content.decode()
    assert "Guildhall" in page and "Django" not in page
    with translation.override("zh-hans"):
        for model in admin.site._registry:
            assert str(capfirst(model._meta.verbose_name_plural)) in page, model

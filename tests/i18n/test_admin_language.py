"""The Django admin in Chinese: every model and field of the project's apps has a translated name, the
admin is branded Guildhall, and each app is one section with a translated name."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.test import RequestFactory
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


# Names, acronyms and keys kept in English; a language named in its own script ("English"); Django's
# hint about the Control / Command keys on a Mac.
ALLOWED_LATIN = {"Guildhall", "API", "Markdown", "ID", "URL", "CSV", "JSON", "UTC", "English"}
ALLOWED_LATIN |= {"Control", "Command", "Mac", "com", "example"}


def latin_words(html: str) -> set[str]:
    """Words in Latin script a reader sees (text and titles), minus names and acronyms kept in English."""
    html = re.sub(r"(?s)<!--.*?-->|&\w+;", " ", html)
    html = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", html)
    text = re.sub(r"(?s)<[^>]+>", " ", html)
    return {word for word in re.findall(r"\b[A-Za-z][a-z]{2,}\b", text) if word not in ALLOWED_LATIN}


@pytest.mark.django_db
def test_every_admin_changelist_and_form_reads_in_chinese(client):
    staff = factories.UserFactory(is_staff=True, is_superuser=True, language="zh-hans", username="root")
    community = factories.CommunityFactory(name="摄影社", slug="sheying")
    factories.member(community=community, user=staff)
    client.force_login(staff)
    request = RequestFactory().get("/admin/")
    request.user = staff
    english = {}
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        pages = [reverse(f"admin:{info}_changelist")]
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"admin:{info}_add"))
        row = model.objects.first()
        if row is not None:
            pages.append(reverse(f"admin:{info}_change", args=[row.pk]))
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            words = latin_words(response.content.decode()) - {"sheying", "root"}
            if words:
                english[page] = sorted(words)
    assert not english, "\n".join(f"{page}: {words}" for page, words in english.items())

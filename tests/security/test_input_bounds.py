"""Every integer a client may send has bounds a database column holds, on every path it can arrive by.

PostgreSQL's `integer` column holds up to 2**31 - 1; a larger value that reaches the database is a 500 (and
SQLite silently stores it). The walks below find the fields themselves, so a field added later without
bounds fails here.
"""

import importlib
import pkgutil

import django_filters
import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.urls import reverse
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.validators import INT32_MAX
from content.services import critiques as critique_services
from learning.services import resources as resource_services
from members.models import MemberTag
from tests import factories
from tests.content.helpers import discussion_ids
from tests.events import attendance_helpers
from tests.events.competition_helpers import competition_rows
from tests.learning.helpers import learning_rows
from tests.project import PROJECT_APPS

TOO_BIG = 2**31
NEGATIVE = -1


def _import_all(package_name: str) -> None:
    """Import `package_name` and its submodules (if it exists), so their classes are defined."""
    try:
        package = importlib.import_module(package_name)
    except ModuleNotFoundError:
        return
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), prefix=f"{package_name}."):
        importlib.import_module(info.name)


def _subclasses(cls) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def _integer_fields(serializer, path=""):
    """(dotted name, field) of every writable integer field, through nested serializers and lists."""
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        dotted = f"{path}{name}"
        if isinstance(field, serializers.ListSerializer):
            yield from _integer_fields(field.child, f"{dotted}[].")
        elif isinstance(field, serializers.BaseSerializer):
            yield from _integer_fields(field, f"{dotted}.")
        elif isinstance(field, serializers.ListField):
            if isinstance(field.child, serializers.IntegerField):
                yield f"{dotted}[]", field.child
        elif isinstance(field, serializers.IntegerField):
            yield dotted, field


def input_serializers() -> list[type]:
    for app in PROJECT_APPS:
        _import_all(f"{app}.api")
    return sorted(
        {cls for cls in _subclasses(StrictInputMixin) if issubclass(cls, serializers.Serializer)},
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


def test_the_walk_finds_the_input_serializers():
    names = {cls.__name__ for cls in input_serializers()}
    assert {"InvitationInputSerializer", "ModerationSettingsSerializer", "RuleInputSerializer"} <= names


@pytest.mark.parametrize("serializer_class", input_serializers(), ids=lambda cls: cls.__name__)
def test_every_integer_of_every_input_serializer_is_bounded(serializer_class):
    """-1 and 2**31 are refused; object ids (bigint keys) take 2**31 but refuse 2**63."""
    for name, field in _integer_fields(serializer_class()):
        too_big = 2**63 if isinstance(field, IdField) else TOO_BIG
        for value in (too_big, NEGATIVE):
            with pytest.raises(serializers.ValidationError):
                field.run_validation(value)
                pytest.fail(f"{name} accepted {value}")


def _model_integer_fields():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if (
                getattr(field, "editable", False)
                and not field.auto_created
                and field.get_internal_type().endswith("IntegerField")
            ):
                yield f"{model._meta.label}.{field.name}", field


def test_every_editable_integer_model_field_has_explicit_bounds():
    """The model's own validators bound the value on SQLite too (Django's are the backend's range)."""
    fields = dict(_model_integer_fields())
    assert "members.Invitation.max_uses" in fields
    for name, field in fields.items():
        highs = [v.limit_value for v in field._validators if isinstance(v, MaxValueValidator)]
        lows = [v.limit_value for v in field._validators if isinstance(v, MinValueValidator)]
        assert highs and max(highs) <= INT32_MAX, name
        assert lows and min(lows) >= 0, name


def _html_forms() -> list[type]:
    for app in PROJECT_APPS:
        _import_all(f"{app}.forms")
    found = {
        cls
        for cls in _subclasses(forms.BaseForm)
        if cls.__module__.split(".")[0] in PROJECT_APPS and hasattr(cls, "base_fields")
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


@pytest.mark.parametrize("form_class", _html_forms(), ids=lambda cls: cls.__name__)
def test_every_integer_of_every_html_form_is_bounded(form_class):
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    for name, field in form_class.base_fields.items():
        if not isinstance(field, forms.IntegerField):
            continue
        if model is not None and name in {f.name for f in model._meta.get_fields()}:
            continue  # a model form field: the model's validators run in the form (walk above)
        for value in (str(TOO_BIG), str(NEGATIVE)):
            with pytest.raises(ValidationError):
                field.clean(value)


def _filtersets() -> list[type]:
    for app in PROJECT_APPS:
        _import_all(f"{app}.forms")
        _import_all(f"{app}.api")
    return sorted(
        (
            cls
            for cls in _subclasses(django_filters.FilterSet)
            if cls.__module__.split(".")[0] in PROJECT_APPS
        ),
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


@pytest.mark.parametrize("filterset_class", _filtersets(), ids=lambda cls: cls.__name__)
def test_every_number_in_a_query_string_is_bounded(filterset_class):
    """A query-string number reaches a lookup: beyond bigint it overflowed into a 500."""
    for name, query_filter in filterset_class.base_filters.items():
        if isinstance(query_filter.field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            for value in (str(2**63), str(NEGATIVE)):
                with pytest.raises(ValidationError):
                    query_filter.field.clean(value)
                    pytest.fail(f"{name} accepted {value}")


# --- The cases the attacker found -------------------------------------------------------------------------


def _url(name, community):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug})


def test_put_moderation_settings_with_a_partial_body_is_a_400(api_client_for, community, owner):
    response = api_client_for(owner).put(_url("moderation-settings", community), {"penalty_decay_days": 30})
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "required"
    assert set(response.json()["fields"]) == {"report_hide_threshold", "warning_ladder"}


def test_invitation_max_uses_above_2_31_is_a_400(api_client_for, community, owner):
    response = api_client_for(owner).post(_url("invitation-list", community), {"max_uses": TOO_BIG})
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {"max_uses"}


def test_invitation_max_uses_above_the_limit_is_a_form_error(client, community, owner):
    client.force_login(owner)
    response = client.post(
        reverse("members:invitations", args=[community.slug]), {"role": "member", "max_uses": str(TOO_BIG)}
    )
    assert response.status_code == 200
    assert "max_uses" in response.context["form"].errors


def test_rule_position_above_the_limit_is_a_400(api_client_for, community, owner):
    response = api_client_for(owner).post(
        reverse("api:rule-list", kwargs={"community_slug": community.slug}),
        {"category": "conduct", "title": "Be kind", "position": TOO_BIG},
    )
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {"position"}


def test_ban_with_a_rule_id_beyond_bigint_is_a_400(api_client_for, community, owner):
    subject = factories.member(community=community)
    response = api_client_for(owner).post(
        reverse("api:member-ban", kwargs={"community_slug": community.slug, "membership_id": subject.pk}),
        {"reason": "spam", "rule": 2**64},
    )
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {"rule"}


def test_audit_log_filter_on_a_member_id_beyond_bigint(api_client_for, client, community, owner):
    api = api_client_for(owner).get(
        reverse("api:audit-log", kwargs={"community_slug": community.slug}), {"subject": 10**23}
    )
    assert api.status_code == 400, api.content
    assert set(api.json()["fields"]) == {"subject"}
    client.force_login(owner)
    page = client.get(reverse("members:audit", args=[community.slug]), {"subject": 10**23})
    assert page.status_code == 200
    assert page.context["filter"].form.errors["subject"]


def _put_routes():
    """(name, pattern) of every route that answers PUT, found from the URL conf."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(
                    entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                )
            elif isinstance(entry, URLPattern) and "put" in (getattr(entry.callback, "actions", None) or {}):
                yield f"{namespace}{entry.name}", entry

    return sorted(walk(get_resolver().url_patterns), key=lambda item: item[0])


def _reverse_with(name: str, **available) -> str:
    """The route's URL with those of `available` that it takes (the walk sees only the last segment)."""
    from django.urls import NoReverseMatch

    candidates = (
        [],
        ["community_slug"],
        ["community_slug", "membership_id"],
        ["community_slug", "criterion_id"],
        ["community_slug", "space_slug"],
        ["community_slug", "topic_id"],
        ["community_slug", "event_id"],
        ["community_slug", "event_id", "entry_id"],
        ["community_slug", "path_id", "path_step_id"],
        ["community_slug", "resource_id"],
        ["community_slug", "featured_list_id"],
    )
    for names in candidates:
        try:
            return reverse(name, kwargs={key: available[key] for key in names})
        except NoReverseMatch:
            continue
    raise AssertionError(f"{name}: give this test the URL arguments it needs")


def test_the_walk_finds_the_put_routes():
    assert {"api:moderation-settings", "api:my-profile", "api:cadence-detail"} <= dict(_put_routes()).keys()


@pytest.mark.parametrize("name", [name for name, _pattern in _put_routes()])
def test_every_put_route_answers_an_empty_or_unknown_body_without_a_500(
    api_client_for, community, owner, name
):
    """A PUT replaces the whole resource: an empty body is either valid (every field has a default, as
    on the profile) or a 400 naming the required fields; a key it does not take is a 400."""
    followed = factories.member(community=community)
    MemberTag.objects.create(
        community=community, membership=followed, name=MemberTag.CORE_MEMBER, added_by=owner
    )
    criterion = critique_services.criterion_create(actor=owner, community=community, name="Light")
    discussion = discussion_ids(community, owner, followed.user)
    events = competition_rows(community, owner, factories.member(community=community), followed.user)
    resource = resource_services.resource_create(
        actor=followed.user,
        community=community,
        title="R",
        description="D",
        url="https://example.com/",
        kind="book",
    )
    featured = resource_services.featured_list_create(actor=owner, community=community, name="Start here")
    url = _reverse_with(
        name,
        community_slug=community.slug,
        membership_id=followed.pk,
        criterion_id=criterion.pk,
        space_slug=discussion["space_slug"],
        topic_id=discussion["topic_id"],
        event_id=events["event_for"](name, attendance_helpers.past_event(community).pk),
        entry_id=events["ids"]["entry_id"],
        **learning_rows(community, owner, followed),
        resource_id=resource.pk,
        featured_list_id=featured.pk,
    )
    client = api_client_for(owner)
    assert client.put(url, {}).status_code in (200, 400)
    assert client.put(url, {"unknown": 1}).status_code == 400

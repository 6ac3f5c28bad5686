"""Dates typed into forms, filters and API bodies stay within years every page can show (1900-2100).

Year 1 or 9999 typed in a time zone west or east of UTC leaves Python's datetime range when converted, and
the pages that show the stored value failed with a 500 for good. The walks find the fields themselves, so
a date input added later without the bound fails here.
"""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework import serializers

from members.models import Invitation, MemberTag, Touchpoint
from tests import factories
from tests.security.test_input_bounds import _filtersets, _html_forms, input_serializers

OUT_OF_RANGE_DATES = ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]
OUT_OF_RANGE_DATETIMES = ["0001-01-01T00:00", "9999-12-31T23:00"]


def _date_fields(fields):
    for name, field in fields.items():
        if isinstance(field, forms.DateField | forms.DateTimeField):
            yield name, field


def _refuses_out_of_range(field) -> None:
    values = OUT_OF_RANGE_DATETIMES if isinstance(field, forms.DateTimeField) else OUT_OF_RANGE_DATES
    for value in values:
        with pytest.raises(ValidationError):
            field.clean(value)
    field.clean("2026-03-01T10:00" if isinstance(field, forms.DateTimeField) else "2026-03-01")


@pytest.mark.parametrize("form_class", _html_forms(), ids=lambda cls: cls.__name__)
def test_every_date_of_every_html_form_is_bounded(form_class):
    for _name, field in _date_fields(form_class.base_fields):
        _refuses_out_of_range(field)


@pytest.mark.parametrize("filterset_class", _filtersets(), ids=lambda cls: cls.__name__)
def test_every_date_filter_is_bounded(filterset_class):
    for _name, date_filter in filterset_class.base_filters.items():
        if isinstance(date_filter.field, forms.DateField | forms.DateTimeField):
            _refuses_out_of_range(date_filter.field)


@pytest.mark.parametrize("serializer_class", input_serializers(), ids=lambda cls: cls.__name__)
def test_every_date_of_every_input_serializer_is_bounded(serializer_class):
    for name, field in serializer_class().fields.items():
        if field.read_only or not isinstance(field, serializers.DateField | serializers.DateTimeField):
            continue
        for value in ("0001-01-01T00:00:00Z", "9999-12-31T22:00:00Z"):
            with pytest.raises(serializers.ValidationError):
                field.run_validation(value)
                pytest.fail(f"{name} accepted {value}")


# --- The cases the attacker found -------------------------------------------------------------------------


@pytest.fixture
def western(db):
    return factories.CommunityFactory(timezone="America/Los_Angeles")


@pytest.fixture
def western_owner(western):
    return factories.member(community=western, role="owner").user


@pytest.mark.parametrize("typed", OUT_OF_RANGE_DATETIMES)
def test_invitation_expiry_far_away_is_a_form_error_and_the_page_still_shows(
    client, western, western_owner, typed
):
    client.force_login(western_owner)
    page = reverse("members:invitations", args=[western.slug])
    response = client.post(page, {"role": "member", "expires_at": typed})
    assert response.status_code == 200
    assert response.context["form"].errors["expires_at"]
    assert not Invitation.objects.filter(community=western).exists()
    assert client.get(page).status_code == 200


def test_touchpoint_in_year_one_is_a_form_error(client, western, western_owner):
    subject = factories.member(community=western)
    MemberTag.objects.create(
        community=western, membership=subject, name=MemberTag.CORE_MEMBER, added_by=western_owner
    )
    client.force_login(western_owner)
    page = reverse("members:relationship-detail", args=[western.slug, subject.pk])
    response = client.post(
        reverse("members:touchpoint-create", args=[western.slug, subject.pk]),
        {"kind": "call", "happened_at": "0001-01-01T00:00"},
    )
    assert response.status_code == 200
    assert response.context["touchpoint_form"].errors["happened_at"]
    assert not Touchpoint.objects.exists()
    assert client.get(page).status_code == 200


def test_api_invitation_expiry_in_year_9999_is_a_400(api_client_for, western, western_owner):
    response = api_client_for(western_owner).post(
        reverse("api:invitation-list", kwargs={"community_slug": western.slug}),
        {"expires_at": "9999-12-31T22:00:00Z"},
    )
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {"expires_at"}


def test_directory_filter_in_year_one_is_shown_as_an_error(client, western, western_owner):
    client.force_login(western_owner)
    response = client.get(reverse("members:directory", args=[western.slug]), {"joined_from": "0001-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["joined_from"]

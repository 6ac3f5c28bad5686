"""Date inputs bounded to years every page can show, in every time zone.

Python's datetime stops at years 1 and 9999: a date typed as 9999-12-31 23:00 in a western time zone, or
0001-01-01 00:00 shown to a reader west of it, leaves that range when converted, and the page that shows
it fails for good. Every date or time a person or a client types goes through the fields below (HTML
forms, filters, API serializers), which accept the years MIN_YEAR to MAX_YEAR only.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_YEAR, MAX_YEAR = 1900, 2100


def sensible_date(value: datetime.date | None) -> None:
    """Validator: the date (or date and time) lies within the years MIN_YEAR to MAX_YEAR."""
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(low)s and %(high)s."),
            code="date_out_of_range",
            params={"low": MIN_YEAR, "high": MAX_YEAR},
        )


class BoundedDateField(forms.DateField):
    """A date field with the browser's date picker, limited to MIN_YEAR..MAX_YEAR."""

    default_validators = [sensible_date]

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.DateInput(attrs={"type": "date", "min": f"{MIN_YEAR}-01-01", "max": f"{MAX_YEAR}-12-31"}),
        )
        super().__init__(**kwargs)


class BoundedDateTimeField(forms.DateTimeField):
    """A date and time field (the browser's datetime-local picker), limited to MIN_YEAR..MAX_YEAR.

    The value is checked as typed, in the current time zone; the bounds are far enough from Python's
    limits that no conversion between time zones leaves its range.
    """

    default_validators = [sensible_date]

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.DateTimeInput(
                attrs={
                    "type": "datetime-local",
                    "min": f"{MIN_YEAR}-01-01T00:00",
                    "max": f"{MAX_YEAR}-12-31T23:59",
                },
                format="%Y-%m-%dT%H:%M",
            ),
        )
        super().__init__(**kwargs)


class BoundedDateFilter(django_filters.DateFilter):
    """django-filter's date filter with the bounded field (for FilterSets shared by HTML and API)."""

    field_class = BoundedDateField

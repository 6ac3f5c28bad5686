"""Query-string filters shared by the HTML FilterSets and the API (bounded like the body fields)."""

import django_filters
from django import forms

from communities.validators import ID_MAX


class IdFormField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=ID_MAX, **kwargs)


class IdFilter(django_filters.Filter):
    """An object id in a query string: a whole number from 1 to the largest bigint key, so a lookup never
    overflows the column (a 500 on SQLite and PostgreSQL alike); anything else is a form error or a 400."""

    field_class = IdFormField

from functools import partial

from rest_framework.pagination import CursorPagination, PageNumberPagination

from communities.pagination import CountedPaginator


class DefaultPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100


class StoredCountPagination(DefaultPagination):
    """Page numbers whose `count` is the view's `stored_count()` (None: count the rows, as when a
    filter narrows the list), so an unfiltered page of a large list costs no COUNT query."""

    def paginate_queryset(self, queryset, request, view=None):
        count = view.stored_count() if view is not None else None
        self.django_paginator_class = partial(CountedPaginator, count=count)
        return super().paginate_queryset(queryset, request, view)


class NewestFirstCursorPagination(CursorPagination):
    """For long, growing lists (activity, audit): stable under inserts, constant cost per page."""

    ordering = "-created_at"
    page_size_query_param = "page_size"
    max_page_size = 100

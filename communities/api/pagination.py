from rest_framework.pagination import CursorPagination, PageNumberPagination


class DefaultPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100


class NewestFirstCursorPagination(CursorPagination):
    """For long, growing lists (activity, audit): stable under inserts, constant cost per page."""

    ordering = "-created_at"
    page_size_query_param = "page_size"
    max_page_size = 100

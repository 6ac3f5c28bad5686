"""Page numbers without a COUNT over the rows when the total is already stored (Community.member_count)."""

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """A Paginator told its total (`count`, a stored count) instead of counting the rows; with
    `count=None` it counts as usual (a filtered list, whose total nothing stores)."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # fills Paginator.count, a cached_property

"""The page of a recurring series: its rule in words, its occurrences (upcoming or past, paginated) with
their registrations and places, a link to each, and for those who may edit an occurrence, a link to
edit it "and the following ones" (the event's edit page with that scope chosen)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from communities.mixins import PUBLIC, CommunityMixin
from events.rule_words import rule_in_words
from events.selectors import series as selectors
from events.selectors.events import PAST, UPCOMING

PAGE_SIZE = 20


class SeriesDetailView(CommunityMixin, TemplateView):
    capability = PUBLIC  # who sees the series: whoever sees one of its occurrences (the selector)
    template_name = "events/series.html"

    @cached_property
    def overview(self):
        return selectors.series_overview(
            community=self.community, membership=self.membership, series_id=self.kwargs["event_series_id"]
        )

    def get_context_data(self, **kwargs):
        overview = self.overview
        time = PAST if self.request.GET.get("time") == PAST else UPCOMING
        occurrences = selectors.series_occurrence_list(
            community=self.community, membership=self.membership, series=overview.series, time=time
        )
        page = Paginator(occurrences, PAGE_SIZE).get_page(self.request.GET.get("page"))
        events = list(page.object_list)
        return super().get_context_data(
            series=overview.series,
            overview=overview,
            rule_words=rule_in_words(
                overview.series.rrule, starts_at=overview.first.starts_at, time_zone=overview.series.time_zone
            ),
            time=time,
            page_obj=page,
            occurrences=events,
            editable=selectors.editable_occurrence_ids(
                community=self.community, membership=self.membership, events=events
            ),
            query=f"time={time}",
            **kwargs,
        )

"""Search through the API: the same results as the search page, for the same viewer."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from communities.api.base import CommunityViewSet
from content.api.serializers.search import SearchQuerySerializer, SearchResultOutputSerializer
from content.models.search import SearchEntry
from content.selectors.search import MAX_CANDIDATES, search_results, snippet, viewer_space_ids


@extend_schema_view(
    list=extend_schema(
        summary=_("Search the community's posts, topics, replies, questions, answers and sessions"),
        description=format_lazy(
            _(
                "Ranked by relevance among the newest {limit} matches, which is also the most `count` "
                "reports: a count of {limit} means there are more, older matches; narrow the query to "
                "reach them."
            ),
            limit=MAX_CANDIDATES,
        ),
        parameters=[SearchQuerySerializer],
    )
)
class SearchViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = SearchEntry.objects.none()  # names the model for the schema; rows come from the selector
    serializer_class = SearchResultOutputSerializer
    capability = {"list": None}
    filter_backends = []

    def get_queryset(self):
        params = SearchQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        self.query = params.validated_data["q"]
        membership = self.request.membership
        return search_results(
            community=self.request.community,
            query=self.query,
            membership=membership,
            space_ids=viewer_space_ids(community=self.request.community, membership=membership),
            kind=params.validated_data.get("kind", ""),
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        for entry in page if page is not None else []:
            entry.snippet = snippet(entry, self.query)
        return page

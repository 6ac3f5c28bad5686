from rest_framework import serializers

from content.forms.search import QUERY_MAX
from content.models.search import SearchEntry, SearchKind


class SearchQuerySerializer(serializers.Serializer):
    """The query string of a search."""

    q = serializers.CharField(max_length=QUERY_MAX, help_text="The words to find (Chinese is segmented).")
    kind = serializers.ChoiceField(choices=SearchKind.choices, required=False, help_text="Only this kind.")


class SearchResultOutputSerializer(serializers.ModelSerializer):
    snippet_html = serializers.CharField(
        source="snippet", read_only=True, help_text="Escaped text around the words found, each in <mark>."
    )
    rank = serializers.FloatField(read_only=True, help_text="Higher is a better match.")

    class Meta:
        model = SearchEntry
        fields = ["kind", "object_id", "title", "snippet_html", "url", "author_name", "published_at", "rank"]
        read_only_fields = fields

"""The community's search page."""

from django.core.paginator import Paginator
from django.views.generic import TemplateView

from communities.mixins import PUBLIC, CommunityMixin
from content.forms.search import SearchForm
from content.selectors.search import MAX_CANDIDATES, marked_title, search_results, snippet, viewer_space_ids

PAGE_SIZE = 20


class SearchView(CommunityMixin, TemplateView):
    capability = PUBLIC
    template_name = "content/search/results.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        query, page = "", None
        if form.is_valid() and form.cleaned_data["q"].strip():
            query = form.cleaned_data["q"]
            membership = self.request.membership
            results = search_results(
                community=self.community,
                query=query,
                membership=membership,
                space_ids=viewer_space_ids(community=self.community, membership=membership),
                kind=form.cleaned_data["kind"],
            )
            page = Paginator(results, PAGE_SIZE).get_page(self.request.GET.get("page"))
            for entry in page.object_list:
                entry.snippet = snippet(entry, query)
                entry.marked_title = marked_title(entry, query)
        params = self.request.GET.copy()
        params.pop("page", None)
        capped = page is not None and page.paginator.count >= MAX_CANDIDATES
        context = {"form": form, "query": query, "page": page, "capped": capped, "params": params.urlencode()}
        return super().get_context_data(**context, **kwargs)

"""Pages of series: the list, one series with its posts in order, and the operators' forms (create,
edit, reorder with earlier / later buttons, delete)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from communities.markdown import render_markdown
from communities.mixins import PUBLIC, CommunityMixin, ServiceFormMixin
from content.forms.series import SeriesForm
from content.selectors import posts as post_selectors
from content.selectors import series as selectors
from content.services import series as services


class SeriesMixin(CommunityMixin):
    @cached_property
    def series(self):
        return selectors.series_get(community=self.community, series_id=self.kwargs["series_id"])


class SeriesListView(CommunityMixin, TemplateView):
    capability = PUBLIC
    template_name = "content/series/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(series_list=selectors.series_list(community=self.community), **kwargs)


class SeriesDetailView(SeriesMixin, TemplateView):
    capability = PUBLIC
    template_name = "content/series/detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            series=self.series,
            description_html=render_markdown(self.series.description),
            posts=selectors.series_posts(community=self.community, series=self.series),
            **kwargs,
        )


class SeriesCreateView(CommunityMixin, ServiceFormMixin, FormView):
    capability = "manage_content"
    form_class = SeriesForm
    template_name = "content/series/edit.html"

    def perform(self, form):
        series = services.series_create(
            actor=self.request.user, community=self.community, **form.cleaned_data
        )
        messages.success(self.request, _("Series created: add posts to it from their edit page."))
        return redirect("content:series-edit", slug=self.community.slug, series_id=series.pk)


class SeriesEditView(SeriesMixin, ServiceFormMixin, FormView):
    capability = "manage_content"
    form_class = SeriesForm
    template_name = "content/series/edit.html"

    def get_initial(self):
        return {"title": self.series.title, "description": self.series.description}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            series=self.series,
            posts=selectors.series_posts(community=self.community, series=self.series, everything=True),
            **kwargs,
        )

    def perform(self, form):
        services.series_update(
            actor=self.request.user, community=self.community, series=self.series, **form.cleaned_data
        )
        messages.success(self.request, _("Series saved."))
        return redirect("content:series-edit", slug=self.community.slug, series_id=self.series.pk)


class SeriesMoveView(SeriesMixin, View):
    """Move one post of the series a place earlier or later."""

    capability = "manage_content"

    def post(self, request, *args, **kwargs):
        post = post_selectors.post_get(
            community=self.community, post_id=self.kwargs["post_id"], membership=self.membership
        )
        step = -1 if request.POST.get("direction") == "up" else 1
        services.series_move(
            actor=request.user, community=self.community, series=self.series, post=post, step=step
        )
        return redirect("content:series-edit", slug=self.community.slug, series_id=self.series.pk)


class SeriesDeleteView(SeriesMixin, View):
    capability = "manage_content"

    def post(self, request, *args, **kwargs):
        services.series_delete(actor=request.user, community=self.community, series=self.series)
        messages.success(request, _("Series deleted; its posts stay."))
        return redirect("content:series-list", slug=self.community.slug)

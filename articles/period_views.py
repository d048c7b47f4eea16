"""The pages of a Japanese era and of a decade: its songs by release date, and the newest
articles featuring them (songs/eras.py says which songs a period holds)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from articles.cache_tags import articles_in
from articles.models import Article
from core.cache import tag_page
from core.metadata import for_list_page
from core.pagination import IndexWalkPaginator
from songs.cache_tags import songs_in
from songs.eras import ERAS, decade_by_slug, decades, era_by_slug
from songs.models import Song

# Heisei holds most of the catalogue: its songs are counted no further than this, and
# paged no further (the artist, song and search pages reach the rest).
MAX_LISTED_SONGS = 5000


class PeriodDetailView(ListView):
    """One era or decade: a page of its songs, oldest first, and on the first page the
    newest articles featuring any of them."""

    template_name = "songs/period_detail.html"
    context_object_name = "songs"
    paginate_by = 50
    articles_shown = 12

    def get_queryset(self):
        self.period = self.find_period(self.kwargs["slug"])
        if self.period is None:
            raise Http404("No such period.")
        tag_page(songs_in(self.period))
        return (
            Song.objects.select_related("artist")
            .filter(self.period.song_filter())
            .order_by("release_date", "pk")  # the index's order: a page is read, not sorted
        )

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return IndexWalkPaginator(
            queryset, per_page, max_count=MAX_LISTED_SONGS, list_tag=songs_in(self.period)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.period
        if context["page_obj"].number == 1:
            # Publishing, unpublishing or re-dating touches this tag (articles/cache_tags.py).
            tag_page(articles_in(period))
            articles = (
                Article.objects.published()
                .featuring_songs_of(period)
                .for_listing()
                .newest_first()[: self.articles_shown]
            )
        else:
            articles = None  # the first page has them; the later ones go on with the songs
        context.update(
            period=period,
            kind_label=self.kind_label,
            articles=articles,
            eras=ERAS,
            decades=decades(),
            metadata=for_list_page(
                self.request,
                period.name,
                self.description % {"name": period.name},
                context["page_obj"],
            ),
        )
        return context


class EraDetailView(PeriodDetailView):
    find_period = staticmethod(era_by_slug)
    kind_label = _("Japanese era")
    description = _(
        "Songs released in the %(name)s era, and the Liner Notes articles that feature them."
    )


class DecadeDetailView(PeriodDetailView):
    find_period = staticmethod(decade_by_slug)
    kind_label = _("Decade")
    description = _(
        "Songs released in the %(name)s, and the Liner Notes articles that feature them."
    )

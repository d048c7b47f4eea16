"""The catalogue's pages: artists A–Z, an artist, a song, a mood, an audience.

They live with the articles because each lists the articles that feature it.
"""

from functools import partial
from itertools import groupby

from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from articles import metadata
from articles.models import Article
from core.metadata import for_list_page
from core.pagination import IndexWalkPaginator, count_up_to, paginate_or_404
from songs.models import Artist, Audience, Mood, Song

# A mood, an artist or a song page lists at most this many of its newest articles (50
# pages): a popular mood tags a third of the magazine, and counting or paging through
# all of it would cost more with every article published. The archive at /articles/
# and search reach the rest.
MAX_LISTED_ARTICLES = 1000


def index_letter(artist):
    """The A–Z heading an artist files under; '#' for names that start with no letter.
    Sort names are romaji (Artist.save), so Japanese names file under their reading."""
    first = artist.sort_name[:1].upper()
    return first if "A" <= first <= "Z" else "#"


class ArtistIndexView(ListView):
    """Artists by sort name, in pages of 120, each page headed by initial."""

    template_name = "songs/artist_list.html"
    context_object_name = "artists"
    paginate_by = 120
    paginator_class = IndexWalkPaginator

    def get_queryset(self):
        return Artist.objects.order_by(Lower("sort_name"), "name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = [
            (letter, list(group)) for letter, group in groupby(context["artists"], key=index_letter)
        ]
        context["metadata"] = for_list_page(
            self.request,
            _("Artists A–Z"),
            _("Every artist in Liner Notes, A to Z."),
            context["page_obj"],
        )
        return context


class ArtistDetailView(DetailView):
    """An artist, their songs (the first few, newest first) and one page of the
    articles featuring them: a popular artist's lists run to thousands."""

    model = Artist
    template_name = "songs/artist_detail.html"
    songs_shown = 60
    articles_per_page = 20

    def get_context_data(self, **kwargs):
        artist = self.object
        song_ids = Song.objects.ids_by_or_featuring(artist)
        page = paginate_or_404(
            Article.objects.published().with_any_song(song_ids).for_listing().newest_first(),
            self.articles_per_page,
            self.request,
            partial(IndexWalkPaginator, max_count=MAX_LISTED_ARTICLES),
        )
        return super().get_context_data(
            songs=Song.objects.with_facets()
            .filter(pk__in=song_ids)
            .order_by("-release_date", "title", "pk")[: self.songs_shown],
            song_count=len(song_ids),
            articles=page.object_list,
            page_obj=page,
            metadata=metadata.for_artist(self.request, artist),
            **kwargs,
        )


class SongDetailView(DetailView):
    """A song and one page of the articles featuring it."""

    model = Song
    template_name = "songs/song_detail.html"
    articles_per_page = 20

    def get_queryset(self):
        return Song.objects.with_facets().prefetch_related("featured_artists")

    def get_context_data(self, **kwargs):
        page = paginate_or_404(
            Article.objects.published()
            .with_any_song([self.object.pk])
            .for_listing()
            .newest_first(),
            self.articles_per_page,
            self.request,
            partial(IndexWalkPaginator, max_count=MAX_LISTED_ARTICLES),
        )
        return super().get_context_data(
            articles=page.object_list,
            page_obj=page,
            metadata=metadata.for_song(self.request, self.object),
            **kwargs,
        )


class FacetDetailView(ListView):
    """A mood or audience page: its description, songs, and the articles tagged with it."""

    template_name = "songs/facet_detail.html"
    context_object_name = "articles"
    paginate_by = 20
    songs_shown = 60
    # A popular mood tags a third of the catalogue: past this, the heading says "1000+".
    songs_counted = 1000

    def get_queryset(self):
        self.facet = get_object_or_404(self.model, slug=self.kwargs["slug"])
        return (
            Article.objects.published()
            .filter(**{self.tag_field: self.facet})
            .for_listing()
            .newest_first()
        )

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return IndexWalkPaginator(queryset, per_page, max_count=MAX_LISTED_ARTICLES)

    def get_context_data(self, **kwargs):
        songs = (
            Song.objects.select_related("artist")
            .filter(**{self.tag_field: self.facet})
            .order_by("title", "pk")  # the index's order: the first 60 are read, not sorted
        )
        song_count = count_up_to(songs, self.songs_counted)
        return super().get_context_data(
            facet=self.facet,
            facet_kind=self.model._meta.verbose_name,
            songs=songs[: self.songs_shown],
            song_count=song_count,
            song_count_label=f"{song_count}+" if song_count == self.songs_counted else song_count,
            metadata=metadata.for_facet(self.request, self.facet),
            **kwargs,
        )


class MoodDetailView(FacetDetailView):
    model = Mood
    tag_field = "moods"


class AudienceDetailView(FacetDetailView):
    model = Audience
    tag_field = "audiences"

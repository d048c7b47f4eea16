"""The catalogue's pages: artists A–Z, an artist, a song, a mood, an audience.

They live with the articles because each lists the articles that feature it.
"""

from itertools import groupby

from django.db.models import Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from articles import metadata
from articles.cache_tags import articles_with
from articles.models import Article
from core.cache import tag_page
from core.metadata import for_list_page
from songs.cache_tags import ARTISTS, songs_of
from songs.models import Artist, Audience, Mood, Song


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

    def get_queryset(self):
        tag_page(ARTISTS)
        return Artist.objects.order_by(Lower("sort_name"), "name")

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
    model = Artist
    template_name = "songs/artist_detail.html"

    def get_context_data(self, **kwargs):
        artist = self.object
        tag_page(articles_with(artist), songs_of(artist))
        return super().get_context_data(
            songs=Song.objects.with_facets()
            .filter(Q(artist=artist) | Q(featured_artists=artist))
            .distinct()
            .order_by("-release_date", "title"),
            articles=Article.objects.published().featuring(artist).for_listing().newest_first(),
            metadata=metadata.for_artist(self.request, artist),
            **kwargs,
        )


class SongDetailView(DetailView):
    model = Song
    template_name = "songs/song_detail.html"

    def get_queryset(self):
        return Song.objects.with_facets().prefetch_related("featured_artists")

    def get_context_data(self, **kwargs):
        tag_page(articles_with(self.object))
        return super().get_context_data(
            articles=Article.objects.published()
            .filter(entries__song=self.object)
            .distinct()
            .for_listing()
            .newest_first(),
            metadata=metadata.for_song(self.request, self.object),
            **kwargs,
        )


class FacetDetailView(ListView):
    """A mood or audience page: its description, songs, and the articles tagged with it."""

    template_name = "songs/facet_detail.html"
    context_object_name = "articles"
    paginate_by = 20
    songs_shown = 60

    def get_queryset(self):
        self.facet = get_object_or_404(self.model, slug=self.kwargs["slug"])
        tag_page(articles_with(self.facet), songs_of(self.facet))
        return (
            Article.objects.published()
            .filter(**{self.tag_field: self.facet})
            .for_listing()
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        songs = (
            Song.objects.select_related("artist")
            .filter(**{self.tag_field: self.facet})
            .order_by("title")
        )
        return super().get_context_data(
            facet=self.facet,
            facet_kind=self.model._meta.verbose_name,
            songs=songs[: self.songs_shown],
            song_count=songs.count(),
            metadata=metadata.for_facet(self.request, self.facet),
            **kwargs,
        )


class MoodDetailView(FacetDetailView):
    model = Mood
    tag_field = "moods"


class AudienceDetailView(FacetDetailView):
    model = Audience
    tag_field = "audiences"

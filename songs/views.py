from django.views.generic import DetailView

from articles import metadata
from articles.models import Article
from songs.models import Artist, Audience, Mood, Song


class ArtistDetailView(DetailView):
    model = Artist
    template_name = "songs/artist_detail.html"

    def get_context_data(self, **kwargs):
        artist = self.object
        return super().get_context_data(
            songs=artist.songs.with_facets(),
            articles=Article.objects.published()
            .filter(entries__song__artist=artist)
            .distinct()
            .newest_first(),
            metadata=metadata.for_artist(self.request, artist),
            **kwargs,
        )


class SongDetailView(DetailView):
    model = Song
    template_name = "songs/song_detail.html"

    def get_queryset(self):
        return Song.objects.with_facets()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            articles=Article.objects.published()
            .filter(entries__song=self.object)
            .distinct()
            .newest_first(),
            metadata=metadata.for_song(self.request, self.object),
            **kwargs,
        )


class FacetDetailView(DetailView):
    """A mood or audience page: its songs and the articles tagged with it."""

    template_name = "songs/facet_detail.html"
    context_object_name = "facet"

    def get_context_data(self, **kwargs):
        facet = self.object
        return super().get_context_data(
            songs=Song.objects.with_facets().filter(**{self.tag_field: facet}),
            articles=Article.objects.published().filter(**{self.tag_field: facet}).newest_first(),
            metadata=metadata.for_facet(self.request, facet),
            **kwargs,
        )


class MoodDetailView(FacetDetailView):
    model = Mood
    tag_field = "moods"


class AudienceDetailView(FacetDetailView):
    model = Audience
    tag_field = "audiences"

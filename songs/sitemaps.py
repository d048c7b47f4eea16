"""Sitemap sections for artists, songs, moods, audiences, eras and decades: all public
whatever is published."""

from django.db.models import Exists

from core.sitemaps import LocalizedSitemap, RowSitemap
from songs.eras import ERAS, decades
from songs.models import Artist, Audience, Mood, Song


class EditedItemSitemap(RowSitemap):
    """Every row of `model`, with its last edit as lastmod."""

    model = None
    lastmod_field = "updated_at"

    def items(self):
        return self.model.objects.only("slug", "updated_at").order_by("pk")


class ArtistSitemap(EditedItemSitemap):
    model = Artist


class SongSitemap(EditedItemSitemap):
    model = Song


class TagSitemap(RowSitemap):
    """Mood or audience pages; tags keep no edit time, so no lastmod."""

    model = None

    def items(self):
        return self.model.objects.only("slug").order_by("pk")


class MoodSitemap(TagSitemap):
    model = Mood


class AudienceSitemap(TagSitemap):
    model = Audience


class PeriodSitemap(LocalizedSitemap):
    """The eras and decades that have songs; no lastmod."""

    def items(self):
        periods = [*ERAS, *decades()]
        # One query whatever the catalogue's size: a probe of the release date index per
        # period, each an EXISTS hung on the first song (no songs, no periods).
        probes = {
            period.key.replace("-", "_"): Exists(Song.objects.filter(period.song_filter()))
            for period in periods
        }
        found = Song.objects.order_by().annotate(**probes).values(*probes).first() or {}
        return [period for period in periods if found.get(period.key.replace("-", "_"))]

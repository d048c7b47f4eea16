"""Sitemap sections for artists, songs, moods and audiences: all public whatever is published."""

from core.sitemaps import RowSitemap
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

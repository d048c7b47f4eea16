"""Sitemap sections for artists, songs, moods and audiences: all public whatever is published."""

from django.db.models import Max

from core.sitemaps import LocalizedSitemap
from songs.models import Artist, Audience, Mood, Song


class EditedItemSitemap(LocalizedSitemap):
    """Every row of `model`, with its last edit as lastmod."""

    model = None

    def items(self):
        # Ordered, so that the sections past 50,000 URLs page through a stable list.
        return self.model.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Sitemap's own version loads every item to find the newest; one query does it.
        return self.model.objects.aggregate(latest=Max("updated_at"))["latest"]


class ArtistSitemap(EditedItemSitemap):
    model = Artist


class SongSitemap(EditedItemSitemap):
    model = Song


class TagSitemap(LocalizedSitemap):
    """Mood or audience pages; tags keep no edit time, so no lastmod."""

    model = None

    def items(self):
        return self.model.objects.only("slug").order_by("pk")


class MoodSitemap(TagSitemap):
    model = Mood


class AudienceSitemap(TagSitemap):
    model = Audience

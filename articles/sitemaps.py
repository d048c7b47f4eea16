"""Sitemap sections for published articles, the site's fixed pages, and the works and
kinds of work whose songs published articles list."""

from django.conf import settings
from django.urls import reverse

from articles.models import Article
from core.sitemaps import LocalizedSitemap, RowSitemap
from songs.models import Song, Work


class ArticleSitemap(RowSitemap):
    lastmod_field = "updated_at"

    def items(self):
        fields = ("slug", "updated_at", "complete_languages")
        return Article.objects.published().only(*fields).order_by("pk")

    def get_languages_for_item(self, article):
        """The languages the article is written in whole: elsewhere its page is the
        fallback, no page of its own. One written in none is listed in the default."""
        return article.translated_languages or [settings.LANGUAGE_CODE]


class FixedPagesSitemap(LocalizedSitemap):
    """Pages that exist once, by URL name. Search results are not worth a crawler's time."""

    url_names = ["articles:home", "articles:list", "articles:artist_list"]

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)


def works_with_public_songs():
    """Works with a song that some published article lists: their pages show something."""
    listed = Song.objects.filter(pk__in=Article.objects.published().listed_song_ids())
    return Work.objects.filter(pk__in=listed.values("work_id"))


class WorkSitemap(RowSitemap):
    lastmod_field = "updated_at"

    def items(self):
        return works_with_public_songs().only("slug", "updated_at").order_by("pk")


class TieInSitemap(LocalizedSitemap):
    """The /tie-ins/<kind>/ pages that list a song; seven at most, so plainly listed."""

    def items(self):
        kinds = set(works_with_public_songs().values_list("kind", flat=True).distinct())
        return [kind for kind in Work.Kind.values if kind in kinds]

    def location(self, kind):
        return reverse("articles:tie_in_kind", args=[kind])

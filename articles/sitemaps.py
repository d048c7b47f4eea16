"""Sitemap sections for published articles, the site's fixed pages, and the works and
kinds of work whose songs published articles list."""

from django.db.models import Exists
from django.urls import reverse

from articles.catalogue_views import in_public_articles
from articles.models import Article
from core.custom_plans import values_rows
from core.sitemaps import LocalizedSitemap, RowSitemap
from songs.models import Song, Work


class ArticleSitemap(RowSitemap):
    lastmod_field = "updated_at"

    def items(self):
        fields = ("slug", "updated_at", "complete_languages")
        return Article.objects.published().only(*fields).order_by("pk")

    def get_languages_for_item(self, article):
        return article.own_languages


class FixedPagesSitemap(LocalizedSitemap):
    """Pages that exist once, by URL name. Search results are not worth a crawler's time."""

    url_names = ["articles:home", "articles:list", "articles:artist_list"]

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)


def works_with_public_songs():
    """Works with a song that some published article lists: their pages show something."""
    return Work.objects.filter(pk__in=in_public_articles(Song.objects.all()).values("work_id"))


class WorkSitemap(RowSitemap):
    lastmod_field = "updated_at"

    def items(self):
        return works_with_public_songs().only("slug", "updated_at").order_by("pk")

    def keyed_rows(self):
        """Every work, read from the key and updated_at indexes: which works have a public
        song would take every published entry. So a page may hold fewer works than its
        range (none, even), and the section's lastmod may be a later edit of a work that
        no published article lists yet: early, never late."""
        return Work.objects.all()


class TieInSitemap(LocalizedSitemap):
    """The /tie-ins/<kind>/ pages that list a song; seven at most, so plainly listed."""

    def items(self):
        """The kinds whose page lists a song, in one query of seven EXISTS: each stops at
        the first song of the kind that a published article lists, as the kind's page
        does. They are evaluated once, not per row, on any one work (no work, no kind),
        by a plan made for the kinds (core/custom_plans.py)."""
        listed = {
            kind: Exists(in_public_articles(Song.objects.filter(work__kind=kind)))
            for kind in Work.Kind.values
        }
        found = values_rows(Work.objects.order_by().annotate(**listed).values(*listed)[:1])
        return [kind for row in found for kind, is_listed in row.items() if is_listed]

    def location(self, kind):
        return reverse("articles:tie_in_kind", args=[kind])

"""Sitemap sections for published articles and the site's fixed pages."""

from django.urls import reverse

from articles.models import Article
from core.sitemaps import LocalizedSitemap, RowSitemap


class ArticleSitemap(RowSitemap):
    lastmod_field = "updated_at"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")


class FixedPagesSitemap(LocalizedSitemap):
    """Pages that exist once, by URL name. Search results are not worth a crawler's time."""

    url_names = ["articles:home", "articles:list", "articles:artist_list"]

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)

"""Sitemap sections for published articles and the site's fixed pages."""

from django.db.models import Max
from django.urls import reverse

from articles.models import Article
from core.sitemaps import LocalizedSitemap


class ArticleSitemap(LocalizedSitemap):
    def items(self):
        # Ordered, so that the sections past 50,000 URLs page through a stable list.
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # Sitemap's own version loads every item to find the newest; one query does it.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class FixedPagesSitemap(LocalizedSitemap):
    """Pages that exist once, by URL name. Search results are not worth a crawler's time."""

    url_names = ["articles:home", "articles:list", "articles:artist_list"]

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)

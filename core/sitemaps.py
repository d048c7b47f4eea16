"""The bases of every sitemap section, and the index of them."""

import hashlib

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Max, Min
from django.utils.functional import cached_property

# The index's text, kept under its entries: a new entry or lastmod is a new key.
INDEX_CACHE_SECONDS = 24 * 60 * 60


class LocalizedSitemap(Sitemap):
    """Every page in each language, each entry naming its translations (hreflang)."""

    i18n = True
    alternates = True
    x_default = True


class RowSitemap(LocalizedSitemap):
    """A section of model rows (`items()`, ordered by pk), paged by ranges of primary key.

    Django's Sitemap lists every item in every language to count its pages, which at
    100,000 songs is the whole table, twice, on every request of the index or of
    any page of the section. Here page N holds the rows whose keys fall in the N-th
    range: the index reads the highest key, and a page reads one range of the
    primary key index, whatever the table's size. A range may hold fewer rows
    than its width (deleted rows, drafts), never more: at most `limit` URLs a page.
    """

    limit = 5000  # URLs per page, each language's URL counted
    lastmod_field = None  # the field whose maximum is the section's lastmod, if any

    @cached_property
    def newest(self):
        """The lowest and highest keys and the latest lastmod, in one query on their indexes."""
        aggregates = {"first_key": Min("pk"), "last_key": Max("pk")}
        if self.lastmod_field:
            aggregates["latest"] = Max(self.lastmod_field)
        return self.keyed_rows().order_by().aggregate(**aggregates)

    def keyed_rows(self):
        """The rows whose key range and latest lastmod the index reads: the section's
        own, unless telling which rows are in it costs a join the index must not pay."""
        return self.items()

    def lastmod(self, item):
        return getattr(item, self.lastmod_field) if self.lastmod_field else None

    def get_latest_lastmod(self):
        return self.newest.get("latest")

    @property
    def paginator(self):
        return KeyRangePaginator(self)


class KeyRangePaginator(Paginator):
    """Pages of a RowSitemap: page N holds the rows whose keys are in the N-th range of
    width w from the lowest key, each in the languages the sitemap lists it in. The
    width assumes every language, so a page never holds more than `limit` URLs."""

    def __init__(self, sitemap):
        self.sitemap = sitemap
        self.languages = sitemap._languages()
        super().__init__(sitemap.items(), max(sitemap.limit // len(self.languages), 1))

    @cached_property
    def count(self):
        # Key slots rather than rows: the pages are as many as the key ranges.
        newest = self.sitemap.newest
        if newest["last_key"] is None:
            return 0
        return newest["last_key"] - newest["first_key"] + 1

    def page(self, number):
        number = self.validate_number(number)
        start = (self.sitemap.newest["first_key"] or 0) + (number - 1) * self.per_page
        rows = self.object_list.filter(pk__gte=start, pk__lt=start + self.per_page)
        # Each row in its own languages (Sitemap.get_languages_for_item): at most all.
        pairs = [
            (row, language) for row in rows for language in self.sitemap.get_languages_for_item(row)
        ]
        return Page(pairs, number, self)


def index(request, **kwargs):
    """Django's sitemap index, its XML kept in the cache under what it lists.

    The index's entries grow with the content (one per section page: 56 at 20,000
    articles) and rendering them was most of its cost. The entries themselves come from
    one cheap aggregate query per section, so they are read every time, and the text is
    rendered again only when a location or a lastmod differs.
    """
    response = sitemap_views.index(request, **kwargs)
    if response.status_code != 200:
        return response
    entries = [(entry.location, entry.last_mod) for entry in response.context_data["sitemaps"]]
    key = "sitemap-index:" + hashlib.sha256(repr(entries).encode()).hexdigest()
    content = cache.get(key)
    if content is None:
        content = response.render().content
        cache.set(key, content, INDEX_CACHE_SECONDS)
    else:
        response.content = content
    return response

"""The base of every sitemap section."""

from django.contrib.sitemaps import Sitemap


class LocalizedSitemap(Sitemap):
    """Every page in each language, each entry naming its translations (hreflang)."""

    i18n = True
    alternates = True
    x_default = True

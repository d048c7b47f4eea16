from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter
from django.views.generic import TemplateView

from articles.sitemaps import ArticleSitemap, FixedPagesSitemap, TieInSitemap, WorkSitemap
from core import health, sitemaps
from core.converters import UnicodeSlugConverter
from core.read_only import read_only
from songs.sitemaps import (
    ArtistSitemap,
    AudienceSitemap,
    MoodSitemap,
    PeriodSitemap,
    SongSitemap,
)

register_converter(UnicodeSlugConverter, "uslug")

handler500 = "core.errors.server_error"

# Classes, not instances: the sitemap views make one per request, since a Sitemap
# keeps state (latest_lastmod) while it renders.
SITEMAPS = {
    "pages": FixedPagesSitemap,
    "articles": ArticleSitemap,
    "artists": ArtistSitemap,
    "songs": SongSitemap,
    "moods": MoodSitemap,
    "audiences": AudienceSitemap,
    "works": WorkSitemap,
    "tie-ins": TieInSitemap,
    "periods": PeriodSitemap,
}

# Everything but the admin is read-only: GET and HEAD, 405 for any other method.
urlpatterns = [
    path("healthz", read_only(health.healthz), name="healthz"),
    path("readyz", read_only(health.readyz), name="readyz"),
    path(settings.ADMIN_URL, admin.site.urls),
    # An index of sections, each paged by ?p=N: valid past 50,000 URLs.
    path(
        "sitemap.xml",
        read_only(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        read_only(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        read_only(
            TemplateView.as_view(
                template_name="robots.txt",
                content_type="text/plain; charset=utf-8",
                extra_context={"admin_url": settings.ADMIN_URL},
            )
        ),
        name="robots",
    ),
]

# The reader's site in each language: English at the root, Japanese under /ja/.
urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    # `make run` serves uploads itself; in production the web server or object storage does.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter

from site_config import health
from site_config.converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("articles.urls")),
    path("", include("songs.urls")),
]

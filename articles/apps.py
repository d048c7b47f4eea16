from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles import (
            cache_tags,
            covers,
            history,  # noqa: F401  (registers the models with django-reversion)
            search_index,
        )

        cache_tags.connect()
        search_index.connect()
        covers.connect()

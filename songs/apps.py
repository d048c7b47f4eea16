from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SongsConfig(AppConfig):
    name = "songs"
    verbose_name = _("Songs and artists")

    def ready(self):
        from songs import (
            cache_tags,
            history,  # noqa: F401  (registers the models with django-reversion)
            monograms,
        )

        cache_tags.connect()
        monograms.connect()

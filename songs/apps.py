from django.apps import AppConfig


class SongsConfig(AppConfig):
    name = "songs"
    verbose_name = "Songs and artists"

    def ready(self):
        from songs import history  # noqa: F401  (registers the models with django-reversion)

from django.apps import AppConfig


class SongsConfig(AppConfig):
    name = "songs"
    verbose_name = "Songs and artists"

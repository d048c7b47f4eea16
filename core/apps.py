from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        # Registers the indexed_contains lookup on text fields.
        from core import short_grams  # noqa: F401

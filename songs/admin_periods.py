"""The song list's filters by Japanese era and by decade: ranges of the release date."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from songs.eras import ERAS_BY_SLUG, decade_by_slug, decades


class PeriodListFilter(admin.SimpleListFilter):
    """Songs of one period, as its page lists them (songs/eras.py)."""

    def lookups(self, request, model_admin):
        return [(period.slug, period.name) for period in self.periods()]

    def queryset(self, request, queryset):
        period = self.period(self.value()) if self.value() else None
        return queryset.filter(period.song_filter()) if period else queryset


class EraListFilter(PeriodListFilter):
    title = _("era")
    parameter_name = "era"

    def periods(self):
        return ERAS_BY_SLUG.values()

    def period(self, slug):
        return ERAS_BY_SLUG.get(slug)


class DecadeListFilter(PeriodListFilter):
    title = _("decade")
    parameter_name = "decade"

    def periods(self):
        return reversed(decades())  # the newest first: what editors file most

    def period(self, slug):
        return decade_by_slug(slug)

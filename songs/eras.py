"""Japanese eras and decades: the periods a song belongs to, derived from its release date.

Nobody types them: a song's era and decade follow from `release_date` and how much of
it is known (`release_date_precision`). A date known to the year or month stands for
that whole span, and places the song in a period only when the whole span lies in it:
a song released "1989" may be from the last week of Shōwa or from Heisei, so it has no
era, while its decade, the 1980s, is certain. No release date, no period.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.converters import slug_url

# Song.DatePrecision's values; the model imports this module, so it cannot be imported here.
DAY, MONTH, YEAR = "day", "month", "year"

# The first decade with a page: recorded popular music starts around then.
FIRST_DECADE = 1900


def _month_start(day):
    return day.replace(day=1)


def _year_start(day):
    return day.replace(month=1, day=1)


def _next_month_start(day):
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _span(release_date, precision):
    """The first and last day a date stands for, given how much of it is known."""
    if precision == YEAR:
        start = _year_start(release_date)
        return start, start.replace(month=12, day=31)
    if precision == MONTH:
        start = _month_start(release_date)
        return start, _next_month_start(start) - timedelta(days=1)
    return release_date, release_date


@dataclass(frozen=True)
class Period:
    """A Japanese era or a decade: the days from `start` to `end` (None: still running)."""

    kind: str  # "era" or "decade"
    slug: str
    name: str
    start: date
    end: date | None = None

    @property
    def key(self):
        """What names the period in cache tags: "era-heisei", "decade-1990s"."""
        return f"{self.kind}-{self.slug}"

    def get_absolute_url(self):
        return slug_url(f"articles:{self.kind}", self.slug)

    def __str__(self):
        return str(self.name)

    def contains(self, release_date, precision=DAY):
        """Whether a release on `release_date`, known to `precision`, certainly falls in it."""
        if release_date is None:
            return False
        first, last = _span(release_date, precision)
        return self.start <= first and (self.end is None or last <= self.end)

    def song_filter(self):
        """contains() as a filter on songs: a range of the release date index, less the
        year- or month-precise dates whose span crosses one of the period's bounds."""
        in_range = Q(release_date__gte=self.start)
        crosses = Q(release_date_precision=YEAR, release_date__lt=_first_whole_year(self.start))
        crosses |= Q(release_date_precision=MONTH, release_date__lt=_first_whole_month(self.start))
        if self.end is not None:
            in_range &= Q(release_date__lte=self.end)
            after = self.end + timedelta(days=1)
            crosses |= Q(release_date_precision=YEAR, release_date__gte=_year_start(after))
            crosses |= Q(release_date_precision=MONTH, release_date__gte=_month_start(after))
        return in_range & ~crosses


def _first_whole_year(day):
    """The first day of the first whole year from `day` on."""
    return day if day == _year_start(day) else date(day.year + 1, 1, 1)


def _first_whole_month(day):
    return day if day.day == 1 else _next_month_start(day)


# Each era from the day it began to the day before the next (Heisei from 8 January 1989).
ERAS = (
    Period(
        "era",
        "taisho",
        pgettext_lazy("Japanese era", "Taishō"),
        date(1912, 7, 30),
        date(1926, 12, 24),
    ),
    Period(
        "era", "showa", pgettext_lazy("Japanese era", "Shōwa"), date(1926, 12, 25), date(1989, 1, 7)
    ),
    Period(
        "era",
        "heisei",
        pgettext_lazy("Japanese era", "Heisei"),
        date(1989, 1, 8),
        date(2019, 4, 30),
    ),
    Period("era", "reiwa", pgettext_lazy("Japanese era", "Reiwa"), date(2019, 5, 1)),
)
ERAS_BY_SLUG = {era.slug: era for era in ERAS}
DECADE_SLUG = re.compile(r"(\d{3}0)s", re.ASCII)


def decade(year):
    """The decade holding `year`, e.g. decade(1997) is the 1990s."""
    first = year - year % 10
    return Period(
        "decade",
        f"{first}s",
        # Translators: a decade's name, "1990s".
        _("%(year)ss") % {"year": first},
        date(first, 1, 1),
        date(first + 9, 12, 31),
    )


def decades():
    """Every decade with a page, oldest first: from FIRST_DECADE to the current one."""
    return [decade(year) for year in range(FIRST_DECADE, timezone.localdate().year + 1, 10)]


def era_by_slug(slug):
    return ERAS_BY_SLUG.get(slug)


def decade_by_slug(slug):
    """The decade named by `slug` ("1990s"), or None for a malformed one or one with no page."""
    match = DECADE_SLUG.fullmatch(slug)
    return decade(int(match[1])) if match and has_page(int(match[1])) else None


def has_page(year):
    """Whether the decade of `year` has a page: not before FIRST_DECADE nor in the future."""
    return FIRST_DECADE <= year - year % 10 <= timezone.localdate().year


def era_of(release_date, precision=DAY):
    """The Japanese era a release certainly falls in, or None."""
    return next((era for era in ERAS if era.contains(release_date, precision)), None)


def decade_of(release_date, precision=DAY):
    """The decade of a release (a year or a month lies in one), or None with no date or
    one whose decade has no page."""
    if release_date is None or not has_page(release_date.year):
        return None
    return decade(release_date.year)


def periods_of(release_date, precision=DAY):
    """The era and decade of a release, those it has."""
    return [
        period
        for period in (era_of(release_date, precision), decade_of(release_date, precision))
        if period
    ]

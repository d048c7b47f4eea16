"""Site search over articles, songs and artists, in any script.

An article is found by its own text and by the songs it lists and their artists:
its stored search text carries theirs (articles/search_index.py keeps it current).

Stored rows carry a folded search document (NFKC, case-folded, katakana as
hiragana, plus a romaji reading), so a plain substring match finds '米津',
'アイネ', 'あいね' and 'yonezu' alike, on SQLite and PostgreSQL, with no word
segmentation for Japanese to get wrong. On PostgreSQL, pg_trgm's GIN indexes serve
those substring matches (core/trigram.py), and for one or two characters, which
trigrams cannot serve, GIN indexes of short grams (core/short_grams.py); SQLite scans.

A common word matches thousands of rows, so counting and paging stop at
MAX_RESULTS: past it a reader refines the query rather than reading page 60.
"""

import copy
from datetime import UTC, datetime

from django import forms
from django.db import connection
from django.db.models import Q, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Entry
from core.folding import fold
from core.translated import localized
from songs.models import Artist, Song

MAX_QUERY_LENGTH = 100
# Matches counted and paged through per kind; more shows as "1000+".
MAX_RESULTS = 1000
# Matches counted per kind in the grouped overview, which shows a few of each: counting
# a common word's matches costs more the more there are, so past this it says "100+".
OVERVIEW_COUNT = 100
# How many of the newest articles are searched first (see NewestMatches).
RECENT_WINDOW = 500
# Earlier than any publication time: the window's lower edge when it holds every article.
BEFORE_ALL = datetime(1, 1, 1, tzinfo=UTC)


class SearchForm(forms.Form):
    KINDS = [("articles", _("Articles")), ("songs", _("Songs")), ("artists", _("Artists"))]

    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": _("Search for at most %(limit_value)d characters."),
            "null_characters_not_allowed": _(
                "The search contains a character that cannot be used."
            ),
        },
    )
    kind = forms.ChoiceField(choices=KINDS, required=False)


def search(query):
    """Public matches for `query`, one queryset per kind, or None for an empty query."""
    folded = fold(query).strip()
    if not folded:
        return None
    return {
        "articles": ranked_articles(query, folded),
        # Newest first, as articles: matches are spread evenly over the key, so a common
        # word's first matches are found at once, where in title order a word that
        # starts few titles (夏, natsu) walked thousands of songs filed before its own.
        "songs": Song.objects.select_related("artist")
        .filter(search_text__indexed_contains=folded)
        .order_by("-pk"),
        "artists": Artist.objects.filter(search_text__indexed_contains=folded).order_by(
            "sort_name", "pk"
        ),
    }


def ranked_articles(query, folded):
    """Matching articles, those with `query` in their own title first, then those that
    list a matching song or artist or mention it, newest first within each."""
    commentary = Q(pk__in=articles_with_commentary(query))
    return TitleFirst(
        matching=Q(search_text__indexed_contains=folded) | commentary,
        # The same test on an expression no index serves (see NewestMatches).
        matching_unindexed=Q(plain_search_text__contains=folded) | commentary,
        titled=Q(title_text__contains=folded),
    )


class NewestMatches:
    """Public articles that match, newest first, read so that a page costs the same
    however many articles there are and however many match.

    A common word ("natsu", in a song of most lists) matches most articles: the newest
    matches are among the newest articles, which a walk down the publication-date index
    reads at once, whereas the trigram index would read every match before sorting. A
    rare word has too few matches there, and the trigram index finds them at the cost
    of the few it reads. So matches are looked for among the newest RECENT_WINDOW public
    articles first, testing each row (the trigram index would be chosen otherwise), and
    in the whole magazine only when those hold too few.

    Both passes are one statement, so a search runs the same queries whatever it finds:
    the whole-magazine pass sits behind a test of the first pass's count, which the
    database evaluates once, before it (PostgreSQL's one-time filter, SQLite's constant
    condition), and skips when the first pass found enough.
    """

    def __init__(self, matching, matching_unindexed):
        self.matching, self.matching_unindexed = matching, matching_unindexed

    def recent(self, *conditions):
        """The matches among the newest RECENT_WINDOW articles: bounded by publication
        time, so that the database walks that index from the newest down and stops once
        it has the rows asked for. With fewer articles than that, all of them."""
        public = Article.objects.published()
        edge = public.newest_first().values("published_at")[RECENT_WINDOW - 1 :][:1]
        public = public.filter(published_at__gte=Coalesce(Subquery(edge), Value(BEFORE_ALL)))
        plain = Concat("search_text", Value(""), output_field=TextField())
        return public.annotate(plain_search_text=plain).filter(self.matching_unindexed, *conditions)

    def everywhere(self, *conditions):
        return Article.objects.published().filter(self.matching, *conditions)

    def count(self, cap, *conditions):
        """How many match, counted up to `cap`."""
        recent, recent_params = counted_up_to(self.recent(*conditions), cap)
        everywhere, everywhere_params = counted_up_to(self.everywhere(*conditions), cap)
        sql = f"SELECT CASE WHEN ({recent}) >= %s THEN %s ELSE ({everywhere}) END"
        with connection.cursor() as cursor:
            cursor.execute(sql, (*recent_params, cap, cap, *everywhere_params))
            return cursor.fetchone()[0]

    def rows(self, start, stop, *conditions):
        recent, recent_params = ids_of(self.recent(*conditions), start, stop)
        everywhere, everywhere_params = ids_of(self.everywhere(*conditions), start, stop)
        found_enough = "(SELECT COUNT(*) FROM recent) >= %s"
        sql = (
            f"WITH recent AS ({recent}) "
            f"SELECT * FROM recent WHERE {found_enough} "
            f"UNION ALL SELECT * FROM ({everywhere}) AS everywhere WHERE NOT {found_enough}"
        )
        params = (*recent_params, stop - start, *everywhere_params, stop - start)
        ids = RawSQL(sql, params)
        return list(Article.objects.filter(pk__in=ids).for_listing().newest_first())


def counted_up_to(queryset, cap):
    """SQL counting `queryset`'s rows up to `cap`, as count_up_to does, and its params."""
    inner, params = queryset.order_by().values("pk")[:cap].query.sql_with_params()
    return f"SELECT COUNT(*) FROM ({inner}) AS counted", params


def ids_of(queryset, start, stop):
    """SQL selecting the ids of `queryset`'s rows start..stop, newest first, and its params."""
    return queryset.newest_first().values("pk")[start:stop].query.sql_with_params()


class TitleFirst:
    """The title matches, then the other matches, as one list sliced like a queryset
    (lazily, and no further than MAX_RESULTS). Both parts are always read, so the
    number of queries does not depend on how many match each."""

    def __init__(self, matching, matching_unindexed, titled, start=0, stop=MAX_RESULTS):
        self.matches = NewestMatches(matching, matching_unindexed)
        self.titled, self.start, self.stop = titled, start, stop

    def order_by(self):
        return self  # the order is the list's own

    def __getitem__(self, rows):
        start = self.start + (rows.start or 0)
        stop = self.stop if rows.stop is None else min(self.stop, self.start + rows.stop)
        sliced = copy.copy(self)
        sliced.start, sliced.stop = start, max(start, stop)
        sliced.__dict__.pop("rows", None)
        return sliced

    def count(self):
        return max(self.matches.count(self.stop) - self.start, 0)

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    @cached_property
    def rows(self):
        start, stop = self.start, self.stop
        if stop <= start:
            return []
        # The others begin past the title matches, however many come before `start`.
        before = self.matches.count(start, self.titled) if start else 0
        titled = self.matches.rows(start, stop, self.titled)
        others = self.matches.rows(start - before, stop - before, ~self.titled)
        return (titled + others)[: stop - start]


def articles_with_commentary(query):
    """Ids of articles whose commentary contains `query`, from at most MAX_RESULTS entries.

    Read first, as literals: an OR with a subquery would keep PostgreSQL from combining
    the two trigram indexes, and make it read every article instead.
    """
    # Both languages' columns, whichever site the reader searches from.
    in_either = Q()
    for column in localized("commentary"):
        in_either |= Q(**{f"{column}__indexed_icontains": query})
    entries = Entry.objects.filter(in_either).order_by()
    return set(entries.values_list("article_id", flat=True)[:MAX_RESULTS])

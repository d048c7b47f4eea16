"""Site search over articles, songs and artists, in any script.

An article is found by its own text and by the songs it lists and their artists:
its stored search text carries theirs (articles/search_index.py keeps it current).

Stored rows carry a folded search document (NFKC, case-folded, katakana as
hiragana, plus a romaji reading), so a plain substring match finds '米津',
'アイネ', 'あいね' and 'yonezu' alike, on SQLite and PostgreSQL, with no word
segmentation for Japanese to get wrong. On PostgreSQL, pg_trgm's GIN indexes serve
those substring matches (core/trigram.py); SQLite scans.

A common word matches thousands of rows, so counting and paging stop at
MAX_RESULTS: past it a reader refines the query rather than reading page 60.
"""

from django import forms
from django.db.models import Case, Q, When
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Entry
from core.folding import fold
from songs.models import Artist, Song

MAX_QUERY_LENGTH = 100
# Matches counted and paged through per kind; more shows as "1000+".
MAX_RESULTS = 1000
# Matches counted per kind in the grouped overview, which shows a few of each: counting
# a common word's matches costs more the more there are, so past this it says "100+".
OVERVIEW_COUNT = 100


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
        "songs": Song.objects.select_related("artist")
        .filter(search_text__contains=folded)
        .order_by("title", "pk"),
        "artists": Artist.objects.filter(search_text__contains=folded).order_by("sort_name", "pk"),
    }


def ranked_articles(query, folded):
    """Matching articles, those with `query` in their own title first, then those that
    list a matching song or artist or mention it, newest first within each.

    Ranking sorts every row it ranks, so it ranks a bounded set, read first as ids: the
    newest MAX_RESULTS matches, which index walks stop at, and the newest MAX_RESULTS
    title matches, so that an old list titled with the query still comes first.
    """
    matches = Article.objects.published().filter(
        Q(search_text__contains=folded) | Q(pk__in=articles_with_commentary(query))
    )
    newest = matches.newest_first().values_list("pk", flat=True)
    ranked = {*newest[:MAX_RESULTS], *newest.filter(title_text__contains=folded)[:MAX_RESULTS]}
    title_first = Case(When(title_text__contains=folded, then=0), default=1)
    return (
        Article.objects.filter(pk__in=ranked)
        .for_listing()
        .order_by(title_first, "-published_at", "-pk")
    )


def articles_with_commentary(query):
    """Ids of articles whose commentary contains `query`, from at most MAX_RESULTS entries.

    Read first, as literals: an OR with a subquery would keep PostgreSQL from combining
    the two trigram indexes, and make it read every article instead.
    """
    entries = Entry.objects.filter(commentary__icontains=query).order_by()
    return set(entries.values_list("article_id", flat=True)[:MAX_RESULTS])

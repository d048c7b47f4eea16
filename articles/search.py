"""Site search over articles, songs and artists, in any script.

Stored rows carry a folded search document (NFKC, case-folded, katakana as
hiragana, plus a romaji reading), so a plain substring match finds '米津',
'アイネ', 'あいね' and 'yonezu' alike, on SQLite and PostgreSQL, with no word
segmentation for Japanese to get wrong.
"""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Entry
from core.folding import fold
from songs.models import Artist, Song

MAX_QUERY_LENGTH = 100


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
    commentary_match = Exists(
        Entry.objects.filter(article=OuterRef("pk"), commentary__icontains=query)
    )
    return {
        "articles": Article.objects.published()
        .filter(Q(search_text__contains=folded) | commentary_match)
        .for_listing()
        .newest_first(),
        "songs": Song.objects.select_related("artist")
        .filter(search_text__contains=folded)
        .order_by("title"),
        "artists": Artist.objects.filter(search_text__contains=folded).order_by("sort_name"),
    }

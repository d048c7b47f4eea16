"""Related articles: the editor's picks first, then articles scored by what they share.

Shared songs say most about two lists, then shared artists, then the themes they
are tagged with. Ties go to the newer article. Unpublished articles and the
article itself never appear.
"""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from articles.models import (
    Article,
    Entry,
    RelatedPick,
    TaggedArticleAudience,
    TaggedArticleMood,
)
from core.cache import cached_fragment, tag_page

RELATED_LIMIT = 10
RELATED_CACHE_SECONDS = 6 * 60 * 60
WEIGHTS = {"songs": 4, "artists": 2, "moods": 1, "audiences": 1}


def _count_shared(rows, value_field, their_rows, their_field):
    """Subquery: how many distinct `value_field` values a candidate shares with the article."""
    shared = (
        rows.filter(**{f"{value_field}__in": their_rows.values(their_field)})
        .order_by()
        .values("article_ref")
        .annotate(n=Count(value_field, distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(shared, output_field=IntegerField()), Value(0))


def related_articles(article, limit=RELATED_LIMIT):
    """Up to `limit` published articles related to `article`, best first.

    Kept in the cache with the tags of the articles it lists and of the lists a new
    article would join to rank here (those of the songs and artists `article` shares
    with it). A new article sharing only a mood or audience shows up within
    RELATED_CACHE_SECONDS.
    """

    def rank():
        shared = Entry.objects.filter(article=article).values_list("song_id", "song__artist_id")
        tag_page(
            *(f"articles:song-{song}" for song, _ in shared),
            *(f"articles:artist-{artist}" for _, artist in shared),
            f"article-{article.pk}",
        )
        return score_related_articles(article, limit)

    return cached_fragment(f"related:{article.pk}:{limit}", rank, RELATED_CACHE_SECONDS)


def score_related_articles(article, limit):
    """The ranking itself, in one query."""
    entries = Entry.objects.annotate(article_ref=F("article_id"))
    moods = TaggedArticleMood.objects.annotate(article_ref=F("content_object_id"))
    audiences = TaggedArticleAudience.objects.annotate(article_ref=F("content_object_id"))
    own_entries = Entry.objects.filter(article=article)

    def candidate(rows):
        return rows.filter(article_ref=OuterRef("pk"))

    pick_position = RelatedPick.objects.filter(
        from_article=article, to_article=OuterRef("pk")
    ).values("position")[:1]

    scored = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .annotate(
            pick_position=Subquery(pick_position),
            shared_songs=_count_shared(candidate(entries), "song_id", own_entries, "song_id"),
            shared_artists=_count_shared(
                candidate(entries), "song__artist_id", own_entries, "song__artist_id"
            ),
            shared_moods=_count_shared(
                candidate(moods),
                "tag_id",
                TaggedArticleMood.objects.filter(content_object=article),
                "tag_id",
            ),
            shared_audiences=_count_shared(
                candidate(audiences),
                "tag_id",
                TaggedArticleAudience.objects.filter(content_object=article),
                "tag_id",
            ),
        )
        .annotate(
            score=F("shared_songs") * WEIGHTS["songs"]
            + F("shared_artists") * WEIGHTS["artists"]
            + F("shared_moods") * WEIGHTS["moods"]
            + F("shared_audiences") * WEIGHTS["audiences"]
        )
        .filter(Q(pick_position__isnull=False) | Q(score__gt=0))
        .order_by(F("pick_position").asc(nulls_last=True), "-score", "-published_at", "-pk")
    )
    return list(scored[:limit])

"""Related articles on an article page: ranked by articles/ranking.py, kept, and read.

Ranking costs a few milliseconds however large the magazine is; reading a kept list
costs two indexed lookups. So each article's ranked list is kept in RelatedList, with
the cache tags of what the ranking read: the article itself, and the article lists of
its songs and artists, which another article joins to rank here. A page whose cached
copy of the list is gone (evicted, expired, a fresh worker's empty memory, a listed
article retitled) reads the kept list while none of those tags has been invalidated
since the ranking. Otherwise (the article's entries, tags or picks changed, another
article now shares a song, nothing is kept yet, or the ranking is older than
RELATED_CACHE_SECONDS) it is ranked again before the page is served, so every change
shows at once, and kept once the response is sent.

Either way the reader waits for two queries: one that reads what the list depends on
with the kept list if it is current, then the kept articles or the ranking. A kept
list is read through published(): an article unpublished since never shows.
"""

import json
from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from articles.cache_tags import article_tag, featuring
from articles.models import Article, Entry
from articles.ranking import SHOWN_FIELDS, score_related_articles
from articles.related_models import RelatedList
from core.after_response import after_response
from core.cache import EVERYTHING, cached_fragment, tag_page
from core.models import CacheInvalidation
from core.translated import columns
from songs.models import Song

RELATED_LIMIT = 10
# Kept beyond the limit, so that an article unpublished since the ranking leaves no gap.
KEPT_LENGTH = RELATED_LIMIT + 5
# How long a list and its cached copy last: a new article that shares only a mood or an
# audience (whose lists are not among the tags) shows up within this time.
RELATED_CACHE_SECONDS = 6 * 60 * 60

# The tags of a kept list, read from its JSON column: one way per database.
_TAGS_OF_ROW = {
    "postgresql": "SELECT jsonb_array_elements_text(kept.tags)",
    "sqlite": "SELECT value FROM json_each(kept.tags)",
}


def related_articles(article, limit=RELATED_LIMIT):
    """Up to `limit` published articles related to `article`, best first, the editor's
    picks first of all."""

    def load():
        songs, kept_ids = _read_sources(article.pk)
        tags = _tags_of(article.pk, songs)
        tag_page(*tags)
        if kept_ids is None:
            return _rank_and_keep_later(article, tags)[:limit]
        return _published_in_order(kept_ids)[:limit]

    return cached_fragment(f"related:{article.pk}:{limit}", load, RELATED_CACHE_SECONDS)


def _read_sources(article_id):
    """The article's (song, artist) pairs, and its kept list if it is current (None if
    not, or if none is kept), in one query."""
    entry, song = Entry._meta.db_table, Song._meta.db_table
    invalidations, kept_table = CacheInvalidation._meta.db_table, RelatedList._meta.db_table
    sql = f"""
SELECT entry.song_id, song.artist_id, NULL
FROM {entry} entry JOIN {song} song ON song.id = entry.song_id
WHERE entry.article_id = %(article)s
UNION ALL
SELECT NULL, NULL, kept.related_ids FROM {kept_table} kept
WHERE kept.article_id = %(article)s AND kept.ranked_at >= %(oldest)s AND NOT EXISTS (
    SELECT 1 FROM {invalidations} changed
    WHERE changed.tag IN ({_TAGS_OF_ROW[connection.vendor]})
    AND changed.at > kept.ranked_at AND changed.at <= %(now)s)
"""
    now = timezone.now()
    params = {
        "article": article_id,
        "now": connection.ops.adapt_datetimefield_value(now),
        "oldest": connection.ops.adapt_datetimefield_value(
            now - timedelta(seconds=RELATED_CACHE_SECONDS)
        ),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    songs = [(song, artist) for song, artist, _ in rows if song is not None]
    kept = [_json(ids) for song, _, ids in rows if song is None]
    return songs, (kept[0] if kept else None)


def _json(value):
    # PostgreSQL's driver hands JSON over as text under Django, as SQLite's does.
    return json.loads(value) if isinstance(value, str) else value


def _tags_of(article_id, songs):
    """The tags of what a ranking reads: the lists of the article's own songs and
    artists, which another article joins to rank here, and the article itself."""
    return sorted({EVERYTHING, article_tag(article_id), *featuring(songs)})


def _published_in_order(ids):
    by_id = Article.objects.published().only(*columns(Article, *SHOWN_FIELDS)).in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def _rank_and_keep_later(article, tags):
    started = timezone.now()
    ranked = score_related_articles(article, KEPT_LENGTH)
    ids = [related.pk for related in ranked]
    after_response(f"keep:{article.pk}", lambda: _keep(article.pk, ids, tags, started))
    return ranked


def _keep(article_id, ids, tags, ranked_at):
    try:
        with transaction.atomic():
            RelatedList.objects.bulk_create(
                [
                    RelatedList(
                        article_id=article_id, related_ids=ids, tags=tags, ranked_at=ranked_at
                    )
                ],
                update_conflicts=True,
                unique_fields=["article"],
                update_fields=["related_ids", "tags", "ranked_at"],
            )
    except IntegrityError:
        pass  # the article was deleted while its page was served: nothing to keep

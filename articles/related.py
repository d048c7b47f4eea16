"""Related articles: the editor's picks first, then articles scored by what they share.

Shared songs say most about two lists, then shared artists, then the themes they
are tagged with: 4 points a shared song, 2 a shared artist, 1 a shared mood or
audience (plain weights, no IDF). Ties go to the newer article. Unpublished
articles and the article itself never appear.

The ranking reads only the posting lists of this article's own songs, artists and
tags, each to a fixed depth, newest article first, so it costs the same with 100
articles or 20,000, and a mood that a third of the magazine carries costs what a
rare one does:

- a song: the newest POSTINGS_PER_SONG other articles that list it;
- an artist: its newest SONGS_PER_ARTIST songs besides the article's own, each read
  POSTINGS_PER_ARTIST_SONG deep (an article sharing a song shares its artist too);
- a mood or an audience: the newest POSTINGS_PER_TAG other articles tagged with it.

A song or tag in fewer articles than its depth counts in full, as before. Past the
depth, an older article that shares only that one song or tag is not found
through it: for a song in hundreds of lists the newest are the neighbours worth
showing. Within a posting list "newest" means most recently created (the highest
id, the order the (song, article) and (tag, article) indexes keep); the final
order uses the publication time.
"""

import functools

from django.core.cache import cache
from django.db import connections

from articles.models import (
    Article,
    ContentVersion,
    Entry,
    RelatedPick,
    TaggedArticleAudience,
    TaggedArticleMood,
)
from songs.models import Song

RELATED_LIMIT = 10
RELATED_CACHE_SECONDS = 24 * 60 * 60
WEIGHTS = {"songs": 4, "artists": 2, "moods": 1, "audiences": 1}
POSTINGS_PER_SONG = 10
SONGS_PER_ARTIST = 5
POSTINGS_PER_ARTIST_SONG = 3
POSTINGS_PER_TAG = 10


def related_articles(article, limit=RELATED_LIMIT, content_version=None):
    """Up to `limit` published articles related to `article`, best first.

    Scoring is the costliest query on the article page, so its result is kept
    in the cache until any content changes (see ContentVersion); a caller that
    already read the content version passes it to save a query.
    """
    version = content_version or ContentVersion.current().version
    key = f"related:{version}:{article.pk}:{limit}"
    related = cache.get(key)
    if related is None:
        related = score_related_articles(article, limit)
        cache.set(key, related, RELATED_CACHE_SECONDS)
    return related


def score_related_articles(article, limit):
    """The ranking itself, in one query whose cost does not grow with the magazine."""
    public_sql, public_params = _public_condition()
    params = {"article": article.pk, "limit": limit}
    params.update(public_params)
    return list(Article.objects.raw(_ranking_sql().format(public=public_sql), params))


def _public_condition():
    """published()'s WHERE clause as SQL on the article table, with named parameters,
    so the ranking keeps to the one definition of public rather than a copy of it."""
    queryset = Article.objects.published()
    compiler = queryset.query.get_compiler(connection=connections[queryset.db])
    sql, params = compiler.compile(queryset.query.where)
    names = [f"public_{n}" for n in range(len(params))]
    return sql % tuple(f"%({name})s" for name in names), dict(zip(names, params, strict=True))


def _newest_bound(table, list_column, member, depth, excluding_article=True):
    """SQL: the lower bound of the newest `depth` members of the posting list that the
    outer row `own` names, i.e. the `member` of its depth-th newest row, or 0 when the list
    is shorter. Joining on `member >= bound` then reads just those rows of a
    (list_column, member) index, however long the list is."""
    skip = f" AND newer.{member} <> %(article)s" if excluding_article else ""
    return (
        f"COALESCE((SELECT newer.{member} FROM {table} newer"
        f" WHERE newer.{list_column} = own.{list_column}{skip}"
        f" ORDER BY newer.{member} DESC LIMIT 1 OFFSET {depth - 1}), 0)"
    )


@functools.cache
def _ranking_sql():
    """The ranking query, with a `{public}` slot for published()'s condition.

    Every candidate comes from a bounded read of one posting list. The article table is
    probed by primary key once per candidate, in the correlated `published_at` subquery:
    a join there would leave the planner free to scan every article instead.
    """
    entry, song, pick = Entry._meta.db_table, Song._meta.db_table, RelatedPick._meta.db_table
    article = Article._meta.db_table
    mood_link, audience_link = (
        TaggedArticleMood._meta.db_table,
        TaggedArticleAudience._meta.db_table,
    )
    newest_songs_of_artist = _newest_bound(song, "artist_id", "id", SONGS_PER_ARTIST, False)
    newest_with_song = _newest_bound(entry, "song_id", "article_id", POSTINGS_PER_SONG)
    newest_with_artist_song = _newest_bound(
        entry, "song_id", "article_id", POSTINGS_PER_ARTIST_SONG
    )
    newest_with_mood = _newest_bound(mood_link, "tag_id", "content_object_id", POSTINGS_PER_TAG)
    newest_with_audience = _newest_bound(
        audience_link, "tag_id", "content_object_id", POSTINGS_PER_TAG
    )
    order = (
        "best.pick_position IS NULL, best.pick_position, best.score DESC,"
        " best.published_at DESC, best.article_id DESC"
    )
    return f"""
WITH own_songs AS (
    SELECT entry.song_id, song.artist_id
    FROM {entry} entry JOIN {song} song ON song.id = entry.song_id
    WHERE entry.article_id = %(article)s
),
artist_songs AS (
    SELECT song.id AS song_id, song.artist_id
    FROM (SELECT DISTINCT artist_id FROM own_songs) own JOIN {song} song
        ON song.artist_id = own.artist_id AND song.id >= {newest_songs_of_artist}
    WHERE song.id NOT IN (SELECT song_id FROM own_songs)
),
song_hits AS (
    SELECT entry.article_id, own.artist_id, 1 AS shares_song
    FROM own_songs own JOIN {entry} entry
        ON entry.song_id = own.song_id AND entry.article_id >= {newest_with_song}
    WHERE entry.article_id <> %(article)s
    UNION ALL
    SELECT entry.article_id, own.artist_id, 0
    FROM artist_songs own JOIN {entry} entry
        ON entry.song_id = own.song_id AND entry.article_id >= {newest_with_artist_song}
    WHERE entry.article_id <> %(article)s
),
hits AS (
    SELECT article_id,
        {WEIGHTS["songs"]} * SUM(shares_song)
        + {WEIGHTS["artists"]} * COUNT(DISTINCT artist_id) AS points,
        CAST(NULL AS integer) AS pick_position
    FROM song_hits GROUP BY article_id
    UNION ALL
    SELECT link.content_object_id, {WEIGHTS["moods"]}, NULL
    FROM {mood_link} own JOIN {mood_link} link
        ON link.tag_id = own.tag_id AND link.content_object_id >= {newest_with_mood}
    WHERE own.content_object_id = %(article)s AND link.content_object_id <> %(article)s
    UNION ALL
    SELECT link.content_object_id, {WEIGHTS["audiences"]}, NULL
    FROM {audience_link} own JOIN {audience_link} link
        ON link.tag_id = own.tag_id AND link.content_object_id >= {newest_with_audience}
    WHERE own.content_object_id = %(article)s AND link.content_object_id <> %(article)s
    UNION ALL
    SELECT to_article_id, 0, position FROM {pick} WHERE from_article_id = %(article)s
),
candidates AS (
    SELECT article_id, SUM(points) AS score, MIN(pick_position) AS pick_position,
        (SELECT {article}.published_at FROM {article}
         WHERE {article}.id = hits.article_id AND {{public}}) AS published_at
    FROM hits GROUP BY article_id
),
best AS (
    -- Unpublished candidates have no published_at: they sort last, out of the limit.
    SELECT * FROM candidates best ORDER BY best.published_at IS NULL, {order}
    LIMIT %(limit)s
)
SELECT {article}.* FROM best JOIN {article} ON {article}.id = best.article_id
WHERE best.published_at IS NOT NULL
ORDER BY {order}
"""

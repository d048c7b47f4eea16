"""The related-articles ranking: the editor's picks first, then articles scored by what
they share. articles/related.py keeps each article's ranked list.

Shared songs say most about two lists, then shared artists, then the themes they
are tagged with: 4 points a shared song, 2 a shared artist, 1 a shared mood or
audience (plain weights, no IDF). Ties go to the newer article. Unpublished
articles and the article itself never appear.

So that the cost does not grow with the magazine, and a mood that a third of all
articles carry costs what a rare one does, candidates come only from the posting
lists of this article's own songs, artists and tags, each read only so deep,
newest article first:

- a song: the newest other articles that list it, SONG_POSTINGS_PER_ARTICLE shared
  out among this article's songs (12 each for a 10-song list, 4 for a 30-song one,
  at least 1), so a long list costs what a short one does;
- an artist: the newest other article that lists its newest song besides the
  article's own;
- a mood or an audience: the newest POSTINGS_PER_TAG other articles carrying it.

A candidate found through one of this article's songs then has its shared songs
counted in full, from its own entries, so an older list that shares five hits and
was found through a rarer song outranks a newer one that shares a single hit.
Shared artists, moods and audiences count as read above.

A song, artist or tag in fewer articles than its depth scores exactly as before.
Past the depth, an article is found only if it is among the newest for at least
one thing it shares. "Newest" within a posting list means most recently created
(the highest id, the order of the (song, article) and (tag, article) indexes); the
final order uses the publication time.
"""

import functools

from django.db import connections

from articles.models import Article, Entry
from articles.related_models import RelatedPick
from articles.tag_models import TaggedArticleAudience, TaggedArticleMood
from core.translated import columns
from songs.models import Song

WEIGHTS = {"songs": 4, "artists": 2, "moods": 1, "audiences": 1}
# Both at least the related list's length (10), so that one shared song or tag can fill it.
SONG_POSTINGS_PER_ARTICLE = 120
POSTINGS_PER_TAG = 10
# More candidates than any article can have: see `cutoff` in the query.
SORTED_CANDIDATES_LIMIT = 1_000_000
# What a related list shows of each article: the rest of the row (its search text
# carries its songs') is left unread.
SHOWN_FIELDS = ("id", "title", "slug", "lead")


def score_related_articles(article, limit):
    """The ranking itself, in one query whose cost does not grow with the magazine: the
    articles with their SHOWN_FIELDS only."""
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


def _newest_bound(table, list_column, list_value, member, depth):
    """SQL: the lower bound of the newest `depth` members of the posting list where
    `list_column` is `list_value`, this article aside: the `member` of its depth-th
    newest row, or 0 when the list is shorter. A join on `member >= bound` then reads
    just those rows of a (list_column, member) index, however long the list is."""
    return (
        f"COALESCE((SELECT newer.{member} FROM {table} newer"
        f" WHERE newer.{list_column} = {list_value} AND newer.{member} <> %(article)s"
        f" ORDER BY newer.{member} DESC LIMIT 1 OFFSET {depth} - 1), 0)"
    )


@functools.cache
def _ranking_sql():
    """The ranking query, with a `{public}` slot for published()'s condition.

    Each posting list's bound is computed once, in the CTE that names the song, artist or
    tag; SELECT DISTINCT there keeps the planner from folding the CTE into the join that
    uses the bound, which could evaluate it once per row compared instead. A candidate's
    shared songs are counted, and its article row read, in correlated subqueries that
    go through the candidate's own index entries: as joins, the planner would be free
    to read the shared songs' whole posting lists, or every article, instead. Article
    rows are read only for the candidates that can still make the list (see `cutoff`).
    """
    entry, song, pick = Entry._meta.db_table, Song._meta.db_table, RelatedPick._meta.db_table
    article = Article._meta.db_table
    mood_link = TaggedArticleMood._meta.db_table
    audience_link = TaggedArticleAudience._meta.db_table
    song_bound = _newest_bound(
        entry, "song_id", "entry.song_id", "article_id", "(SELECT depth FROM song_depth)"
    )
    mood_bound = _newest_bound(
        mood_link, "tag_id", "own.tag_id", "content_object_id", POSTINGS_PER_TAG
    )
    audience_bound = _newest_bound(
        audience_link, "tag_id", "own.tag_id", "content_object_id", POSTINGS_PER_TAG
    )
    order = (
        "best.pick_position IS NULL, best.pick_position, best.score DESC,"
        " best.published_at DESC, best.article_id DESC"
    )
    return f"""
WITH song_depth AS (
    SELECT CASE WHEN COUNT(*) = 0 OR COUNT(*) >= {SONG_POSTINGS_PER_ARTICLE} THEN 1
        ELSE {SONG_POSTINGS_PER_ARTICLE} / COUNT(*) END AS depth
    FROM {entry} WHERE article_id = %(article)s
),
own_songs AS (
    SELECT DISTINCT entry.song_id, song.artist_id, {song_bound} AS bound
    FROM {entry} entry JOIN {song} song ON song.id = entry.song_id
    WHERE entry.article_id = %(article)s
),
-- article_id is NULL for an artist song that no other article lists (dropped below).
artist_songs AS (
    SELECT DISTINCT own.artist_id, (
        SELECT MAX(entry.article_id) FROM {entry} entry
        WHERE entry.article_id <> %(article)s AND entry.song_id = (
            SELECT MAX(song.id) FROM {song} song WHERE song.artist_id = own.artist_id
            AND song.id NOT IN (SELECT song_id FROM own_songs))) AS article_id
    FROM own_songs own
),
own_moods AS (
    SELECT DISTINCT own.tag_id, {mood_bound} AS bound
    FROM {mood_link} own WHERE own.content_object_id = %(article)s
),
own_audiences AS (
    SELECT DISTINCT own.tag_id, {audience_bound} AS bound
    FROM {audience_link} own WHERE own.content_object_id = %(article)s
),
-- One row per posting read: the article, the artist of the song read, 1 when read
-- through one of our own songs, points for a shared tag, the position of a pick.
postings AS (
    SELECT entry.article_id, own.artist_id, 1 AS by_own_song, 0 AS points,
        CAST(NULL AS integer) AS pick_position
    FROM own_songs own JOIN {entry} entry
        ON entry.song_id = own.song_id AND entry.article_id >= own.bound
    WHERE entry.article_id <> %(article)s
    UNION ALL
    SELECT article_id, artist_id, 0, 0, NULL FROM artist_songs
    UNION ALL
    SELECT link.content_object_id, NULL, 0, {WEIGHTS["moods"]}, NULL
    FROM own_moods own JOIN {mood_link} link
        ON link.tag_id = own.tag_id AND link.content_object_id >= own.bound
    WHERE link.content_object_id <> %(article)s
    UNION ALL
    SELECT link.content_object_id, NULL, 0, {WEIGHTS["audiences"]}, NULL
    FROM own_audiences own JOIN {audience_link} link
        ON link.tag_id = own.tag_id AND link.content_object_id >= own.bound
    WHERE link.content_object_id <> %(article)s
    UNION ALL
    SELECT to_article_id, NULL, 0, 0, position FROM {pick} WHERE from_article_id = %(article)s
),
-- Shared artists as rows of their own, counted once each (a DISTINCT inside the
-- aggregate below would sort once per candidate).
found AS (
    SELECT article_id, by_own_song, points, pick_position FROM postings
    UNION ALL
    SELECT article_id, 0, {WEIGHTS["artists"]}, NULL
    FROM (SELECT DISTINCT article_id, artist_id FROM postings WHERE artist_id IS NOT NULL) shared
),
candidates AS (
    SELECT found.article_id, MIN(found.pick_position) AS pick_position,
        SUM(found.points) + CASE WHEN MAX(found.by_own_song) = 1 THEN {WEIGHTS["songs"]} * (
            SELECT COUNT(*) FROM {entry} entry WHERE entry.article_id = found.article_id
            AND entry.song_id IN (SELECT song_id FROM own_songs)) ELSE 0 END AS score
    FROM found WHERE found.article_id IS NOT NULL GROUP BY found.article_id
),
-- The lowest score that can still make the list: that of the limit-th public candidate,
-- best first. Candidates are checked in score order and only until enough are found; the
-- LIMIT on the sorted list keeps the database from checking them all before sorting.
cutoff AS (
    SELECT MIN(score) AS score FROM (
        SELECT by_score.score FROM (
            SELECT article_id, score FROM candidates WHERE pick_position IS NULL
            ORDER BY score DESC LIMIT {SORTED_CANDIDATES_LIMIT}
        ) by_score
        WHERE EXISTS (
            SELECT 1 FROM {article} WHERE {article}.id = by_score.article_id AND {{public}})
        LIMIT %(limit)s
    ) public_best
),
contenders AS (
    SELECT candidates.*, (
        SELECT {article}.published_at FROM {article}
        WHERE {article}.id = candidates.article_id AND {{public}}) AS published_at
    FROM candidates, cutoff
    WHERE candidates.pick_position IS NOT NULL OR candidates.score >= cutoff.score
),
best AS (
    -- Unpublished candidates have no published_at: they sort last, out of the limit.
    SELECT * FROM contenders best ORDER BY best.published_at IS NULL, {order}
    LIMIT %(limit)s
)
SELECT {", ".join(f"{article}.{name}" for name in columns(Article, *SHOWN_FIELDS))}
FROM best JOIN {article} ON {article}.id = best.article_id
WHERE best.published_at IS NOT NULL
ORDER BY {order}
"""

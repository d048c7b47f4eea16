"""Keeping the update log: compare a public article's entries before and after a save,
and write one line for what changed (articles/update_models.py).

Whoever saves entries takes a snapshot first and records after: the article admin
around its form and inlines (one save, one line, however many rows changed), the
tracklist paste around its new entries. A draft or scheduled article records
nothing, and neither does its first publication: readers have not seen a list yet.
"""

from dataclasses import dataclass

from articles.cache_tags import article_tag
from articles.models import Article, ArticleUpdate, Entry
from core.cache import invalidate

# The list tag of /feed/updates/: a new line joins it.
UPDATES = "article-updates"


@dataclass(frozen=True)
class EntriesSnapshot:
    """An article's list at one moment: song ids in order, with titles and commentary."""

    order: tuple
    titles: dict
    commentary: dict


def take_snapshot(article_id):
    rows = Entry.objects.filter(article_id=article_id).order_by("position")
    rows = rows.values_list("song_id", "song__title", "commentary")
    order, titles, commentary = [], {}, {}
    for song_id, title, text in rows:
        order.append(song_id)
        titles[song_id] = title
        commentary[song_id] = text
    return EntriesSnapshot(tuple(order), titles, commentary)


def snapshot_if_public(article_id):
    """The article's entries as they are now, if readers can see it now; else None,
    and its next save logs nothing."""
    if article_id is None or not Article.objects.published().filter(pk=article_id).exists():
        return None
    return take_snapshot(article_id)


def changes_between(before, after):
    """The fields of an ArticleUpdate for the change from one snapshot to the next;
    empty when nothing a reader would notice changed."""
    kept_before = [song for song in before.order if song in after.titles]
    kept_after = [song for song in after.order if song in before.titles]
    changes = {
        "added": [[song, after.titles[song]] for song in after.order if song not in before.titles],
        "removed": [
            [song, before.titles[song]] for song in before.order if song not in after.titles
        ],
        # Songs added or removed shift the others, which is no new order.
        "reordered": kept_before != kept_after,
        "rewritten": sum(
            1 for song in kept_after if before.commentary[song] != after.commentary[song]
        ),
    }
    return {name: value for name, value in changes.items() if value}


def record_update(article, before):
    """Log what changed in `article`'s entries since `before` (a snapshot_if_public()),
    if it is still public; the new ArticleUpdate, or None."""
    if before is None or not article.is_public:
        return None
    changes = changes_between(before, take_snapshot(article.pk))
    return log_update(article, **changes) if changes else None


def log_update(article, **fields):
    """Write one line of `article`'s log and make it the article's latest."""
    update = ArticleUpdate.objects.create(article=article, **fields)
    # Not article.save(): the log is not an edit (no new version, no new search text).
    Article.objects.filter(pk=article.pk).update(latest_update=update)
    article.latest_update = update
    invalidate([article_tag(article.pk), UPDATES])
    return update


def newest_update_of(article):
    """The newest line of `article`'s log, or None: for pointing the article at it again."""
    if article.pk is None:
        return None
    return ArticleUpdate.objects.filter(article=article).newest_first().first()

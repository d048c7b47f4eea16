"""Keeps each article's search text current as its list and its songs change.

An article is found by the songs it lists and their artists (Article.search_text), so
search stays one indexed match on one column however many articles there are. The
text is derived, then, from rows other than the article's own: it is refreshed when
an entry joins, changes song or leaves, and when a song or artist is renamed
(songs.signals.songs_renamed). Refreshing reads what the songs already store, folded.

The languages the article is complete in (Article.complete_languages) depend on every
entry's commentary: they are refreshed with the search text, and on a commentary edit.
When they change, so does the article's updated_at: its sitemap entry gains or loses a
language, and its lastmod says so to crawlers.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from articles.article_text import derive_from_list, entry_text_columns
from articles.models import Article, Entry
from core.translated import localized
from songs.signals import songs_renamed

# An entry's fields that the article's derived fields read.
LISTED_FIELDS = {"song", "song_id", "commentary", *localized("commentary")}
# Articles rewritten per round: a renamed artist may be in thousands of them.
BATCH_SIZE = 500


def refresh_search_text(article_ids):
    """Recompute the search text, and the languages they are complete in, of the articles
    with `article_ids`: two reads and one bulk write per BATCH_SIZE articles, and one more
    write where the languages changed."""
    article_ids = sorted(set(article_ids))
    for start in range(0, len(article_ids), BATCH_SIZE):
        batch = article_ids[start : start + BATCH_SIZE]
        texts = {}
        listed = Entry.objects.filter(article__in=batch).order_by("article", "position")
        for article_id, *row in listed.values_list("article_id", *entry_text_columns()):
            texts.setdefault(article_id, []).append(row)
        # Every language's column: the article is found by either.
        own = [name for field in ("title", "lead", "intro") for name in localized(field)]
        articles = list(Article.objects.filter(pk__in=batch).only(*own, "complete_languages"))
        languages_before = {article.pk: article.complete_languages for article in articles}
        for article in articles:
            derive_from_list(article, texts.get(article.pk, []))
        Article.objects.bulk_update(articles, ["search_text", "complete_languages"])
        relanguaged = [a.pk for a in articles if a.complete_languages != languages_before[a.pk]]
        if relanguaged:
            Article.objects.filter(pk__in=relanguaged).update(updated_at=timezone.now())


def entry_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    # Renumbering saves only positions, and the NEW! badge only its date: the songs
    # listed and their commentary, and so the derived fields, stay the same.
    if raw or (update_fields is not None and not LISTED_FIELDS.intersection(update_fields)):
        return
    refresh_search_text([instance.article_id])


def entry_deleted(sender, instance, **kwargs):
    refresh_search_text([instance.article_id])


def songs_were_renamed(sender, song_ids, **kwargs):
    listing = Entry.objects.filter(song__in=song_ids).order_by()
    refresh_search_text(listing.values_list("article_id", flat=True).distinct())


def connect():
    post_save.connect(entry_saved, sender=Entry, dispatch_uid="entry-search-text")
    post_delete.connect(entry_deleted, sender=Entry, dispatch_uid="entry-search-text")
    songs_renamed.connect(songs_were_renamed, dispatch_uid="articles-search-text")

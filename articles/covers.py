"""Every article without a hero image gets a cover we draw (core/covers.py): a record
sleeve in its moods' colours, with a band and a groove for each of its songs.

The cover is drawn from the article's key and title, its moods (their slugs) and its
songs in order (their keys: a song's key never changes, so editing a song's title
leaves its articles' covers as they are). Any save that changes one of them, of the
article, an entry or a mood link, redraws it once the transaction commits; the old
files are deleted then. An uploaded hero wins: the cover is dropped while there is one.

Pages read the cover from the article's row (`cover_renditions`), which lists already
load: no query is added to draw or show a cover. Rows written without save(), such as
`make_bulk`'s, have none until `manage.py make_covers` draws them.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from articles.models import Article, Entry
from articles.tag_models import TaggedArticleMood
from core.covers import (
    draw_cover,
    drawing_folder,
    fingerprint,
    is_stored,
    keep_only,
)
from core.renditions import Renditions, store_drawn
from core.translated import columns
from songs.monograms import refresh_monogram

COVER_PREFIX = "cover:"


def refresh_cover(article_id):
    """Draw the cover of the article `article_id` if what it shows has changed, or drop
    it if the article has a hero image; delete the files it no longer uses on commit."""
    with transaction.atomic():
        article = (
            Article.objects.filter(pk=article_id)
            .only(*columns(Article, "pk", "title", "hero_image", "cover_renditions"))
            .first()
        )
        if article is None:
            return  # deleted in the meantime: its files stay, for "Recover deleted"
        wanted = Renditions()
        if not article.hero_image:
            mood_slugs = sorted(article.mood_links.values_list("tag__slug", flat=True))
            song_ids = list(
                Entry.objects.filter(article=article_id)
                .order_by("position")
                .values_list("song_id", flat=True)
            )
            digest = fingerprint(article.pk, article.title, mood_slugs, song_ids)
            source = COVER_PREFIX + digest
            if is_stored(article.cover, source):
                return
            image = draw_cover(mood_slugs, [f"song-{pk}" for pk in song_ids], source)
            wanted = store_drawn(image, f"{drawing_folder(article, 'covers')}/{digest}", source)
        keep_only(article, "cover_renditions", wanted, drawing_folder(article, "covers"))


def refresh_cover_on_commit(article_id):
    if article_id is not None:
        transaction.on_commit(partial(refresh_cover, article_id))


def _article_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not {"title", "hero_image"} & set(update_fields):
        return  # cover_renditions itself, a status change: nothing the cover shows
    refresh_cover_on_commit(instance.pk)


def _part_changed(sender, instance, **kwargs):
    field = "content_object_id" if sender is TaggedArticleMood else "article_id"
    refresh_cover_on_commit(getattr(instance, field))


def connect():
    post_save.connect(_article_saved, sender=Article, dispatch_uid="covers-article")
    for model in (Entry, TaggedArticleMood):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"covers-{model.__name__}")
        post_delete.connect(
            _part_changed, sender=model, dispatch_uid=f"covers-{model.__name__}-delete"
        )


def draw_missing_pictures(article_ids, artists):
    """Draw the covers of `article_ids` and the monograms of `artists` (a QuerySet) that
    are missing or out of date: for rows written without save()."""
    for article_id in article_ids:
        refresh_cover(article_id)
    for artist_id in artists.order_by("pk").values_list("pk", flat=True):
        refresh_monogram(artist_id)

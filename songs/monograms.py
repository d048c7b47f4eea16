"""Every artist without a photo gets a monogram we draw (core/covers.py): a symmetric
pattern in a colour of its own, made from the artist's name and kind, in any script.
It carries no letters (see core/covers.py); its alt text is the artist's name.

Drawn once the save that created the artist, renamed it, or removed its photo commits;
the old files are deleted then. A photo wins: the monogram is dropped while there is one.
Rows written without save(), such as `make_bulk`'s, have none until
`manage.py make_covers` draws them.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save

from core.covers import (
    draw_monogram,
    drawing_folder,
    fingerprint,
    is_stored,
    keep_only,
)
from core.renditions import Renditions, store_drawn
from core.translated import columns
from songs.models import Artist

MONOGRAM_PREFIX = "monogram:"


def refresh_monogram(artist_id):
    """Draw the monogram of the artist `artist_id` if its name or kind changed, or drop it
    if the artist has a photo; delete the files it no longer uses on commit."""
    with transaction.atomic():
        artist = (
            Artist.objects.filter(pk=artist_id)
            .only(*columns(Artist, "pk", "name", "kind", "photo", "monogram_renditions"))
            .first()
        )
        if artist is None:
            return
        wanted = Renditions()
        if not artist.photo:
            digest = fingerprint(artist.pk, artist.name, artist.kind)
            source = MONOGRAM_PREFIX + digest
            if is_stored(artist.monogram, source):
                return
            image = draw_monogram(artist.name, artist.kind)
            wanted = store_drawn(image, f"{drawing_folder(artist, 'monograms')}/{digest}", source)
        keep_only(artist, "monogram_renditions", wanted, drawing_folder(artist, "monograms"))


def _artist_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not {"name", "kind", "photo"} & set(update_fields):
        return
    transaction.on_commit(partial(refresh_monogram, instance.pk))


def connect():
    post_save.connect(_artist_saved, sender=Artist, dispatch_uid="monograms-artist")

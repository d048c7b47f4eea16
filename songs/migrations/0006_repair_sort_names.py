"""Repair artist sort names that every save spaced out a little more (issue 21).

Artist.save() romanised the stored sort name again on each save, and the old
romanize() joined its parts with spaces: 'rein・middonaito' became
'rein ・ middonaito', then 'rein  ・  middonaito', and so on; '♪ yorushika' became
'♪  yorushika'. Only sort names holding a character other than ASCII went through
it again (ASCII came back unchanged), so only those are touched: runs of spaces
become one space, and the spaces around ・ go. Search text is left as it is: it
still finds the artist, and the next save rebuilds it. The rules are written out
here, not imported, so the migration keeps meaning what it meant.
"""

import re

from django.db import migrations
from django.utils import timezone

SPACES = re.compile(r"\s+")
SPACES_AROUND_MIDDLE_DOT = re.compile(r" ?・ ?")


def repaired_sort_name(sort_name):
    if sort_name.isascii():
        return sort_name
    return SPACES_AROUND_MIDDLE_DOT.sub("・", SPACES.sub(" ", sort_name).strip())


def repair_sort_names(apps, schema_editor):
    Artist = apps.get_model("songs", "Artist")
    repaired = []
    for artist in Artist.objects.only("sort_name").iterator(chunk_size=500):
        sort_name = repaired_sort_name(artist.sort_name)
        if sort_name != artist.sort_name:
            Artist.objects.filter(pk=artist.pk).update(sort_name=sort_name)
            repaired.append(artist.pk)
    if repaired:
        # Written without save(): tell cached pages themselves (core/cache.py), so the
        # A–Z list does not keep the old order. "artists" is songs/cache_tags.ARTISTS.
        CacheInvalidation = apps.get_model("core", "CacheInvalidation")
        now = timezone.now()
        tags = ["artists", *(f"artist-{pk}" for pk in repaired)]
        CacheInvalidation.objects.bulk_create(
            [CacheInvalidation(tag=tag, at=now) for tag in tags], batch_size=500
        )


class Migration(migrations.Migration):

    dependencies = [
        ("songs", "0005_artist_sort_order"),
        ("core", "0001_initial"),
    ]

    operations = [
        # The damaged spacing is not worth restoring: going back leaves the repair.
        migrations.RunPython(repair_sort_names, migrations.RunPython.noop),
    ]

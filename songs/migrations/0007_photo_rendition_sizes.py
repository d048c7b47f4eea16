"""Store each artist photo rendition's size in bytes beside its name, as new renditions
are, so that every row has one shape. A file the storage cannot find gets 0, "unknown".
"""

from django.core.files.storage import default_storage
from django.db import migrations

FORMATS = ("webp", "jpeg")
BATCH = 500


def stored_size(name):
    try:
        return default_storage.size(name)
    except OSError:
        return 0


def with_sizes(renditions):
    return {
        **renditions,
        **{
            kind: [[width, name, stored_size(name)] for width, name, *_ in renditions[kind]]
            for kind in FORMATS
            if kind in renditions
        },
    }


def without_sizes(renditions):
    return {
        **renditions,
        **{
            kind: [[width, name] for width, name, *_ in renditions[kind]]
            for kind in FORMATS
            if kind in renditions
        },
    }


def rewrite_renditions(apps, change):
    Artist = apps.get_model("songs", "Artist")
    batch = []
    rows = Artist.objects.only("pk", "photo_renditions").order_by("pk")
    for artist in rows.iterator(chunk_size=BATCH):
        if artist.photo_renditions:
            artist.photo_renditions = change(artist.photo_renditions)
            batch.append(artist)
        if len(batch) == BATCH:
            Artist.objects.bulk_update(batch, ["photo_renditions"])
            batch = []
    Artist.objects.bulk_update(batch, ["photo_renditions"])


def add_sizes(apps, schema_editor):
    rewrite_renditions(apps, with_sizes)


def remove_sizes(apps, schema_editor):
    rewrite_renditions(apps, without_sizes)


class Migration(migrations.Migration):
    dependencies = [
        ("songs", "0006_repair_sort_names"),
    ]

    operations = [
        migrations.RunPython(add_sizes, remove_sizes),
    ]

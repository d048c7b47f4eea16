"""Store each hero rendition's size in bytes beside its name, as new renditions are.

Feeds used to ask the storage for the enclosure's size on every render (a request
per item on S3); now they read it from the row. A file the storage cannot find
gets 0, which feeds give as "length unknown".
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
    Article = apps.get_model("articles", "Article")
    batch = []
    rows = Article.objects.only("pk", "hero_renditions").order_by("pk")
    for article in rows.iterator(chunk_size=BATCH):
        if article.hero_renditions:
            article.hero_renditions = change(article.hero_renditions)
            batch.append(article)
        if len(batch) == BATCH:
            Article.objects.bulk_update(batch, ["hero_renditions"])
            batch = []
    Article.objects.bulk_update(batch, ["hero_renditions"])


def add_sizes(apps, schema_editor):
    rewrite_renditions(apps, with_sizes)


def remove_sizes(apps, schema_editor):
    rewrite_renditions(apps, without_sizes)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_delete_contentversion"),
    ]

    operations = [
        migrations.RunPython(add_sizes, remove_sizes),
    ]

"""The Japanese artist index: Artist.kana_sort, filled for every artist, and its index.

The key is derived as Artist.derive_sort_keys() derives it, by core.kana.index_key: the
rules are imported rather than written out here, since the key is only ever meant to be
what a save would store now; a change to them comes with a migration that fills it again.
"""

import django.db.models.functions.text
from django.db import migrations, models
from django.utils import timezone

import core.fields
from core.kana import index_key


def fill_kana_sort(apps, schema_editor):
    Artist = apps.get_model("songs", "Artist")
    filled = []
    for artist in Artist.objects.only("name_kana", "name_en", "name_ja").iterator(chunk_size=500):
        # The Japanese name first, then each language's, as derive_sort_keys() reads them.
        names = [artist.name_ja or "", artist.name_en or "", artist.name_ja or ""]
        artist.kana_sort = index_key(artist.name_kana, names)[:200]
        if artist.kana_sort:
            filled.append(artist)
    if not filled:
        return  # a new database: no list has been cached, and no row need be written
    Artist.objects.bulk_update(filled, ["kana_sort"], batch_size=500)
    # Written without save(): tell cached pages themselves (core/cache.py), so the
    # Japanese A–Z list does not keep the old order. "artists" is songs/cache_tags.ARTISTS.
    CacheInvalidation = apps.get_model("core", "CacheInvalidation")
    CacheInvalidation.objects.create(tag="artists", at=timezone.now())


class Migration(migrations.Migration):

    dependencies = [
        ("songs", "0017_translated_catalogue"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="artist",
            name="kana_sort",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="artist",
            name="files_by_romaji",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Q(("kana_sort", "")),
                output_field=models.BooleanField(),
            ),
        ),
        migrations.AlterField(
            model_name="artist",
            name="name_kana",
            field=core.fields.CleanCharField(
                blank=True,
                help_text="How the name reads, in hiragana, e.g. 'よねづけんし'. It files the artist in the Japanese index (あ か さ た な …), and search finds them by it. Left empty, a name in Japanese files by a dictionary reading, which can be wrong for names, and a name in Latin letters files after the kana, by its sort name.",
                max_length=200,
                verbose_name="reading (kana)",
            ),
        ),
        # Going back drops the column: nothing to undo. Filled before the index is built.
        migrations.RunPython(fill_kana_sort, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="artist",
            index=models.Index(
                models.F("files_by_romaji"),
                models.F("kana_sort"),
                django.db.models.functions.text.Lower("sort_name"),
                models.F("id"),
                name="artist_gojuon",
            ),
        ),
    ]

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    """The A–Z indexes hold sort_name too, so a page's walk reads the index alone; the
    English one orders by name_en, as artists are now listed everywhere but the Japanese
    index (songs/artists.py)."""

    dependencies = [
        ('songs', '0019_bytewise_short_grams'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="artist",
            options={
                "ordering": [django.db.models.functions.text.Lower("sort_name"), "name_en", "id"],
                "verbose_name": "artist",
                "verbose_name_plural": "artists",
            },
        ),
        migrations.RemoveIndex(
            model_name='artist',
            name='artist_a_to_z',
        ),
        migrations.RemoveIndex(
            model_name='artist',
            name='artist_gojuon',
        ),
        migrations.AddIndex(
            model_name='artist',
            index=models.Index(django.db.models.functions.text.Lower('sort_name'), models.F('name_en'), models.F('id'), include=('sort_name',), name='artist_a_to_z'),
        ),
        migrations.AddIndex(
            model_name='artist',
            index=models.Index(models.F('files_by_romaji'), models.F('kana_sort'), django.db.models.functions.text.Lower('sort_name'), models.F('id'), include=('sort_name',), name='artist_gojuon'),
        ),
    ]

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    """The A–Z indexes hold sort_name too, so a page's walk reads the index alone; the
    English one orders by name_en, the column the page orders by (songs/artists.py)."""

    dependencies = [
        ('songs', '0019_bytewise_short_grams'),
    ]

    operations = [
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

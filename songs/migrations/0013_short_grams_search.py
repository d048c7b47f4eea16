from django.db import migrations

from core.short_grams import AddShortGramsIndex, CreateShortGramsFunction


class Migration(migrations.Migration):
    """One- and two-character searches served by an index on PostgreSQL; SQLite keeps
    scanning."""

    dependencies = [("songs", "0012_monograms")]

    operations = [
        CreateShortGramsFunction(),
        AddShortGramsIndex("song", "search_text", name="song_search_grams", bytewise=False),
        AddShortGramsIndex("artist", "search_text", name="artist_search_grams", bytewise=False),
    ]

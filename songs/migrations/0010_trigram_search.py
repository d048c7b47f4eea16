from django.db import migrations

from core.trigram import AddTrigramIndex, CreateTrigramExtension


class Migration(migrations.Migration):
    """Substring search (LIKE '%…%') served by pg_trgm indexes; SQLite keeps scanning."""

    dependencies = [
        ("songs", "0009_indexes_for_lists"),
    ]

    operations = [
        CreateTrigramExtension(),
        AddTrigramIndex("song", "search_text", name="song_search_trgm"),
        AddTrigramIndex("artist", "search_text", name="artist_search_trgm"),
    ]

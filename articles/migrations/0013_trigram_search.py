from django.db import migrations

from core.trigram import AddTrigramIndex


class Migration(migrations.Migration):
    """Substring search (LIKE '%…%') served by pg_trgm indexes; SQLite keeps scanning."""

    dependencies = [
        ("articles", "0012_indexes_for_lists"),
        ("songs", "0010_trigram_search"),  # creates the extension
    ]

    operations = [
        AddTrigramIndex("article", "search_text", name="article_search_trgm"),
        # Commentary is matched with icontains, which compares UPPER() of both sides.
        AddTrigramIndex("entry", "commentary", name="entry_commentary_trgm", uppercase=True),
    ]

from django.db import migrations

from core.short_grams import AddShortGramsIndex
from core.trigram import AddTrigramIndex


class Migration(migrations.Migration):
    """Commentary is searched in both languages' columns (articles/search.py): each gets
    the trigram and short-gram indexes the single column had, on PostgreSQL."""

    dependencies = [
        ("articles", "0021_translated_articles"),
    ]

    operations = [
        AddTrigramIndex("entry", "commentary_en", name="entry_commentary_en_trgm", uppercase=True),
        AddTrigramIndex("entry", "commentary_ja", name="entry_commentary_ja_trgm", uppercase=True),
        AddShortGramsIndex(
            "entry",
            "commentary_en",
            name="entry_commentary_en_grams",
            uppercase=True,
            bytewise=False,
        ),
        AddShortGramsIndex(
            "entry",
            "commentary_ja",
            name="entry_commentary_ja_grams",
            uppercase=True,
            bytewise=False,
        ),
    ]

from django.db import migrations

from core.short_grams import AddShortGramsIndex


class Migration(migrations.Migration):
    """One- and two-character searches served by an index on PostgreSQL; SQLite keeps
    scanning."""

    dependencies = [
        ("articles", "0017_covers"),
        ("songs", "0013_short_grams_search"),  # creates the function
    ]

    operations = [
        AddShortGramsIndex("article", "search_text", name="article_search_grams", bytewise=False),
        # Commentary is matched case-blind, on UPPER() of both sides.
        AddShortGramsIndex(
            "entry", "commentary", name="entry_commentary_grams", uppercase=True, bytewise=False
        ),
    ]

from django.db import migrations

from core.short_grams import AddShortGramsIndex
from core.trigram import AddTrigramIndex, DropPostgreSQLIndex


class Migration(migrations.Migration):
    """Commentary is searched in each language's column since 0022. The indexes on the
    column that held it before are read by no query, and every saved entry wrote to
    them: on PostgreSQL they were a third of the cost of inserting an entry."""

    dependencies = [
        ("articles", "0023_article_complete_languages"),
    ]

    operations = [
        DropPostgreSQLIndex(
            AddTrigramIndex("entry", "commentary", name="entry_commentary_trgm", uppercase=True)
        ),
        DropPostgreSQLIndex(
            AddShortGramsIndex(
                "entry", "commentary", name="entry_commentary_grams", uppercase=True, bytewise=False
            )
        ),
    ]

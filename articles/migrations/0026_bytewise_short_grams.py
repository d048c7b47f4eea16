from importlib import import_module

from django.db import migrations

from core.short_grams import rebuilt_bytewise

# ANALYZE still skips the articles' grams (0025); a rebuilt index must say so again.
no_statistics = import_module("articles.migrations.0025_no_statistics_on_article_grams")


class Migration(migrations.Migration):
    """The articles' and entries' short-grams indexes compare grams bytewise, as the
    lookups now do (songs' migration 0019 gave the function its faster body)."""

    dependencies = [
        ("articles", "0025_no_statistics_on_article_grams"),
        ("songs", "0019_bytewise_short_grams"),
    ]

    operations = [
        # On the way back, for the index rebuilt as it was.
        migrations.RunPython(migrations.RunPython.noop, no_statistics.without_statistics),
        *rebuilt_bytewise("article", "search_text", "article_search_grams"),
        migrations.RunPython(no_statistics.without_statistics, migrations.RunPython.noop),
        *rebuilt_bytewise("entry", "commentary_en", "entry_commentary_en_grams", uppercase=True),
        *rebuilt_bytewise("entry", "commentary_ja", "entry_commentary_ja_grams", uppercase=True),
    ]

from django.db import migrations

import core.fields
from core.folding import search_document

BATCH_SIZE = 500


def fill_search_texts(apps, schema_editor):
    """Every article's title text, and its search text with its songs' (as Article.save)."""
    Article = apps.get_model("articles", "Article")
    Entry = apps.get_model("articles", "Entry")
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        songs = {}
        listed = Entry.objects.filter(article__in=batch).order_by("article", "position")
        for article_id, text in listed.values_list("article_id", "song__search_text"):
            songs.setdefault(article_id, []).append(text)
        articles = list(Article.objects.filter(pk__in=batch).only("title", "lead", "intro"))
        for article in articles:
            article.title_text = search_document(article.title)
            own = search_document(article.title, article.lead, article.intro)
            article.search_text = "\n".join([own, *songs.get(article.pk, [])])
        Article.objects.bulk_update(articles, ["title_text", "search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_song_articles_by_id"),
        ("songs", "0011_artist_songs_by_id"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="title_text",
            field=core.fields.CleanTextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_search_texts, migrations.RunPython.noop, elidable=True),
    ]

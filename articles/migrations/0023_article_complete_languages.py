"""The languages each article is written in whole (Article.complete_languages): its title
and every entry's commentary. Filled here for the articles there are; saves and entry
changes keep it current from now on (articles/article_text.py)."""

from django.conf import settings
from django.db import migrations, models

BATCH_SIZE = 500


def fill_complete_languages(apps, schema_editor):
    """As articles/article_text.complete_languages() decides it, with one pass over the
    entries and one over the articles, then an UPDATE per distinct value and batch."""
    Article = apps.get_model("articles", "Article")
    Entry = apps.get_model("articles", "Entry")
    codes = [code for code, _name in settings.LANGUAGES]
    untranslated = {code: set() for code in codes}
    commentaries = [f"commentary_{code}" for code in codes]
    for article_id, *texts in Entry.objects.values_list("article_id", *commentaries).iterator():
        for code, text in zip(codes, texts, strict=True):
            if not (text or "").strip():
                untranslated[code].add(article_id)
    by_value = {}
    titles = [f"title_{code}" for code in codes]
    for pk, *texts in Article.objects.values_list("pk", *titles).iterator():
        complete = [
            code
            for code, title in zip(codes, texts, strict=True)
            if (title or "").strip() and pk not in untranslated[code]
        ]
        by_value.setdefault(" ".join(complete), []).append(pk)
    for value, pks in by_value.items():
        for start in range(0, len(pks), BATCH_SIZE):
            batch = pks[start : start + BATCH_SIZE]
            Article.objects.filter(pk__in=batch).update(complete_languages=value)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_commentary_search_per_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="complete_languages",
            field=models.CharField(blank=True, editable=False, max_length=50),
        ),
        migrations.RunPython(fill_complete_languages, migrations.RunPython.noop),
    ]

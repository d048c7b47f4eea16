"""Each article keeps the languages its title and every entry's commentary are written in
(Article.complete_languages), current through saves and entry changes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import Article, Entry
from tests.factories import add_entries, make_article, make_song

pytestmark = pytest.mark.django_db


def stored(article):
    return Article.objects.get(pk=article.pk).complete_languages


def english_only():
    article = make_article("Songs to cry to")
    add_entries(article, [make_song("Eine Kleine"), make_song("Lemon")])
    return article


def in_both():
    article = make_article("Songs for the rain", title_ja="雨の日の歌")
    add_entries(article, [make_song("Sparkle"), make_song("Orion")], japanese=True)
    return article


def japanese_only():
    # Written by a Japanese editor first: no English title or commentary yet.
    article = Article.objects.create(
        title_ja="夜明けの歌",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    Entry.objects.create(article=article, song=make_song("Dawn"), position=1, commentary_ja="朝。")
    return article


# --- What the article row keeps ------------------------------------------------------


def test_an_article_knows_the_languages_its_title_and_commentary_are_written_in():
    assert stored(english_only()) == "en"
    assert stored(in_both()) == "en ja"
    assert stored(japanese_only()) == "ja"
    assert Article.objects.get(pk=in_both().pk).translated_languages == ["en", "ja"]


def test_an_article_with_no_entries_is_complete_where_its_title_is():
    assert stored(make_article("Empty list")) == "en"
    assert stored(make_article("Empty in both", title_ja="空のリスト")) == "en ja"


def test_an_entry_without_japanese_commentary_takes_japanese_away_until_it_leaves():
    article = in_both()
    entry = Entry.objects.create(
        article=article, song=make_song("Untranslated"), position=3, commentary_en="Why."
    )
    assert stored(article) == "en"
    entry.delete()
    assert stored(article) == "en ja"


def test_writing_the_missing_commentary_completes_the_language():
    article = make_article("Songs to cry to", title_ja="泣きたいときの歌")
    entry, *_ = add_entries(article, [make_song("Eine Kleine")])
    assert stored(article) == "en"
    entry.commentary_ja = "泣ける一曲。"
    entry.save()
    assert stored(article) == "en ja"
    entry.commentary_ja = ""
    entry.save(update_fields=["commentary_ja"])
    assert stored(article) == "en"


def test_a_renumbering_save_keeps_the_languages():
    article = in_both()
    first, second = article.entries.order_by("position")
    Entry.objects.renumber(article, [second, first])
    assert stored(article) == "en ja"


def test_the_title_counts_too():
    article = in_both()
    article = Article.objects.get(pk=article.pk)
    article.title_ja = ""
    article.save()
    assert stored(article) == "en"


# --- Existing rows -------------------------------------------------------------------

BEFORE = [("articles", "0022_commentary_search_per_language")]
AFTER = [("articles", "0023_article_complete_languages")]


@pytest.fixture
def migrator(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migration_fills_the_languages_of_existing_articles(migrator):
    old = migrator.loader.project_state(BEFORE).apps
    OldArticle, OldEntry = old.get_model("articles", "Article"), old.get_model("articles", "Entry")
    songs = [make_song("Eine Kleine"), make_song("Lemon")]
    articles = {}
    for slug, title_ja, commentaries_ja in [
        ("both", "両方", ["一", "二"]),
        ("one-missing", "片方", ["一", "  "]),
        ("english", None, ["", None]),
        ("empty", "空", []),
    ]:
        article = articles[slug] = OldArticle.objects.create(
            slug=slug, title_en=slug, title_ja=title_ja, entries_per_page=10
        )
        for position, commentary_ja in enumerate(commentaries_ja, start=1):
            OldEntry.objects.create(
                article=article,
                song_id=songs[position - 1].pk,
                position=position,
                commentary_en="Why.",
                commentary_ja=commentary_ja,
            )

    MigrationExecutor(connection).migrate(AFTER)

    assert dict(Article.objects.values_list("slug", "complete_languages")) == {
        "both": "en ja",
        "one-missing": "en",
        "english": "en",
        "empty": "en ja",
    }

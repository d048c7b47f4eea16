"""An article is offered in a language (hreflang, the sitemap's alternates) only where its
title and every entry's commentary are written in it; elsewhere the language switcher
says the page is not translated yet."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import Article, Entry
from articles.sitemaps import ArticleSitemap
from tests.factories import add_entries, make_article, make_song

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


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


def hreflangs(html):
    """{hreflang: href} of the page's <link rel="alternate" hreflang> tags."""
    found = {}
    for tag in html.split("<link ")[1:]:
        if 'rel="alternate" hreflang="' in tag:
            code = tag.split('hreflang="', 1)[1].split('"', 1)[0]
            found[code] = tag.split('href="', 1)[1].split('"', 1)[0]
    return found


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


def test_completing_or_uncompleting_a_language_dates_the_article_for_the_sitemap():
    article = make_article("Songs to cry to", title_ja="泣きたいときの歌")
    entry, *_ = add_entries(article, [make_song("Eine Kleine")])
    a_while_ago = timezone.now() - timedelta(days=9)

    def dated_after_edit(**commentary):
        Article.objects.filter(pk=article.pk).update(updated_at=a_while_ago)
        row = Entry.objects.get(pk=entry.pk)
        for field, value in commentary.items():
            setattr(row, field, value)
        row.save()
        return Article.objects.get(pk=article.pk).updated_at > a_while_ago

    assert dated_after_edit(commentary_ja="泣ける一曲。")  # Japanese complete
    assert not dated_after_edit(commentary_ja="泣ける。")  # still complete
    assert dated_after_edit(commentary_ja="")  # Japanese no longer complete


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


# --- The article page ----------------------------------------------------------------


def test_a_translated_article_names_both_languages_and_the_default(client):
    article = in_both()
    path = article.get_absolute_url()
    for prefix in ("", "/ja"):
        html = client.get(prefix + path).content.decode()
        assert hreflangs(html) == {
            "en": f"http://testserver{path}",
            "ja": f"http://testserver/ja{path}",
            "x-default": f"http://testserver{path}",
        }
        assert "not translated yet" not in html
        assert "未翻訳" not in html


def test_an_english_only_article_offers_no_japanese_version(client):
    path = english_only().get_absolute_url()
    english = client.get(path).content.decode()
    japanese = client.get("/ja" + path).content.decode()
    expected = {"en": f"http://testserver{path}", "x-default": f"http://testserver{path}"}
    assert hreflangs(english) == hreflangs(japanese) == expected


NOINDEX = '<meta name="robots" content="noindex">'


@pytest.mark.parametrize(
    ("article", "indexed"),
    [(english_only, {"en"}), (japanese_only, {"ja"}), (in_both, {"en", "ja"})],
)
def test_a_search_engine_indexes_an_article_only_in_the_languages_it_is_written_in(
    client, article, indexed
):
    path = article().get_absolute_url()
    for prefix, code in [("", "en"), ("/ja", "ja")]:
        # Elsewhere the page is the fallback, its text the other language's page's.
        assert (NOINDEX not in client.get(prefix + path).content.decode()) == (code in indexed)


def test_an_article_written_in_no_language_whole_is_indexed_in_the_default(client):
    article = english_only()
    Entry.objects.filter(article=article, position=1).update(commentary_en="")
    Article.objects.filter(pk=article.pk).update(complete_languages="")
    path = article.get_absolute_url()
    assert NOINDEX not in client.get(path).content.decode()
    assert NOINDEX in client.get("/ja" + path).content.decode()


def test_the_switcher_says_in_words_that_the_japanese_page_is_not_translated(client):
    path = english_only().get_absolute_url()
    html = client.get(path).content.decode()
    # Still a link (the Japanese page shows the English text), named in full.
    assert (
        f'<a href="http://testserver/ja{path}" hreflang="ja"><span lang="ja">日本語</span> '
        '<span class="not-translated">(not translated yet)</span></a>'
    ) in html


def test_on_the_japanese_fallback_the_switcher_says_so_in_japanese(client):
    path = english_only().get_absolute_url()
    html = client.get("/ja" + path).content.decode()
    assert (
        '<span aria-current="true"><span lang="ja">日本語</span> '
        '<span class="not-translated">（未翻訳）</span></span>'
    ) in html
    assert f'href="http://testserver{path}" hreflang="en" lang="en">English</a>' in html


def test_a_japanese_only_article_has_no_x_default(client):
    path = japanese_only().get_absolute_url()
    html = client.get("/ja" + path).content.decode()
    assert hreflangs(html) == {"ja": f"http://testserver/ja{path}"}
    english = client.get(path).content.decode()
    assert '<span lang="en">English</span> <span class="not-translated">' in english


def test_other_pages_name_every_language(client):
    english_only()
    assert set(hreflangs(client.get("/articles/").content.decode())) == {"en", "ja", "x-default"}


def test_the_cached_page_names_japanese_on_the_next_request_after_it_is_written(client):
    article = make_article("Songs to cry to")
    entry, *_ = add_entries(article, [make_song("Eine Kleine")])
    path = article.get_absolute_url()
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    assert "ja" not in hreflangs(client.get(path).content.decode())

    article = Article.objects.get(pk=article.pk)
    article.title_ja = "泣きたいときの歌"
    article.save()
    assert "ja" not in hreflangs(client.get(path).content.decode())  # commentary still missing
    entry.commentary_ja = "泣ける一曲。"
    entry.save()

    html = client.get(path).content.decode()
    assert hreflangs(html)["ja"] == f"http://testserver/ja{path}"
    assert "not translated yet" not in html


# --- The sitemap ---------------------------------------------------------------------


def sitemap_urls(client):
    """{URL: {hreflang: href}} of the articles' section."""
    root = ET.fromstring(client.get("/sitemap-articles.xml").content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def test_the_sitemap_lists_each_article_in_its_complete_languages_only(client):
    both, english, japanese = in_both(), english_only(), japanese_only()
    urls = sitemap_urls(client)
    both_path, english_path, japanese_path = (
        a.get_absolute_url() for a in (both, english, japanese)
    )
    both_alternates = {
        "en": f"http://testserver{both_path}",
        "ja": f"http://testserver/ja{both_path}",
        "x-default": f"http://testserver{both_path}",
    }
    assert urls[f"http://testserver{both_path}"] == both_alternates
    assert urls[f"http://testserver/ja{both_path}"] == both_alternates
    assert urls[f"http://testserver{english_path}"] == {
        "en": f"http://testserver{english_path}",
        "x-default": f"http://testserver{english_path}",
    }
    assert f"http://testserver/ja{english_path}" not in urls
    # No English version: no x-default, which would name the English URL.
    assert urls[f"http://testserver/ja{japanese_path}"] == {
        "ja": f"http://testserver/ja{japanese_path}"
    }
    assert f"http://testserver{japanese_path}" not in urls
    assert len(urls) == 4


def test_an_article_complete_in_no_language_is_still_listed_in_the_default(client):
    article = make_article("Commentary to come")
    Entry.objects.create(article=article, song=make_song("Lemon"), position=1)
    assert stored(article) == ""
    path = article.get_absolute_url()
    assert list(sitemap_urls(client)) == [f"http://testserver{path}"]


def test_sitemap_pages_stay_within_the_limit_with_languages_per_article(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)  # one article's key a page
    in_both(), english_only(), in_both()
    counts = []
    for number in range(1, 10):
        response = client.get("/sitemap-articles.xml", {"p": number})
        if response.status_code == 404:
            break
        counts.append(response.content.decode().count("<url>"))
    assert counts == [2, 1, 2]


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

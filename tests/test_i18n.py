"""The site in English at the root and in Japanese under /ja/."""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from articles.models import Entry
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    mood, audience = make_mood("Tear-jerking"), make_audience("Women in their 40s")
    artist = make_artist("Kenshi Yonezu", aliases="米津玄師, Yonezu Kenshi")
    song = make_song(
        "Eine Kleine",
        artist=artist,
        alt_titles="アイネクライネ",
        moods=[mood],
        audiences=[audience],
        release_date=timezone.datetime(2014, 3, 5).date(),
    )
    # Written in both languages: each page names the other as its translation.
    article = make_article(
        "Songs to cry to",
        title_ja="泣きたいときに聴く歌",
        when=timezone.make_aware(timezone.datetime(2025, 6, 14, 19, 0)),
    )
    add_entries(article, [song], japanese=True)
    return {"article": article, "artist": artist, "song": song, "mood": mood, "audience": audience}


# (path, words the English page shows, words the Japanese page shows)
PAGES = [
    ("/", "Latest articles", "新着記事"),
    ("/articles/", "<h1>Articles</h1>", "<h1>記事</h1>"),
    ("{article}", "Published", "（1〜1）"),
    ("/artists/", "Artists A–Z", "アーティスト一覧"),
    # No Japanese name: the English one stands in, marked as English.
    (
        "{artist}",
        "Articles featuring Kenshi Yonezu",
        '<span lang="en">Kenshi Yonezu</span>が登場する記事',
    ),
    ("{song}", "Articles featuring this song", "この曲が登場する記事"),
    ("{mood}", "Songs (1)", "曲（1）"),
    ("{audience}", "Songs (1)", "曲（1）"),
    ("/search/?q=yonezu", "Search results for", "の検索結果"),
    ("/eras/heisei/", "Japanese era", "元号"),
    ("/decades/2010s/", "<h1>2010s</h1>", "<h1>2010年代</h1>"),
]


def page_path(template, site):
    return template.format(**{name: obj.get_absolute_url() for name, obj in site.items()})


@pytest.mark.parametrize(("path", "english", "japanese"), PAGES)
def test_every_page_speaks_english_at_the_root(client, site, path, english, japanese):
    html = client.get(page_path(path, site)).content.decode()
    assert '<html lang="en">' in html
    assert english in html
    assert japanese not in html


@pytest.mark.parametrize(("path", "english", "japanese"), PAGES)
def test_every_page_speaks_japanese_under_ja(client, site, path, english, japanese):
    response = client.get("/ja" + page_path(path, site))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert japanese in html
    # Links inside a Japanese page stay in Japanese.
    assert 'href="/ja/articles/"' in html


@pytest.mark.parametrize(("path", "english", "japanese"), PAGES)
def test_every_page_names_its_translations(client, site, path, english, japanese):
    path = page_path(path, site)
    html = client.get(path).content.decode()
    assert f'hreflang="en" href="http://testserver{path}"' in html
    assert f'hreflang="ja" href="http://testserver/ja{path}"' in html
    assert f'hreflang="x-default" href="http://testserver{path}"' in html


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, site):
    path = site["article"].get_absolute_url()
    english = client.get(path).content.decode()
    japanese = client.get("/ja" + path).content.decode()
    assert f'href="http://testserver/ja{path}" hreflang="ja" lang="ja">日本語</a>' in english
    assert f'href="http://testserver{path}" hreflang="en" lang="en">English</a>' in japanese


def test_switcher_keeps_the_page_number(client, site):
    article = site["article"]
    article.entries_per_page = 1
    article.save()
    Entry.objects.create(article=article, song=make_song("Second song"), position=2)
    path = article.get_absolute_url()
    html = client.get(path, {"page": 2}).content.decode()
    assert f'href="http://testserver/ja{path}?page=2" hreflang="ja"' in html


def test_dates_follow_each_language(client, site):
    path = site["article"].get_absolute_url()
    assert "June 14, 2025" in client.get(path).content.decode()
    assert "2025年6月14日" in client.get("/ja" + path).content.decode()


def test_japanese_feed_is_valid_and_links_to_japanese_pages(client, site):
    path = site["article"].get_absolute_url()
    body = client.get("/ja/feed/").content
    ET.fromstring(body)
    feed = feedparser.parse(body)
    assert not feed.bozo
    assert feed.entries[0].link == f"http://testserver/ja{path}"


def test_japanese_facet_feed_has_a_japanese_title(client, site):
    feed = feedparser.parse(client.get(f"/ja/moods/{site['mood'].slug}/feed/").content)
    assert not feed.bozo
    assert feed.feed.title == "Liner Notes：Tear-jerking"


def test_search_form_errors_are_translated(client):
    html = client.get("/ja/search/", {"q": "x" * 101}).content.decode()
    assert "検索語は100文字以内で入力してください。" in html


def test_unknown_language_prefix_is_a_404(client, site):
    assert client.get("/fr" + site["article"].get_absolute_url()).status_code == 404


def test_unicode_in_urls_never_breaks_a_page(client, site):
    for path in [
        "/articles/泣ける歌/",
        "/ja/articles/泣ける歌/",
        "/moods/涙/",
        "/search/?q=%E6%B6%99",
    ]:
        assert client.get(path).status_code in {200, 404}


def japanese_catalog(domain):
    import polib
    from django.conf import settings

    return polib.pofile(str(settings.BASE_DIR / f"locale/ja/LC_MESSAGES/{domain}.po"))


# The catalogs and how many messages each holds at least: templates and Python
# (the reader's site and the admin), and the admin's scripts.
CATALOGS = [("django", 200), ("djangojs", 8)]


@pytest.mark.parametrize(("domain", "at_least"), CATALOGS)
def test_every_translation_is_filled_in(domain, at_least):
    po = japanese_catalog(domain)
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert len(po) >= at_least


@pytest.mark.parametrize(("domain", "at_least"), CATALOGS)
def test_every_translation_keeps_its_placeholders(domain, at_least):
    placeholder = re.compile(r"%\(\w+\)[sd]")
    for entry in japanese_catalog(domain):
        wanted = set(placeholder.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                assert set(placeholder.findall(text)) == wanted, entry.msgid


def test_switcher_on_a_missing_page_leads_to_the_other_languages_home(client):
    html = client.get("/ja/no-such-page/").content.decode()
    assert 'href="http://testserver/" hreflang="en" lang="en">English</a>' in html

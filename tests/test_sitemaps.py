import xml.etree.ElementTree as ET
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Article
from articles.sitemaps import ArticleSitemap
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    make_work,
    update_bypassing_save,
)

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SECTIONS = [
    "pages",
    "articles",
    "artists",
    "songs",
    "moods",
    "audiences",
    "works",
    "tie-ins",
    "periods",
]


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # strict: any XML error raises


def index_locations(client):
    root = get_xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def section_urls(client, location):
    """{URL: lastmod or None} of one section, fetched by its absolute URL from the index."""
    parts = urlsplit(location)
    root = get_xml(client, parts.path + (f"?{parts.query}" if parts.query else ""))
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def all_urls(client):
    urls = {}
    for location in index_locations(client):
        urls.update(section_urls(client, location))
    return urls


@pytest.fixture
def site():
    mood, audience = make_mood("Tear-jerking"), make_audience("Night-shift workers")
    artist = make_artist("Kenshi Yonezu")
    work = make_work("Your Name", "film")
    song = make_song(
        "Eine Kleine", artist=artist, moods=[mood], work=work, release_date=date(2014, 3, 5)
    )
    # Written in both languages, so listed in both.
    article = make_article("Songs for when you want to cry", title_ja="泣きたいときの歌")
    article.moods.set([mood])
    add_entries(article, [song], japanese=True)
    return {
        "article": article,
        "artist": artist,
        "song": song,
        "mood": mood,
        "audience": audience,
        "work": work,
    }


def test_sitemap_is_an_index_of_every_section(client, site):
    assert index_locations(client) == [
        f"http://testserver/sitemap-{section}.xml" for section in SECTIONS
    ]


def test_sections_list_articles_artists_songs_tags_and_fixed_pages(client, site):
    urls = all_urls(client)
    expected_paths = [
        "/",
        "/articles/",
        "/artists/",
        site["article"].get_absolute_url(),
        site["artist"].get_absolute_url(),
        site["song"].get_absolute_url(),
        site["mood"].get_absolute_url(),
        site["audience"].get_absolute_url(),
        site["work"].get_absolute_url(),
        "/tie-ins/film/",
        "/eras/heisei/",  # the era and decade of the song's release
        "/decades/2010s/",
    ]
    # Every page in English at the root and in Japanese under /ja/.
    expected = [
        f"http://testserver{prefix}{path}" for prefix in ("", "/ja") for path in expected_paths
    ]
    assert sorted(urls) == sorted(expected)


def test_each_url_names_its_translation_with_hreflang(client, site):
    body = client.get("/sitemap-articles.xml").content.decode()
    path = site["article"].get_absolute_url()
    assert f'hreflang="en" href="http://testserver{path}"' in body
    assert f'hreflang="ja" href="http://testserver/ja{path}"' in body
    assert f'hreflang="x-default" href="http://testserver{path}"' in body


def test_article_lastmod_is_the_day_of_its_last_edit(client, site):
    article = site["article"]
    update_bypassing_save(
        Article.objects.filter(pk=article.pk), updated_at=article.updated_at - timedelta(days=9)
    )
    lastmod = section_urls(client, "/sitemap-articles.xml")[
        f"http://testserver{article.get_absolute_url()}"
    ]
    # Django's sitemap template writes the day only, in the site's time zone.
    assert lastmod == timezone.localdate(article.updated_at - timedelta(days=9)).isoformat()


def test_index_gives_each_dated_section_its_newest_lastmod(client, site):
    root = get_xml(client, "/sitemap.xml")
    lastmods = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in root.findall("sm:sitemap", NS)
    }
    articles_lastmod = lastmods["http://testserver/sitemap-articles.xml"]
    assert parse_datetime(articles_lastmod) == site["article"].updated_at
    assert lastmods["http://testserver/sitemap-moods.xml"] is None


def test_the_kept_index_follows_a_new_lastmod_and_a_new_section_page(
    client, site, settings, monkeypatch
):
    settings.PAGE_CACHE = False  # the index's own kept text is under test

    def articles_lastmod():
        root = get_xml(client, "/sitemap.xml")
        entries = {e.findtext("sm:loc", namespaces=NS): e for e in root.findall("sm:sitemap", NS)}
        entry = entries["http://testserver/sitemap-articles.xml"]
        return parse_datetime(entry.findtext("sm:lastmod", namespaces=NS)), len(entries)

    first_lastmod, _ = articles_lastmod()
    article = Article.objects.get(pk=site["article"].pk)
    article.title = "Songs for when you want to cry, retitled"
    article.save()
    lastmod, count = articles_lastmod()
    assert lastmod == Article.objects.get(pk=article.pk).updated_at > first_lastmod
    monkeypatch.setattr(ArticleSitemap, "limit", 2)  # a page a language: two pages
    make_article("Another list")
    assert articles_lastmod()[1] == count + 1


def test_every_url_in_the_sitemap_answers_200(client, site):
    for url in all_urls(client):
        assert client.get(urlsplit(url).path).status_code == 200, url


def test_drafts_and_scheduled_articles_stay_out_of_the_sitemap(client, site):
    make_article("Draft Zebra", published=False)
    make_article("Scheduled Okapi", when=timezone.now() + timedelta(days=1))
    urls = " ".join(all_urls(client))
    assert "draft-zebra" not in urls
    assert "scheduled-okapi" not in urls


def test_a_section_past_its_limit_is_split_into_pages_the_index_lists(client, site, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for n in range(4):
        make_article(f"Extra {n}", title_ja=f"追加の記事 {n}")

    locations = [loc for loc in index_locations(client) if "sitemap-articles" in loc]

    # Five articles in two languages: ten URLs, two a page.
    assert locations == [
        "http://testserver/sitemap-articles.xml",
        *(f"http://testserver/sitemap-articles.xml?p={n}" for n in range(2, 6)),
    ]
    pages = [section_urls(client, location) for location in locations]
    assert [len(page) for page in pages] == [2, 2, 2, 2, 2]
    assert len(set().union(*pages)) == 10


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Disallow: /{settings.ADMIN_URL}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_index_queries_do_not_grow_with_content(client, django_assert_max_num_queries):
    for n in range(30):
        make_article(f"Article {n}")
    # A count and a newest edit per section at most; never a query per item.
    with django_assert_max_num_queries(2 * len(SECTIONS)):
        client.get("/sitemap.xml")


def test_works_and_kinds_only_in_drafts_stay_out_of_the_sitemap(client, site):
    draft_work = make_work("Draft Zebra Film", "anime")
    draft = make_article("Draft list", published=False)
    scheduled = make_article("Scheduled list", when=timezone.now() + timedelta(days=1))
    add_entries(draft, [make_song("Zebra song", work=draft_work)])
    add_entries(scheduled, [make_song("Okapi song", work=draft_work)])
    make_work("Songless work", "game")

    urls = " ".join(all_urls(client))

    assert site["work"].get_absolute_url() in urls
    assert draft_work.slug not in urls
    assert "songless-work" not in urls
    assert "/tie-ins/anime/" not in urls
    assert "/tie-ins/game/" not in urls

"""JSON Feed 1.1 at /feed.json and per mood, audience and artist: valid against the
schema in tests/data, the same items as the RSS feeds, linked from the pages."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator

from articles.models import Article
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "data" / "jsonfeed-1.1.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_the_schema_refuses_what_json_feed_refuses():
    valid = {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}
    assert VALIDATOR.is_valid(valid)
    assert not VALIDATOR.is_valid({**valid, "version": "https://jsonfeed.org/version/1"})
    assert not VALIDATOR.is_valid({**valid, "items": [{"id": "x"}]})  # no content
    assert not VALIDATOR.is_valid({**valid, "items": [{"content_html": "<p>x</p>"}]})  # no id
    assert not VALIDATOR.is_valid({**valid, "home_page_url": "/relative/"})
    assert not VALIDATOR.is_valid({**valid, "unknown": 1})


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/feed+json")
    document = json.loads(response.content)
    errors = [error.message for error in VALIDATOR.iter_errors(document)]
    assert not errors, errors
    for item in document["items"]:
        for field in ("date_published", "date_modified"):
            if field in item:
                assert datetime.fromisoformat(item[field]).tzinfo is not None  # RFC 3339
    return document


@pytest.fixture
def tagged():
    mood, audience = make_mood("Tear-jerking"), make_audience("Night-shift workers")
    artist = make_artist("Kenshi Yonezu")
    article = make_article("Songs for when you want to cry", lead="Cry & <feel> better.")
    article.moods.set([mood])
    article.audiences.set([audience])
    add_entries(article, [make_song("Lemon", artist=artist)])
    return article, mood, audience, artist


def facet_urls(mood, audience, artist):
    return [
        f"/moods/{mood.slug}/feed.json",
        f"/audiences/{audience.slug}/feed.json",
        f"/artists/{artist.slug}/feed.json",
    ]


def test_site_feed_carries_what_json_feed_1_1_asks_for(client, tagged):
    article, *_ = tagged

    feed = fetch(client, "/feed.json")

    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Liner Notes"
    assert feed["home_page_url"] == "http://testserver/"
    assert feed["feed_url"] == "http://testserver/feed.json"
    assert feed["language"] == "en"
    [item] = feed["items"]
    assert item["url"] == f"http://testserver{article.get_absolute_url()}"
    assert item["title"] == "Songs for when you want to cry"
    assert item["summary"] == "Cry & <feel> better."
    # Escaped, as in the other feeds: the editor's text is never HTML.
    assert "<p>Cry &amp; &lt;feel&gt; better.</p>" in item["content_html"]
    assert "<li>Lemon — Kenshi Yonezu</li>" in item["content_html"]
    assert item["tags"] == ["Tear-jerking", "Night-shift workers"]
    assert item["authors"] == [{"name": "Liner Notes"}]
    assert {"date_published", "date_modified"} <= item.keys()


def test_item_ids_are_the_rss_guids(client, tagged):
    rss = feedparser.parse(client.get("/feed/").content)

    assert [item["id"] for item in fetch(client, "/feed.json")["items"]] == [
        entry.id for entry in rss.entries
    ]


def test_facet_feeds_list_only_their_articles(client, tagged):
    article, mood, audience, artist = tagged
    make_article("Another list")  # no tag, no song

    for url in facet_urls(mood, audience, artist):
        assert [item["title"] for item in fetch(client, url)["items"]] == [article.title], url
    assert len(fetch(client, "/feed.json")["items"]) == 2


def test_japanese_feeds_say_so(client, tagged):
    _article, mood, _audience, _artist = tagged

    feed = fetch(client, f"/ja/moods/{mood.slug}/feed.json")

    assert feed["language"] == "ja"
    assert feed["feed_url"] == f"http://testserver/ja/moods/{mood.slug}/feed.json"


def test_an_unknown_facet_is_404(client):
    for url in ["/moods/nope/feed.json", "/audiences/nope/feed.json", "/artists/nope/feed.json"]:
        assert client.get(url).status_code == 404


def test_feeds_are_valid_with_no_articles(client):
    assert fetch(client, "/feed.json")["items"] == []


def test_only_published_articles_are_items(client, tagged):
    make_article("Draft list", published=False)
    make_article("Scheduled list", when=timezone.now() + timedelta(hours=1))

    assert [item["title"] for item in fetch(client, "/feed.json")["items"]] == [tagged[0].title]


def test_an_edit_shows_on_the_very_next_request(client, tagged):
    article = tagged[0]
    fetch(client, "/feed.json")
    article.title = "Retitled"
    article.save()

    assert fetch(client, "/feed.json")["items"][0]["title"] == "Retitled"


def test_the_feed_costs_the_same_queries_however_many_articles(
    client, tagged, django_assert_max_num_queries
):
    _article, mood, _audience, _artist = tagged
    for index in range(25):
        extra = make_article(f"Extra {index}")
        extra.moods.set([mood])
        add_entries(extra, [make_song(f"Song {index}")])
    for url in ["/feed.json", f"/moods/{mood.slug}/feed.json"]:
        with django_assert_max_num_queries(12):
            assert len(fetch(client, url)["items"]) == 20


def test_pages_with_feeds_link_their_json_feed(client, tagged):
    article, mood, audience, artist = tagged
    site_link = 'type="application/feed+json" title="Liner Notes (JSON Feed)" href="/feed.json"'
    assert site_link in client.get(article.get_absolute_url()).content.decode()
    pages = [mood.get_absolute_url(), audience.get_absolute_url(), artist.get_absolute_url()]
    for page, feed_url in zip(pages, facet_urls(mood, audience, artist), strict=True):
        html = client.get(page).content.decode()
        assert 'type="application/feed+json" title="Liner Notes: ' in html
        assert f'href="{feed_url}"' in html


def test_an_unpublished_article_leaves_the_feed_at_once(client, tagged):
    article = tagged[0]
    fetch(client, "/feed.json")
    article.status = Article.Status.DRAFT
    article.save()

    assert fetch(client, "/feed.json")["items"] == []

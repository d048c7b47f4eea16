"""/feed/updates/ and its Atom twin: one item per logged update of a published list;
the article feeds' `updated` follows the log."""

import html
import xml.etree.ElementTree as ET
from datetime import timedelta
from io import StringIO

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, ArticleUpdate
from articles.update_log import record_update, snapshot_if_public
from tests.factories import add_entries, make_article, make_song

pytestmark = pytest.mark.django_db

UPDATE_FEEDS = [("/feed/updates/", "rss20"), ("/feed/updates/atom/", "atom10")]


def parse(client, url, version):
    response = client.get(url)
    assert response.status_code == 200
    ET.fromstring(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    return feed


def add_songs(article, *titles):
    """Add songs to `article` the way a save does, logging the update; the new line."""
    before = snapshot_if_public(article.pk)
    start = article.entries.count()
    songs = [make_song(title) for title in titles]
    for position, song in enumerate(songs, start=start + 1):
        article.entries.create(song=song, position=position)
    return record_update(Article.objects.get(pk=article.pk), before)


@pytest.fixture
def grown():
    article = make_article("Songs for a long drive")
    add_entries(article, [make_song("A")])
    add_songs(article, "B", "C", "D")
    return article


@pytest.mark.parametrize(("url", "version"), UPDATE_FEEDS)
def test_each_update_is_an_item_saying_what_changed(client, grown, url, version):
    feed = parse(client, url, version)

    [item] = feed.entries
    assert item.title == "Songs for a long drive: 3 songs added"
    assert "3 songs added: B, C, D" in item.summary
    update = ArticleUpdate.objects.get()
    assert item.link == f"http://testserver{grown.get_absolute_url()}#update-{update.pk}"


@pytest.mark.parametrize(("url", "version"), UPDATE_FEEDS)
def test_guids_are_stable_and_new_for_each_update(client, grown, url, version):
    first = parse(client, url, version).entries[0].id
    add_songs(grown, "E")

    items = parse(client, url, version).entries

    assert [item.id for item in items][1] == first
    assert items[0].id != first
    assert first.startswith("tag:") and first.endswith(
        f"/updates/{ArticleUpdate.objects.last().pk}"
    )


def test_rss_guid_is_not_a_permalink(client, grown):
    assert b'<guid isPermaLink="false">tag:' in client.get("/feed/updates/").content


def test_the_japanese_feed_speaks_japanese(client, grown):
    feed = parse(client, "/ja/feed/updates/", "rss20")

    assert feed.entries[0].title == "Songs for a long drive：3曲を追加"


@pytest.mark.parametrize(("url", "version"), UPDATE_FEEDS)
def test_the_feed_is_valid_with_no_updates(client, url, version):
    assert parse(client, url, version).entries == []


def test_a_new_update_shows_on_the_very_next_request(client, grown):
    parse(client, "/feed/updates/", "rss20")
    add_songs(grown, "E")

    assert len(parse(client, "/feed/updates/", "rss20").entries) == 2


def test_unpublishing_takes_the_updates_off_the_feed_at_once(client, grown):
    parse(client, "/feed/updates/", "rss20")
    grown.status = Article.Status.DRAFT
    grown.save()

    assert parse(client, "/feed/updates/", "rss20").entries == []


def test_the_feed_costs_the_same_queries_however_many_updates(
    client, grown, django_assert_max_num_queries
):
    for index in range(25):
        add_songs(make_article(f"Other list {index}"), f"Song {index}")
    with django_assert_max_num_queries(6):
        feed = parse(client, "/feed/updates/", "rss20")
    assert len(feed.entries) == 20


def test_article_feeds_are_updated_when_the_list_last_changed(client, grown):
    update = ArticleUpdate.objects.get()
    # A later save that changes no song leaves `updated` where the log put it.
    Article.objects.filter(pk=grown.pk).update(updated_at=update.at + timedelta(days=3))

    [item] = parse(client, "/feed/atom/", "atom10").entries

    assert item.updated_parsed[:6] == update.at.utctimetuple()[:6]


def test_article_feeds_without_a_log_are_updated_at_the_last_save(client):
    article = make_article("No log yet")
    saved = timezone.now() - timedelta(hours=2)
    Article.objects.filter(pk=article.pk).update(updated_at=saved)

    [item] = parse(client, "/feed/atom/", "atom10").entries

    assert item.updated_parsed[:6] == saved.utctimetuple()[:6]


def test_the_demo_logs_the_new_song_it_shows(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", "--reset", stdout=StringIO())  # still one line, not two

    [item] = parse(client, "/feed/updates/", "rss20").entries

    assert item.title.endswith("Love, and Work: 1 song added")
    assert "1 song added: Even If It's One of a Kind" in html.unescape(item.summary)
    page = client.get("/articles/songs-for-when-you-want-to-cry/").text
    assert 'class="badge-new" href="#update-' in page

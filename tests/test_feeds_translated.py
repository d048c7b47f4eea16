"""Feeds in their language: /ja/ feeds carry the Japanese titles and summaries, with the
English ones standing in item by item where a translation is missing."""

import json

import feedparser
import pytest

from tests.factories import add_entries, make_article, make_artist, make_mood, make_song

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    mood = make_mood("Tear-jerking")
    mood.label_ja, mood.description_ja = "泣ける歌", "涙の歌。"
    mood.save()
    artist = make_artist("Kenshi Yonezu", name_ja="米津玄師")
    song = make_song("Eine Kleine", artist=artist, title_ja="アイネクライネ")
    translated = make_article("Songs to cry to", lead="When you need it.")
    translated.title_ja, translated.lead_ja = "泣ける歌", "泣きたいときに。"
    translated.save()
    untranslated = make_article("English only", lead="Only in English.")
    for article in (translated, untranslated):
        article.moods.set([mood])
        add_entries(article, [song])
    return {"mood": mood, "artist": artist, "translated": translated}


def items_by_link(client, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.bozo_exception
    return feed, {entry.link.split("/articles/")[1]: entry for entry in feed.entries}


@pytest.mark.parametrize(
    "url",
    [
        "/ja/feed/",
        "/ja/feed/atom/",
        "/ja/moods/tear-jerking/feed/",
        "/ja/artists/kenshi-yonezu/feed/",
    ],
)
def test_japanese_feeds_carry_japanese_text_with_english_fallback(client, site, url):
    _feed, items = items_by_link(client, url)
    japanese = items["songs-to-cry-to/"]
    assert japanese.title == "泣ける歌"
    assert "泣きたいときに。" in japanese.summary
    assert "アイネクライネ — 米津玄師" in japanese.summary
    english = items["english-only/"]
    assert english.title == "English only"
    assert "Only in English." in english.summary


@pytest.mark.parametrize("url", ["/feed/", "/moods/tear-jerking/feed/"])
def test_english_feeds_stay_english(client, site, url):
    _feed, items = items_by_link(client, url)
    assert items["songs-to-cry-to/"].title == "Songs to cry to"
    assert "Eine Kleine — Kenshi Yonezu" in items["songs-to-cry-to/"].summary


def test_the_japanese_mood_feed_is_named_by_its_japanese_label(client, site):
    feed, items = items_by_link(client, "/ja/moods/tear-jerking/feed/")
    assert "泣ける歌" in feed.feed.title
    assert feed.feed.subtitle == "涙の歌。"
    assert [tag.term for tag in items["songs-to-cry-to/"].tags] == ["泣ける歌"]


def test_the_japanese_json_feed_carries_japanese_text(client, site):
    feed = json.loads(client.get("/ja/feed.json").content)
    items = {item["url"].split("/articles/")[1]: item for item in feed["items"]}
    assert items["songs-to-cry-to/"]["title"] == "泣ける歌"
    assert items["songs-to-cry-to/"]["summary"] == "泣きたいときに。"
    assert items["english-only/"]["title"] == "English only"

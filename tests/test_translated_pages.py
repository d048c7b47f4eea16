"""Pages in the reader's language: Japanese content under /ja/, English at the root, and
the other language, marked with `lang`, where a translation is missing."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

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
    mood.label_ja, mood.description, mood.description_ja = "泣ける歌", "Tears.", "涙の歌。"
    mood.save()
    artist = make_artist(
        "Kenshi Yonezu", name_ja="米津玄師", name_kana="よねづけんし", bio="A *singer*."
    )
    song = make_song(
        "Eine Kleine",
        artist=artist,
        title_ja="アイネクライネ",
        moods=[mood],
        audiences=[audience],
    )
    untranslated = make_song("Lemon", artist=artist)
    article = make_article("Songs to cry to", lead="When you need it.", intro="Some *tears*.")
    article.title_ja, article.lead_ja = "泣ける歌", "泣きたいときに。"
    article.save()
    article.moods.set([mood])
    entries = add_entries(article, [song, untranslated])
    entries[0].commentary_ja = "**名曲**です。"
    entries[0].save()
    return {"article": article, "artist": artist, "song": song, "mood": mood, "lemon": untranslated}


def text_of(response):
    return response.content.decode()


def test_the_japanese_article_page_shows_the_japanese_fields(client, site):
    page = text_of(client.get("/ja" + site["article"].get_absolute_url()))
    assert "<h1>泣ける歌</h1>" in page
    assert "泣きたいときに。" in page
    assert "<strong>名曲</strong>" in page
    assert ">アイネクライネ</a>" in page
    assert ">米津玄師</a>" in page
    assert "Kenshi Yonezu</a>" not in page


def test_the_english_article_page_shows_the_english_fields(client, site):
    page = text_of(client.get(site["article"].get_absolute_url()))
    assert "<h1>Songs to cry to</h1>" in page
    assert ">Eine Kleine</a>" in page
    assert ">Kenshi Yonezu</a>" in page
    assert "米津玄師" not in page
    assert "名曲" not in page


def test_a_missing_translation_falls_back_with_its_language(client, site):
    page = text_of(client.get("/ja" + site["article"].get_absolute_url()))
    # Lemon has no Japanese title and its entry no Japanese commentary.
    assert '<span lang="en">Lemon</span>' in page
    assert re.search(r'<div lang="en"><p>Why Lemon belongs here\.</p>\s*</div>', page)
    # The intro exists in English only.
    assert '<div lang="en"><p>Some <em>tears</em>.</p>' in page


def test_text_in_the_pages_language_carries_no_lang_of_its_own(client, site):
    page = text_of(client.get(site["article"].get_absolute_url()))
    # The language switcher names each language in that language, by design: the article
    # is not complete in Japanese, so "日本語" stands in a span of its own beside the
    # notice, which is in the page's language.
    switcher = re.compile(r'<nav class="language-switcher".*?</nav>', re.DOTALL)
    assert len(switcher.findall(page)) == 1
    assert not re.search(r'<(span|div) lang="', switcher.sub("", page))


def test_english_fallback_on_the_english_page_from_japanese(client):
    with translation.override("ja"):
        artist = make_artist("宇多田ヒカル")
    page = text_of(client.get(artist.get_absolute_url()))
    assert '<h1><span lang="ja">宇多田ヒカル</span></h1>' in page


def test_artist_page_in_each_language(client, site):
    url = site["artist"].get_absolute_url()
    assert "<h1>米津玄師</h1>" in text_of(client.get("/ja" + url))
    assert "<h1>Kenshi Yonezu</h1>" in text_of(client.get(url))


def test_mood_page_shows_the_label_and_description_in_each_language(client, site):
    url = site["mood"].get_absolute_url()
    japanese = text_of(client.get("/ja" + url))
    assert "<h1>泣ける歌</h1>" in japanese and "涙の歌。" in japanese
    english = text_of(client.get(url))
    assert "<h1>Tear-jerking</h1>" in english and "Tears." in english


def test_song_page_in_each_language(client, site):
    url = site["song"].get_absolute_url()
    assert "<h1>アイネクライネ</h1>" in text_of(client.get("/ja" + url))
    assert "<h1>Eine Kleine</h1>" in text_of(client.get(url))


def test_home_page_shows_japanese_titles_and_labels_under_ja(client, site):
    page = text_of(client.get("/ja/"))
    assert "泣ける歌" in page and "米津玄師" in page


def test_the_filter_escapes_what_it_wraps(site):
    artist = site["artist"]
    artist.name_en = "<b>Kenshi</b>"
    template = Template('{% load translated %}{{ artist|translated:"name" }}')
    with translation.override("en"):
        assert template.render(Context({"artist": artist})) == "&lt;b&gt;Kenshi&lt;/b&gt;"
    artist.name_ja = None
    with translation.override("ja"):
        assert (
            template.render(Context({"artist": artist}))
            == '<span lang="en">&lt;b&gt;Kenshi&lt;/b&gt;</span>'
        )


def test_page_cache_keeps_each_language_apart(client, site):
    url = site["article"].get_absolute_url()
    client.get(url)
    client.get("/ja" + url)
    assert "<h1>Songs to cry to</h1>" in text_of(client.get(url))
    assert "<h1>泣ける歌</h1>" in text_of(client.get("/ja" + url))


def test_a_translation_edit_shows_on_the_next_request(client, site):
    url = "/ja" + site["article"].get_absolute_url()
    client.get(url)
    article = site["article"]
    article.title_ja = "涙の歌"
    article.save()
    assert "<h1>涙の歌</h1>" in text_of(client.get(url))


def test_audience_chips_fall_back_to_the_name(client, site):
    make_audience("Night owls")
    page = text_of(client.get("/ja/"))
    assert '<span lang="en">Women in their 40s</span>' in page

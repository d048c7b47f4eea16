"""The Japanese demo content matches the English demo: same slugs, every article and entry
written in Japanese, readings in hiragana, names the English catalogue already knows."""

import re

import pytest

from articles.demo.articles import LONG_ARTICLE, MAIN_ARTICLE, RELATED_ARTICLES, SONG_NOTES
from articles.demo.catalogue import ARTISTS, AUDIENCES, MOODS
from articles.demo.japanese_articles import ARTICLES_JA
from articles.demo.japanese_catalogue import ARTISTS_JA, AUDIENCES_JA, MOODS_JA, SONGS_JA
from articles.demo.songs import SONGS
from core.slugs import ascii_slug

JAPANESE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
HIRAGANA_READING = re.compile("[\u3041-\u3096ー ]+")
BRACKETED = re.compile("（[^）]*）")


def english_articles():
    """Every demo article as load_demo builds it: {slug: {"title", "entries": {song: text}}}."""
    articles = {
        data["slug"]: {"title": data["title"], "entries": dict(data["entries"])}
        for data in (MAIN_ARTICLE, LONG_ARTICLE)
    }
    for title, _moods, _audiences, song_slugs, _lead in RELATED_ARTICLES:
        articles[ascii_slug(title, max_length=80)] = {
            "title": title,
            "entries": {slug: SONG_NOTES[slug] for slug in song_slugs},
        }
    return articles


def strings_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    else:
        yield value


ENGLISH_ARTICLES = english_articles()
ENGLISH_ARTISTS = {data["slug"]: data for data in ARTISTS}
ENGLISH_SONGS = {data["slug"]: data for data in SONGS}
ISSUE_SONG_TITLES = {
    "eine-kleine": "アイネクライネ",
    "endless-journey": "終わりなき旅",
    "sparkle": "スパークル",
    "soranji": "ソランジ",
    "unchanging-things": "変わらないもの",
    "one-more-time-one-more-chance": "One more time, One more chance",
}


def test_every_english_article_has_a_japanese_edition_and_no_other():
    assert len(ENGLISH_ARTICLES) == 15
    assert set(ARTICLES_JA) == set(ENGLISH_ARTICLES)


@pytest.mark.parametrize("slug", sorted(ENGLISH_ARTICLES))
def test_japanese_article_is_written_in_japanese(slug):
    article = ARTICLES_JA[slug]
    for field in ("title", "lead", "intro"):
        assert JAPANESE_SCRIPT.search(article[field]), field
    # The English demo articles carry no hero image alt text, so neither do these.
    assert "hero_alt" not in article


@pytest.mark.parametrize("slug", sorted(ENGLISH_ARTICLES))
def test_every_entry_has_japanese_commentary(slug):
    english = ENGLISH_ARTICLES[slug]["entries"]
    japanese = ARTICLES_JA[slug]["entries"]
    assert set(japanese) == {song for song, commentary in english.items() if commentary}
    assert all(JAPANESE_SCRIPT.search(text) for text in japanese.values())


def test_no_japanese_string_is_empty_or_padded():
    for table in (ARTICLES_JA, ARTISTS_JA, SONGS_JA, MOODS_JA, AUDIENCES_JA):
        for text in strings_in(table):
            assert isinstance(text, str)
            assert text and text == text.strip(), repr(text)


def test_paragraphs_are_parted_as_in_markdown():
    for text in strings_in(ARTICLES_JA):
        assert "\n\n\n" not in text
        assert all(line == line.strip() and line for line in text.split("\n\n")), repr(text)


def test_every_artist_has_a_hiragana_reading_and_a_japanese_bio():
    assert set(ARTISTS_JA) == set(ENGLISH_ARTISTS)
    for slug, artist in ARTISTS_JA.items():
        assert HIRAGANA_READING.fullmatch(artist["kana"]), slug
        assert JAPANESE_SCRIPT.search(artist["bio"]), slug


def test_artist_names_are_ones_the_english_catalogue_knows():
    """A name is the English name or one of its aliases: no spelling made up here."""
    for slug, artist in ARTISTS_JA.items():
        if "name" in artist:
            english = ENGLISH_ARTISTS[slug]
            known = {english["name"], *(a.strip() for a in english["aliases"].split(","))}
            assert artist["name"] in known, slug


def test_artists_with_a_native_script_name_have_it():
    latin_names = {"mr-children", "radwimps", "mrs-green-apple", "yoasobi", "superfly"}
    for slug, artist in ARTISTS_JA.items():
        if "name" in artist and slug not in latin_names:
            assert JAPANESE_SCRIPT.search(artist["name"]), slug


def test_song_titles_are_ones_the_english_demo_knows():
    """A title is the English title or one of its alternative titles, a bracketed reading
    aside (奏（かなで）)."""
    assert set(SONGS_JA) <= set(ENGLISH_SONGS)
    for slug, song in SONGS_JA.items():
        english = ENGLISH_SONGS[slug]
        known = {english["title"], *(a.strip() for a in english["alt_titles"].split(","))}
        title = song["title"]
        assert title in known or BRACKETED.sub("", title) in known, slug


def test_the_six_songs_the_issue_names_carry_their_japanese_titles():
    for slug, title in ISSUE_SONG_TITLES.items():
        assert SONGS_JA[slug]["title"] == title


@pytest.mark.parametrize(("japanese", "english"), [(MOODS_JA, MOODS), (AUDIENCES_JA, AUDIENCES)])
def test_every_mood_and_audience_has_a_japanese_name_and_description(japanese, english):
    assert set(japanese) == set(english)
    for facet in japanese.values():
        assert JAPANESE_SCRIPT.search(facet["name"])
        assert JAPANESE_SCRIPT.search(facet["description"])

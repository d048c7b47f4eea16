"""Text fields in English and Japanese (django-modeltranslation): what save() derives from
each language, and what it must leave alone."""

import pytest
from django.utils import translation

from articles.models import Article, Entry
from core.folding import search_document
from songs.models import Artist, Mood, Song
from tests.factories import add_entries, make_article, make_artist, make_mood, make_song

pytestmark = pytest.mark.django_db


def test_a_field_set_under_english_is_the_english_column():
    article = make_article("Songs for rainy days")
    assert (article.title_en, article.title_ja) == ("Songs for rainy days", None)


def test_the_reader_gets_their_language_else_the_other():
    article = make_article("Songs for rainy days")
    with translation.override("ja"):
        assert article.title == "Songs for rainy days"
        article.title = "雨の日の歌"
        article.save()
    article.refresh_from_db()
    assert article.title == "Songs for rainy days"
    with translation.override("ja"):
        assert article.title == "雨の日の歌"


def test_a_translation_leaves_the_slug_as_it_is():
    article = make_article("Songs for rainy days")
    with translation.override("ja"):
        article.title = "雨の日の歌"
        article.save()
    assert Article.objects.get(pk=article.pk).slug == "songs-for-rainy-days"


def test_a_japanese_only_title_gets_a_romaji_slug():
    with translation.override("ja"):
        article = make_article("雨の歌")
    assert (article.title_en, article.title_ja) == (None, "雨の歌")
    assert article.slug.isascii() and article.slug


def test_saving_under_japanese_copies_nothing_into_english():
    """strip() of the title under Japanese reads the English fallback: it must not be
    written into the Japanese column."""
    article = make_article("Songs for rainy days")
    with translation.override("ja"):
        Article.objects.get(pk=article.pk).save()
    assert Article.objects.get(pk=article.pk).title_ja is None


def test_intro_html_is_rendered_in_each_language():
    article = make_article("Rain", intro="*Wet* songs.")
    with translation.override("ja"):
        article.intro = "*雨*の歌。"
        article.save()
    assert "<em>Wet</em>" in article.intro_html_en
    assert "<em>雨</em>" in article.intro_html_ja
    assert "<em>Wet</em>" not in article.intro_html_ja


def test_commentary_html_is_rendered_in_each_language():
    article = make_article("Rain")
    (entry,) = add_entries(article, [make_song("Lemon")])
    entry.commentary_ja = "**名曲**です。"
    entry.save()
    entry = Entry.objects.get(pk=entry.pk)
    assert "<strong>名曲</strong>" in entry.commentary_html_ja
    assert "Why Lemon belongs here." in entry.commentary_html_en


def test_an_article_is_found_by_its_title_in_either_language():
    article = make_article("Songs for rainy days", lead="Wet weather.")
    article.title_ja, article.lead_ja = "雨の日の歌", "梅雨に。"
    article.save()
    assert "雨の日の歌" in article.title_text and "songs for rainy days" in article.title_text
    assert "梅雨に。" in article.search_text and "wet weather." in article.search_text


def test_an_artist_is_found_by_both_names_and_the_reading():
    artist = make_artist("Kenshi Yonezu", name_ja="米津玄師", name_kana="よねづけんし")
    for text in ["米津玄師", "よねづけんし", "kenshi yonezu"]:
        assert text in artist.search_text
    # The reading's romaji too: "yonezu" whatever the spelling of the English name.
    assert "yonezukenshi" in artist.search_text.replace(" ", "")


def test_a_song_is_found_by_its_artists_japanese_name_and_reading():
    artist = make_artist("Kenshi Yonezu", name_ja="米津玄師", name_kana="よねづけんし")
    song = make_song("Eine Kleine", artist=artist, title_ja="アイネクライネ")
    for text in ["あいねくらいね", "米津玄師", "よねづけんし", "eine kleine"]:
        assert text in song.search_text


def test_an_artists_japanese_name_refreshes_the_search_text_of_articles_listing_them():
    artist = make_artist("Kenshi Yonezu")
    article = make_article("Rain")
    add_entries(article, [make_song("Lemon", artist=artist)])
    artist.name_ja = "米津玄師"
    artist.save()
    assert "米津玄師" in Article.objects.get(pk=article.pk).search_text
    assert "米津玄師" in Song.objects.get(artist=artist).search_text


def test_the_sort_name_comes_from_the_english_name_else_the_japanese_in_romaji():
    assert make_artist("Kenshi Yonezu").sort_name == "Kenshi Yonezu"
    with translation.override("ja"):
        japanese_only = make_artist("米津玄師")
    assert japanese_only.name_en is None
    assert japanese_only.sort_name.isascii() and japanese_only.sort_name
    assert japanese_only.slug.isascii()


def test_bio_html_is_rendered_in_each_language():
    artist = make_artist("Kenshi Yonezu", bio="A *singer*.", bio_ja="*歌手*。")
    assert "<em>singer</em>" in artist.bio_html_en
    assert "<em>歌手</em>" in artist.bio_html_ja


def test_a_tag_keeps_one_name_and_shows_a_label_per_language():
    mood = make_mood("Tear-jerking")
    mood.label_ja = "泣ける歌"
    mood.save()
    assert mood.display_name == "Tear-jerking"
    with translation.override("ja"):
        assert mood.display_name == "泣ける歌"


def test_taggit_finds_tags_by_name_under_japanese():
    """taggit looks tags up by name: the name is not translated, so adding an existing
    tag by name under Japanese reuses it rather than making a second one."""
    make_mood("Tear-jerking")
    song = make_song("Lemon")
    with translation.override("ja"):
        song.moods.add("Tear-jerking")
        song.moods.add("雨")
    assert Mood.objects.count() == 2
    assert sorted(song.moods.names()) == ["Tear-jerking", "雨"]


def test_tag_descriptions_are_translated():
    mood = Mood.objects.create(name="Rain", description="Wet.")
    mood.description_ja = "雨の歌。"
    mood.save()
    with translation.override("ja"):
        assert Mood.objects.get(pk=mood.pk).description == "雨の歌。"
    assert Mood.objects.get(pk=mood.pk).description == "Wet."


def test_search_document_is_unchanged_for_english_only_content():
    """Existing (English) content keeps the search text it had: nothing to re-index."""
    artist = make_artist("Kenshi Yonezu", aliases="米津玄師")
    assert artist.search_text == search_document(
        "Kenshi Yonezu", "Kenshi Yonezu", *artist.alias_list
    )
    assert Artist.objects.get(pk=artist.pk).search_text == artist.search_text

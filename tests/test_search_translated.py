"""Search across both languages on either site: an artist's Japanese name, its reading
in hiragana or katakana, and its romaji all find him, his songs and every list with him."""

import pytest

from tests.factories import add_entries, make_article, make_artist, make_song

pytestmark = pytest.mark.django_db


@pytest.fixture
def yonezu():
    """Kenshi Yonezu with his Japanese name and reading, and no alias: what finds him
    comes from the translated fields alone."""
    artist = make_artist("Kenshi Yonezu", name_ja="米津玄師", name_kana="よねづけんし")
    songs = [
        make_song("Eine Kleine", artist=artist, title_ja="アイネクライネ"),
        make_song("Lemon", artist=artist),
    ]
    articles = [make_article("Songs to cry to"), make_article("Rainy day songs")]
    add_entries(articles[0], songs)
    add_entries(articles[1], songs[1:])
    other = make_article("Unrelated list")
    add_entries(other, [make_song("Sparkle", artist=make_artist("RADWIMPS"))])
    return {"artist": artist, "songs": songs, "articles": articles, "other": other}


def group(html, kind):
    return html.split(f'id="group-{kind}"')[1].split("</section>")[0]


@pytest.mark.parametrize("prefix", ["", "/ja"])
@pytest.mark.parametrize("query", ["米津", "よねづ", "ヨネヅ", "yonezu"])
def test_an_artist_his_songs_and_his_lists_are_found_in_four_scripts(client, yonezu, prefix, query):
    html = client.get(f"{prefix}/search/", {"q": query}).text
    assert yonezu["artist"].get_absolute_url() in group(html, "artists")
    for song in yonezu["songs"]:
        assert song.get_absolute_url() in group(html, "songs")
    for article in yonezu["articles"]:
        assert article.get_absolute_url() in group(html, "articles")
    assert yonezu["other"].get_absolute_url() not in html


@pytest.mark.parametrize("prefix", ["", "/ja"])
def test_a_japanese_title_is_found_from_the_english_site_and_back(client, yonezu, prefix):
    article = yonezu["articles"][0]
    article.title_ja = "泣ける歌"
    article.save()
    assert article.get_absolute_url() in client.get(f"{prefix}/search/", {"q": "泣ける"}).text
    assert article.get_absolute_url() in client.get(f"{prefix}/search/", {"q": "cry"}).text


@pytest.mark.parametrize("prefix", ["", "/ja"])
def test_commentary_is_searched_in_both_languages(client, yonezu, prefix):
    article = yonezu["other"]
    entry = article.entries.get()
    entry.commentary_ja = "ピアノの前奏だけで涙が出る。"
    entry.save()
    for query in ["前奏", "belongs here"]:
        assert article.get_absolute_url() in client.get(f"{prefix}/search/", {"q": query}).text


def test_the_japanese_results_show_japanese_names(client, yonezu):
    html = client.get("/ja/search/", {"q": "yonezu"}).text
    assert ">米津玄師</a>" in html and ">アイネクライネ</a>" in html

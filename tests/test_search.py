import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_entries, make_article, make_artist, make_song

pytestmark = pytest.mark.django_db


@pytest.fixture
def eine_kleine():
    artist = make_artist("Kenshi Yonezu", aliases="米津玄師, Yonezu Kenshi")
    return make_song("Eine Kleine", artist=artist, alt_titles="アイネクライネ")


def songs_group(html):
    return html.split('id="group-songs"')[1].split("</section>")[0]


@pytest.mark.parametrize(
    "query", ["Eine", "eine kleine", "Yonezu", "米津", "アイネ", "あいね", "ｱｲﾈ"]
)
def test_song_is_found_by_title_artist_and_alias_in_any_script(client, eine_kleine, query):
    html = client.get("/search/", {"q": query}).text
    assert eine_kleine.get_absolute_url() in songs_group(html)


def test_artist_is_found_by_alias(client, eine_kleine):
    html = client.get("/search/", {"q": "米津玄師"}).text
    artists = html.split('id="group-artists"')[1]
    assert eine_kleine.artist.get_absolute_url() in artists


def test_article_is_found_by_title_and_by_commentary(client, eine_kleine):
    article = make_article("泣ける歌 特集")
    entry = add_entries(article, [eine_kleine])[0]
    entry.commentary = "The piano introduction alone brings tears."
    entry.save()
    assert article.get_absolute_url() in client.get("/search/", {"q": "泣ける"}).text
    assert article.get_absolute_url() in client.get("/search/", {"q": "PIANO intro"}).text


def test_two_character_japanese_substring_matches(client):
    article = make_article("失恋の涙ソング")
    assert article.get_absolute_url() in client.get("/search/", {"q": "涙"}).text
    assert article.get_absolute_url() in client.get("/search/", {"q": "失恋"}).text


def test_drafts_are_not_found(client):
    draft = make_article("Hidden tears", published=False)
    assert draft.get_absolute_url() not in client.get("/search/", {"q": "hidden"}).text


@pytest.mark.parametrize("query", [{}, {"q": "tears"}])
def test_the_search_page_has_one_search_box(client, query):
    html = client.get("/search/", query).text
    assert html.count('role="search"') == html.count('type="search"') == 1
    assert 'role="search"' in client.get("/").text  # the header's, on every other page


def test_empty_query_gets_a_helpful_page(client):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200
    assert "by mood" in response.text


@pytest.mark.parametrize(
    ("query", "message"),
    [("x" * 101, "at most 100 characters"), ("tears\x00", "cannot be used")],
)
def test_absurd_queries_get_a_clear_message(client, query, message):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.text


def test_results_of_one_kind_are_paginated(client):
    artist = make_artist("Prolific")
    for n in range(25):
        make_song(f"Prolific song {n:02d}", artist=artist)
    first = client.get("/search/", {"q": "prolific song", "kind": "songs"})
    assert first.status_code == 200
    assert "Songs (25)" in first.text
    assert "page=2" in first.text
    # The newest songs first.
    assert "Prolific song 24" in first.text and "Prolific song 00" not in first.text
    second = client.get("/search/", {"q": "prolific song", "kind": "songs", "page": 2})
    assert "Prolific song 00" in second.text and "Prolific song 24" not in second.text
    assert client.get("/search/", {"q": "prolific", "kind": "songs", "page": 9}).status_code == 404


def test_grouped_results_link_to_the_full_list(client):
    artist = make_artist("Prolific")
    for n in range(7):
        make_song(f"Prolific song {n}", artist=artist)
    html = client.get("/search/", {"q": "prolific song"}).text
    assert "kind=songs" in html
    assert "See all 7" in html


def test_unknown_kind_is_a_form_error_not_a_500(client):
    response = client.get("/search/", {"q": "x", "kind": "bogus"})
    assert response.status_code == 200
    assert "Choose articles, songs or artists" in response.text


def test_a_page_number_that_is_not_a_number_is_404(client):
    make_song("Prolific song")
    response = client.get("/search/", {"q": "prolific", "kind": "songs", "page": "two"})
    assert response.status_code == 404


def test_results_grouped_by_kind_ignore_the_page_number(client):
    song = make_song("Prolific song")
    response = client.get("/search/", {"q": "prolific", "page": 9})
    assert response.status_code == 200
    assert song.get_absolute_url() in songs_group(response.text)


def article_links(html):
    """The article URLs of the results, in the order shown."""
    section = html.split('id="group-articles"')[1].split("</section>")[0]
    return re.findall(r'href="(/articles/[^"]+)"', section)


@pytest.fixture
def yonezu_lists(eine_kleine):
    """Three lists with a Yonezu song whose own text never names him, one list without,
    and an older one with his name in its title (in kanji, and romaji, which kakasi
    would read as "yonetsu")."""
    other = make_song("Sparkle", artist=make_artist("RADWIMPS"))
    featuring = []
    for n in range(3):
        article = make_article(f"Songs for a rainy night {n}")
        add_entries(article, [other, eine_kleine])
        featuring.append(article)
    add_entries(make_article("Songs without him"), [other])
    titled = make_article(
        "米津玄師 (Yonezu) in ten songs", when=featuring[0].published_at.replace(year=2001)
    )
    add_entries(titled, [eine_kleine])
    return [titled, *featuring]


@pytest.mark.parametrize("query", ["米津", "yonezu", "YONEZU kenshi", "米津玄師", "ｱｲﾈ", "eine"])
def test_articles_are_found_by_the_songs_and_artists_they_list(client, yonezu_lists, query):
    found = article_links(client.get("/search/", {"q": query}).text)
    assert sorted(found) == sorted(article.get_absolute_url() for article in yonezu_lists)


def test_a_match_in_the_title_ranks_first(client, yonezu_lists):
    titled = yonezu_lists[0]
    # The titled list is the oldest, yet comes first, for kanji and romaji alike.
    for query in ["米津", "yonezu"]:
        found = article_links(client.get("/search/", {"q": query}).text)
        assert found[0] == titled.get_absolute_url(), query


def test_renaming_an_artist_or_song_updates_which_articles_are_found(client, yonezu_lists):
    song = yonezu_lists[1].entries.get(position=2).song
    artist = song.artist
    artist.name, artist.aliases = "Hachi", "ハチ"
    artist.save()
    for query in ["hachi", "ハチ", "はち"]:
        assert len(article_links(client.get("/search/", {"q": query}).text)) == 4, query
    # Only the list with "米津玄師" in its own title is left.
    assert article_links(client.get("/search/", {"q": "米津"}).text) == [
        yonezu_lists[0].get_absolute_url()
    ]
    song.title, song.alt_titles = "Lemon", "レモン"
    song.save()
    assert len(article_links(client.get("/search/", {"q": "れもん"}).text)) == 4
    assert not article_links(client.get("/search/", {"q": "アイネ"}).text)


def test_an_article_stops_matching_a_song_it_no_longer_lists(client, yonezu_lists):
    article = yonezu_lists[1]
    article.entries.get(position=2).delete()
    found = article_links(client.get("/search/", {"q": "yonezu"}).text)
    assert article.get_absolute_url() not in found
    assert len(found) == 3  # the other three


@pytest.mark.parametrize("window", [2, 3, 100])
def test_matches_past_the_newest_articles_are_found_in_order(client, monkeypatch, window):
    """Matches are looked for among the newest RECENT_WINDOW articles first: what is
    found, and in which order, is the same whether the window holds them or not."""
    monkeypatch.setattr("articles.search.RECENT_WINDOW", window)
    old_rare, common, titled_old = old_and_new_matches()

    rare = article_links(client.get("/search/", {"q": "rare finds"}).text)
    assert rare == [old_rare.get_absolute_url()]
    # Title matches first (all five say "ground"), then newest first.
    ground = article_links(client.get("/search/", {"q": "ground"}).text)
    assert ground == [a.get_absolute_url() for a in [*common, titled_old]][:5]
    # "common" is in four titles and in the song the old list carries: it comes last.
    page = client.get("/search/", {"q": "common", "kind": "articles"}).text
    found = re.findall(r'href="(/articles/[^"]+)"', page.split("<main")[1])
    assert found == [a.get_absolute_url() for a in [*common, titled_old]]


@pytest.mark.parametrize(
    "params", [{"q": "rare finds"}, {"q": "ground"}, {"q": "common", "kind": "articles"}]
)
def test_a_search_runs_the_same_queries_whether_the_newest_articles_hold_its_matches(
    client, monkeypatch, params
):
    old_and_new_matches()
    counts = []
    for window in (2, 100):
        monkeypatch.setattr("articles.search.RECENT_WINDOW", window)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", params).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def old_and_new_matches():
    """An old article only a rare word finds, four new ones and an old one a common word
    finds: a window of the newest two articles holds neither word's matches."""
    old_rare = make_article("An old list of rare finds", when=days_before_now(400))
    common = [make_article(f"Common ground {n}", when=days_before_now(n)) for n in range(4)]
    titled_old = make_article("Ground rules", when=days_before_now(300))
    add_entries(titled_old, [make_song("Common tune")])
    return old_rare, common, titled_old


def days_before_now(days):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() - timedelta(days=days)

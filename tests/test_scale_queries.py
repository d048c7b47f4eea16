"""Lists, sitemaps and search cost the same however much content there is."""

from datetime import date, timedelta

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from articles.models import Article
from articles.search import MAX_RESULTS, OVERVIEW_COUNT
from core.pagination import IndexWalkPaginator
from core.sitemaps import RowSitemap
from songs.models import Song
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_mood,
    make_song,
    make_work,
    time_comes,
)

pytestmark = pytest.mark.django_db


def publish_articles(count, mood=None, song=None):
    now = timezone.now()
    articles = [make_article(f"Article {n}", when=now - timedelta(hours=n)) for n in range(count)]
    for article in articles:
        if mood:
            article.moods.add(mood)
        if song:
            add_entries(article, [song])
    return articles


def test_every_page_of_the_walking_paginator_matches_djangos():
    publish_articles(23)
    newest_first = Article.objects.published().newest_first()
    expected = Paginator(newest_first, 5)
    walking = IndexWalkPaginator(newest_first, 5)
    assert walking.num_pages == expected.num_pages == 5
    for number in expected.page_range:
        assert list(walking.page(number)) == list(expected.page(number)), number


def test_a_capped_paginator_ends_at_its_limit():
    publish_articles(12)
    paginator = IndexWalkPaginator(Article.objects.published().newest_first(), 5, max_count=8)
    assert paginator.is_cut_short
    assert paginator.num_pages == 2
    assert [article.title for article in paginator.page(2)] == [
        "Article 5",
        "Article 6",
        "Article 7",
    ]


def test_a_list_keeps_its_count_until_a_row_joins_or_leaves_it(django_assert_num_queries):
    mood = make_mood("Rainy")
    publish_articles(3, mood=mood)
    scheduled = make_article("Scheduled", when=timezone.now() + timedelta(hours=1))
    scheduled.moods.add(mood)

    def counted():
        listing = Article.objects.published().filter(moods=mood).newest_first()
        return IndexWalkPaginator(listing, 5, list_tag=f"articles:mood-{mood.pk}").count

    assert counted() == 3
    with django_assert_num_queries(1):  # whether the list changed, not a count
        assert counted() == 3
    make_article("Joins").moods.add(mood)
    assert counted() == 4
    time_comes(scheduled)
    assert counted() == 5
    Article.objects.get(title="Article 0").delete()
    assert counted() == 4
    Article.objects.filter(title="Article 1").get().moods.remove(mood)
    assert counted() == 3


@pytest.mark.parametrize("page_number", ["1", "2", "3", "last"])
def test_every_page_of_the_article_list_runs_the_same_queries(
    client, django_assert_max_num_queries, page_number
):
    publish_articles(45)
    with django_assert_max_num_queries(5):
        response = client.get(f"/articles/?page={page_number}")
    assert response.status_code == 200
    assert len(response.context["articles"]) in {20, 5}


def test_deep_mood_and_artist_pages_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    mood, artist = make_mood("Rainy days"), make_artist("Aimyon")
    song = make_song("Marigold", artist=artist, moods=[mood])
    publish_articles(45, mood=mood, song=song)
    for url in [mood.get_absolute_url(), artist.get_absolute_url(), song.get_absolute_url()]:
        for page in ["1", "2", "3"]:
            with django_assert_max_num_queries(10):
                assert client.get(f"{url}?page={page}").status_code == 200, (url, page)


def test_sitemap_pages_are_key_ranges_of_at_most_the_limit(client, monkeypatch):
    monkeypatch.setattr(RowSitemap, "limit", 4)  # two songs a page, in two languages
    artist = make_artist()
    songs = [make_song(f"Song {n}", artist=artist) for n in range(5)]
    Song.objects.filter(pk=songs[1].pk).delete()  # a gap in the keys leaves a page short

    pages = {}
    for number in range(1, 100):
        response = client.get(f"/sitemap-songs.xml?p={number}")
        if response.status_code == 404:
            break
        pages[number] = response.text.count("<url>")
    assert len(pages) == 3  # keys k..k+4 in ranges of two, from the lowest
    assert sum(pages.values()) == 8  # four songs left, in two languages
    assert max(pages.values()) <= 4


def test_sitemap_index_and_sections_read_a_constant_number_of_rows(
    client, django_assert_max_num_queries
):
    artist = make_artist()
    songs = [
        make_song(
            f"Song {n}",
            artist=artist,
            work=make_work(f"Work {n}", "anime"),
            release_date=date(1960 + n * 2, 1, 1),
        )
        for n in range(30)
    ]
    for article in publish_articles(10):
        add_entries(article, songs[:20])
    with django_assert_max_num_queries(9):  # one aggregate per section
        assert client.get("/sitemap.xml").status_code == 200
    for section in [
        "articles",
        "songs",
        "artists",
        "moods",
        "audiences",
        "pages",
        "works",
        "tie-ins",
        "periods",
    ]:
        with django_assert_max_num_queries(2):
            assert client.get(f"/sitemap-{section}.xml").status_code == 200, section


def test_search_counts_stop_at_the_limit(client, monkeypatch):
    monkeypatch.setattr("articles.search.MAX_RESULTS", 7)
    monkeypatch.setattr("articles.views.MAX_RESULTS", 7)
    monkeypatch.setattr("articles.views.OVERVIEW_COUNT", 6)
    artist = make_artist("Lantern")
    for n in range(8):
        make_song(f"Lantern song {n}", artist=artist)
    overview = client.get("/search/?q=lantern").text
    assert "Songs (6+)" in overview
    assert "See all 6+ →" in overview
    assert "Songs (7+)" in client.get("/search/?q=lantern&kind=songs").text
    assert (MAX_RESULTS, OVERVIEW_COUNT) == (1000, 100)

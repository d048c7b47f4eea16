"""Precise invalidation: a change makes stale exactly the cached pages that show it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Entry
from core.cache import invalidate_everything
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_mood,
    make_song,
    make_staff_user,
    time_comes,
)

pytestmark = pytest.mark.django_db


def cache_state(client, url):
    """ "hit" or "miss": how the page cache answered `url`."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Page-Cache"]


def warm(client, *urls):
    for url in urls:
        client.get(url)
    assert [cache_state(client, url) for url in urls] == ["hit"] * len(urls)


def test_saving_a_song_refreshes_the_pages_that_show_it_and_no_other(client):
    song = make_song("Eine Kleine")
    other_song = make_song("Sparkle")
    with_song = make_article("With the song")
    add_entries(with_song, [song])
    without_song = make_article("Without the song")
    add_entries(without_song, [other_song])
    showing = [with_song.get_absolute_url(), song.get_absolute_url()]
    showing.append(song.artist.get_absolute_url())
    not_showing = [without_song.get_absolute_url(), other_song.get_absolute_url()]
    warm(client, *showing, *not_showing)

    song.title = "Eine Kleine (remaster)"
    song.save()

    for url in showing:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Eine Kleine (remaster)" in response.text, url
    assert [cache_state(client, url) for url in not_showing] == ["hit", "hit"]


def test_publishing_refreshes_the_lists_it_joins_and_no_other(client):
    mood, other_mood = make_mood("Tear-jerking"), make_mood("Cheerful")
    old = make_article("Older list")
    old.moods.add(mood)
    other = make_article("Cheerful list")
    other.moods.add(other_mood)
    joined = ["/articles/", "/", mood.get_absolute_url(), "/feed/"]
    untouched = [other_mood.get_absolute_url(), other.get_absolute_url()]
    warm(client, *joined, *untouched)

    draft = make_article("Brand-new list", published=False)
    draft.moods.add(mood)
    # A draft is on no list: nothing goes stale yet.
    assert [cache_state(client, url) for url in joined] == ["hit"] * len(joined)

    draft.status = Article.Status.PUBLISHED
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()

    for url in joined:
        assert "Brand-new list" in client.get(url).text, url
    assert [cache_state(client, url) for url in untouched] == ["hit", "hit"]


def test_a_scheduled_article_joins_its_lists_when_its_time_comes(client):
    mood = make_mood("Tear-jerking")
    scheduled = make_article("Scheduled list", when=timezone.now() + timedelta(hours=1))
    scheduled.moods.add(mood)
    warm(client, "/articles/", mood.get_absolute_url())
    assert "Scheduled list" not in client.get("/articles/").text

    time_comes(scheduled)

    assert "Scheduled list" in client.get("/articles/").text
    assert "Scheduled list" in client.get(mood.get_absolute_url()).text


def test_a_new_entry_refreshes_the_related_lists_it_changes(client):
    song = make_song("Eine Kleine")
    article = make_article("First list")
    add_entries(article, [song])
    other = make_article("Second list")
    add_entries(other, [make_song("Sparkle")])
    warm(client, article.get_absolute_url())
    assert "Second list" not in client.get(article.get_absolute_url()).text

    Entry.objects.create(article=other, song=song, position=2)

    # "Second list" now shares a song with "First list": it is related.
    assert "Second list" in client.get(article.get_absolute_url()).text


def test_renaming_an_artist_leaves_pages_without_them_cached(client):
    shown = make_artist("Kenshi Yonezu")
    article = make_article("Their list")
    add_entries(article, [make_song("Lemon", artist=shown)])
    elsewhere = make_article("Another list")
    add_entries(elsewhere, [make_song("Sparkle", artist=make_artist("RADWIMPS"))])
    warm(client, article.get_absolute_url(), elsewhere.get_absolute_url())

    shown.name = "米津玄師"
    shown.save()

    assert "米津玄師" in client.get(article.get_absolute_url()).text
    assert cache_state(client, elsewhere.get_absolute_url()) == "hit"


def test_cacheable_pages_carry_their_tags_and_a_shared_cache_lifetime(client, settings):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]  # an edge that answers nothing
    song = make_song("Eine Kleine")
    article = make_article("Tagged list")
    add_entries(article, [song])
    response = client.get(article.get_absolute_url())
    tags = response["xkey"].split()
    assert {f"article-{article.pk}", f"song-{song.pk}", f"artist-{song.artist_id}"} <= set(tags)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control
    assert "max-age=0" in cache_control


def test_a_page_with_a_planned_change_tells_shared_caches_to_come_back_by_then(client, settings):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]
    settings.NEW_BADGE_DAYS = 30
    article = make_article("Fresh list")
    add_entries(
        article, [make_song("Fresh")], added_at=timezone.now() - timedelta(days=30, seconds=-90)
    )
    cache_control = client.get(article.get_absolute_url())["Cache-Control"]
    s_maxage = int(cache_control.split("s-maxage=")[1].split(",")[0])
    assert 0 < s_maxage <= 90


def test_without_a_purgeable_edge_shared_caches_only_revalidate(client):
    response = client.get(make_article().get_absolute_url())
    assert response["Cache-Control"] == "public, max-age=0"
    assert "xkey" not in response


def test_pages_for_editors_carry_no_shared_cache_headers(admin_client, settings):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]
    article = make_article()
    response = admin_client.get(article.get_absolute_url())
    assert "xkey" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_an_article_page_rendered_again_reuses_its_unchanged_fragments(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE = False  # every request renders: only the fragments are cached
    article = make_article("Fragmented list")
    add_entries(article, [make_song(f"Song {n}") for n in range(12)])
    first = client.get(article.get_absolute_url())
    # One freshness check per fragment: the article, its entries, its related list.
    with django_assert_max_num_queries(3):
        again = client.get(article.get_absolute_url())
    assert again.content == first.content


def test_the_cached_article_follows_its_title_tags_author_and_entries(client, settings):
    settings.PAGE_CACHE = False
    writer = make_staff_user("writer", role="Writer")
    writer.first_name = "Aiko"
    writer.save()
    article = make_article("Fragmented list", author=writer)
    client.get(article.get_absolute_url())

    article.title = "Retitled list"
    article.save()
    article.moods.add(make_mood("Rainy"))
    add_entries(article, [make_song("Eine Kleine")])
    article.author.first_name = "Haruka"
    article.author.save()

    page = client.get(article.get_absolute_url()).text
    assert all(shown in page for shown in ["Retitled list", "Rainy", "Eine Kleine", "Haruka"])
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_an_edit_reaches_the_article_page_fragments_that_show_it(client, settings):
    settings.PAGE_CACHE = False
    song = make_song("Eine Kleine")
    article = make_article("Fragmented list")
    add_entries(article, [song])
    client.get(article.get_absolute_url())
    song.title = "Eine Kleine (remaster)"
    song.save()
    assert "Eine Kleine (remaster)" in client.get(article.get_absolute_url()).text


def test_a_change_to_everything_makes_every_cached_page_stale(client):
    article = make_article("Any list")
    add_entries(article, [make_song("Eine Kleine")])
    pages = ["/", "/articles/", article.get_absolute_url()]
    warm(client, *pages)

    invalidate_everything()  # what a bulk load, written without save(), does

    assert [cache_state(client, url) for url in pages] == ["miss"] * len(pages)

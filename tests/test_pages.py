import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.related_models import RelatedPick
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    make_work,
)

pytestmark = pytest.mark.django_db


def entry_titles(response):
    return re.findall(r'class="entry-title">.*?<a href="[^"]+">([^<]+)</a>', response.text, re.S)


@pytest.fixture
def long_article():
    article = make_article("Twenty-five songs")
    add_entries(article, [make_song(f"Song {n:02d}") for n in range(1, 26)])
    return article


def test_article_page_one_shows_entries_1_to_10_in_order(client, long_article):
    response = client.get(long_article.get_absolute_url())
    assert response.status_code == 200
    assert entry_titles(response) == [f"Song {n:02d}" for n in range(1, 11)]
    assert "Twenty-five songs (1–10)</h2>" in response.text


def test_article_page_two_shows_entries_11_to_20(client, long_article):
    response = client.get(long_article.get_absolute_url(), {"page": 2})
    assert entry_titles(response) == [f"Song {n:02d}" for n in range(11, 21)]
    assert "Twenty-five songs (11–20)</h2>" in response.text
    assert 'rel="prev"' in response.text
    assert 'rel="next"' in response.text


def test_article_last_page_shows_the_remainder(client, long_article):
    response = client.get(long_article.get_absolute_url(), {"page": 3})
    assert entry_titles(response) == [f"Song {n:02d}" for n in range(21, 26)]
    assert "(21–25)</h2>" in response.text


@pytest.mark.parametrize(
    "page_number", ["0", "-1", "4", "abc", "1.5", "99999999999999999999999", ""]
)
def test_bad_page_numbers_are_404_or_the_first_page(client, long_article, page_number):
    response = client.get(long_article.get_absolute_url(), {"page": page_number})
    if page_number == "":
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_entries_per_page_is_the_articles_own(client):
    article = make_article(entries_per_page=3)
    add_entries(article, [make_song(f"Track {n}") for n in range(1, 8)])
    response = client.get(article.get_absolute_url(), {"page": 2})
    assert entry_titles(response) == ["Track 4", "Track 5", "Track 6"]


def test_new_badge_shows_until_the_boundary_day(client, settings):
    settings.NEW_BADGE_DAYS = 30
    article = make_article()
    now = timezone.now()
    fresh, stale = add_entries(article, [make_song("Fresh"), make_song("Stale")])
    fresh.added_at = now - timedelta(days=29, hours=23)
    fresh.save()
    stale.added_at = now - timedelta(days=30, minutes=1)
    stale.save()
    response = client.get(article.get_absolute_url())
    entries = response.text.split('class="entry"')[1:]
    assert "NEW!" in entries[0]
    assert "NEW!" not in entries[1]


def test_entry_shows_links_facts_chips_commentary_and_click_to_load_video(client):
    mood = make_mood("Tear-jerking")
    audience = make_audience("Film lovers")
    artist = make_artist("RADWIMPS")
    song = make_song(
        "Sparkle",
        artist=artist,
        moods=[mood],
        audiences=[audience],
        work=make_work("Your Name", "film", year=2016),
        tie_in_role="insert",
        release_date=timezone.datetime(2016, 8, 24).date(),
        video_url="https://www.youtube.com/watch?v=a2GujJZfXpg",
    )
    article = make_article()
    entry = add_entries(article, [song])[0]
    entry.commentary = "A *long* song."
    entry.save()
    html = client.get(article.get_absolute_url()).text
    assert f'href="{song.get_absolute_url()}"' in html
    assert f'href="{artist.get_absolute_url()}"' in html
    assert f'href="{mood.get_absolute_url()}"' in html
    assert f'href="{audience.get_absolute_url()}"' in html
    assert "Insert song" in html
    assert f'<a href="{song.work.get_absolute_url()}">Your Name</a> (Film, 2016)' in html
    assert "2016" in html
    assert "A <em>long</em> song." in html
    # Nothing from the video host is requested before a click: no iframe, no remote image.
    assert "<iframe" not in html
    assert "ytimg" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/a2GujJZfXpg' in html


def test_related_articles_appear_at_the_top_and_the_end(client):
    song = make_song()
    article, other = make_article("One"), make_article("Other")
    add_entries(article, [song])
    add_entries(other, [song])
    html = client.get(article.get_absolute_url()).text
    assert html.count(f'href="{other.get_absolute_url()}"') == 2


def test_every_public_page_answers(client):
    mood, audience = make_mood(), make_audience()
    song = make_song(moods=[mood], audiences=[audience])
    article = make_article()
    add_entries(article, [song])
    for url in [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/artists/",
        song.artist.get_absolute_url(),
        song.get_absolute_url(),
        mood.get_absolute_url(),
        audience.get_absolute_url(),
        "/search/",
        "/search/?q=eine",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.text.count("<h1") == 1, url


def test_song_page_links_to_the_articles_featuring_it(client):
    song = make_song()
    article = make_article()
    add_entries(article, [song])
    assert article.get_absolute_url() in client.get(song.get_absolute_url()).text


def test_artist_page_lists_songs_and_articles(client):
    artist = make_artist("Hanako Oku", aliases="奥華子")
    song = make_song("Unchanging Things", artist=artist)
    article = make_article()
    add_entries(article, [song])
    html = client.get(artist.get_absolute_url()).text
    assert song.get_absolute_url() in html
    assert article.get_absolute_url() in html
    assert "奥華子" in html


def test_artist_index_is_grouped_by_initial_of_sort_name(client):
    make_artist("Kenshi Yonezu", sort_name="Yonezu, Kenshi")
    make_artist("RADWIMPS")
    make_artist("くじら", sort_name="くじら")
    html = client.get("/artists/").text
    assert html.index('id="letter-k"') < html.index('id="letter-r"') < html.index('id="letter-y"')
    assert html.index('id="letter-k"') < html.index("くじら") < html.index('id="letter-r"')
    assert html.index('id="letter-y"') > html.index("RADWIMPS")


def test_mood_page_lists_its_songs_and_articles(client):
    mood = make_mood("Heartbreak")
    song = make_song("Tagged", moods=[mood])
    untagged = make_song("Untagged")
    article = make_article("Heartbreak list")
    article.moods.add(mood)
    html = client.get(mood.get_absolute_url()).text
    assert song.get_absolute_url() in html
    assert untagged.get_absolute_url() not in html
    assert article.get_absolute_url() in html


def test_home_shows_latest_articles_and_ways_in(client):
    mood, audience = make_mood(), make_audience()
    article = make_article("Latest list")
    article.moods.add(mood)
    html = client.get("/").text
    assert article.get_absolute_url() in html
    assert mood.get_absolute_url() in html
    assert audience.get_absolute_url() in html


@pytest.mark.parametrize("page_number", ["0", "-3", "abc", "99999"])
def test_list_pages_404_on_bad_page_numbers(client, page_number):
    make_article()
    assert client.get("/articles/", {"page": page_number}).status_code == 404
    mood = make_mood()
    assert client.get(mood.get_absolute_url(), {"page": page_number}).status_code == 404


def test_unknown_slugs_are_404(client):
    for url in ["/articles/nope/", "/artists/nope/", "/songs/nope/", "/moods/nope/"]:
        assert client.get(url).status_code == 404
    assert client.get("/articles/泣ける歌/").status_code == 404


def test_a_slug_longer_than_any_slug_column_is_404_before_anything_is_read(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert client.get("/articles/" + "a" * 121 + "/").status_code == 404


def test_styled_404_page(client):
    response = client.get("/articles/missing/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_editor_picks_lead_the_related_list(client):
    first, second, picked = make_article("First"), make_article("Second"), make_article("Picked")
    song = make_song()
    add_entries(first, [song])
    add_entries(second, [song])
    RelatedPick.objects.create(from_article=first, to_article=picked, position=1)
    html = client.get(first.get_absolute_url()).text
    top = html.split('class="related related-top"')[1].split("</nav>")[0]
    assert top.index(picked.get_absolute_url()) < top.index(second.get_absolute_url())


def test_byline_never_shows_a_login_name(client):
    author = get_user_model().objects.create_user("secret-login")
    article = make_article(author=author)
    html = client.get(article.get_absolute_url()).text
    assert "secret-login" not in html
    assert "By Liner Notes" in html


def test_byline_shows_the_authors_full_name(client):
    author = get_user_model().objects.create_user("aiko", first_name="Aiko", last_name="Sato")
    assert "By Aiko Sato" in client.get(make_article(author=author).get_absolute_url()).text


def test_an_article_with_no_songs_has_no_range_in_its_heading(client):
    html = client.get(make_article("Empty list").get_absolute_url()).text
    assert '<h2 id="entries-heading">Empty list</h2>' in html
    assert "(0–0)" not in html


def test_artists_a_to_z_is_paginated(client):
    for n in range(130):
        make_artist(f"Artist {n:03d}")
    first = client.get("/artists/")
    assert first.text.count('class="artist-index"') == 1
    assert "?page=2" in first.text
    second = client.get("/artists/", {"page": 2})
    assert "Artist 129" in second.text
    assert "Artist 000" not in second.text
    assert client.get("/artists/", {"page": 3}).status_code == 404


def test_a_japanese_artist_files_under_the_romaji_of_the_name(client):
    artist = make_artist("くじら")
    assert artist.sort_name == "kujira"
    html = client.get("/artists/").text
    assert html.index('id="letter-k"') < html.index("くじら")


def test_the_favicon_is_served_at_the_root_like_a_static_file(client):
    from io import BytesIO

    from PIL import Image

    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert response.has_header("Last-Modified") and response.has_header("ETag")
    icon = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_the_design_is_one_scale_and_asks_for_no_web_font():
    from django.conf import settings

    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    assert "@font-face" not in css and "@import" not in css and "url(" not in css
    for step in ["--step--1:", "--step-0:", "--step-4:", "--space-2xs:", "--space-xl:"]:
        assert step in css, step
    assert "prefers-color-scheme: dark" in css

import html
import time
import xml.etree.ElementTree as ET
from datetime import UTC, timedelta

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from articles.models import Article, Entry
from core.cache import invalidate, object_tag
from core.markup import CONTROL_CHARACTERS
from songs.models import Artist, Mood, Song
from tests.factories import (
    add_entries,
    image_upload,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    time_comes,
    update_bypassing_save,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def parse_feed(client, url, version="rss20", **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    ET.fromstring(response.content)  # strict: any XML error raises
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    return feed


def displayed_title(entry):
    """The title a reader shows: in RSS, HTML-escaped text (Django's default); in Atom, plain."""
    if entry.title_detail.type == "text/html":
        return html.unescape(entry.title)
    return entry.title


def published_hours_ago(hours, title=None, **fields):
    return make_article(
        title or f"Article {hours}h old", when=NOW - timedelta(hours=hours), **fields
    )


def as_utc_tuple(moment):
    return moment.utctimetuple()[:6]


@pytest.fixture
def tagged_article():
    """A published article with a hero-less lead, two songs, a mood and an audience."""
    author = get_user_model().objects.create(
        username="editor-login", first_name="Aiko", last_name="Tanaka"
    )
    article = published_hours_ago(2, "Songs for when you want to cry", lead="Have a good cry.")
    article.author = author
    article.save()
    article.moods.set([make_mood("Tear-jerking")])
    article.audiences.set([make_audience("Women in their 40s")])
    yonezu = make_artist("Kenshi Yonezu")
    add_entries(
        article,
        [make_song("Eine Kleine", artist=yonezu), make_song("Sparkle", make_artist("RADWIMPS"))],
    )
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize(("url", "version"), [("/feed/", "rss20"), ("/feed/atom/", "atom10")])
def test_site_feeds_list_the_20_newest_published_articles_newest_first(client, url, version):
    for hours in range(1, 23):
        published_hours_ago(hours)
    make_article("Draft Zebra", published=False)
    make_article("Scheduled Okapi", when=NOW + timedelta(days=1))

    feed = parse_feed(client, url, version)

    assert [entry.title for entry in feed.entries] == [f"Article {h}h old" for h in range(1, 21)]


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_feed_item_carries_link_author_dates_and_categories(client, tagged_article, url):
    entry = parse_feed(client, url, "rss20" if url == "/feed/" else "atom10").entries[0]

    assert entry.link == "http://testserver/articles/songs-for-when-you-want-to-cry/"
    assert entry.author == "Aiko Tanaka"
    assert "editor-login" not in str(entry)
    assert entry.published_parsed[:6] == as_utc_tuple(tagged_article.published_at)
    assert entry.updated_parsed[:6] == as_utc_tuple(tagged_article.updated_at)
    assert sorted(tag.term for tag in entry.tags) == ["Tear-jerking", "Women in their 40s"]


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_feed_description_is_the_lead_and_the_ordered_song_list(client, tagged_article, url):
    entry = parse_feed(client, url, "rss20" if url == "/feed/" else "atom10").entries[0]

    assert entry.summary == (
        "<p>Have a good cry.</p>"
        "<ol><li>Eine Kleine — Kenshi Yonezu</li><li>Sparkle — RADWIMPS</li></ol>"
    )


def test_rss_guid_is_a_tag_uri_on_the_canonical_host_that_is_not_a_permalink(
    client, settings, tagged_article
):
    settings.CANONICAL_HOST = "linernotes.example"
    body = client.get("/feed/").content.decode()
    created_on = tagged_article.created_at.astimezone(UTC).date().isoformat()
    guid = f"tag:linernotes.example,{created_on}:articles/{tagged_article.pk}"
    assert f'<guid isPermaLink="false">{guid}</guid>' in body


@pytest.mark.parametrize(("url", "version"), [("/feed/", "rss20"), ("/feed/atom/", "atom10")])
def test_guids_do_not_change_with_the_host_header(client, tagged_article, url, version):
    published_hours_ago(1, "Another article")

    by_name = parse_feed(client, url, version, host="localhost")
    by_address = parse_feed(client, url, version, host="127.0.0.1")

    guids = [entry.id for entry in by_name.entries]
    assert len(guids) == 2
    assert guids == [entry.id for entry in by_address.entries]
    # Links still follow the request: a reader clicks through to the host it used.
    assert by_name.entries[0].link.startswith("http://localhost/")
    assert by_address.entries[0].link.startswith("http://127.0.0.1/")


def test_guid_stays_the_same_when_title_slug_and_times_change(client, tagged_article):
    before = parse_feed(client, "/feed/").entries[0]
    update_bypassing_save(
        Article.objects.filter(pk=tagged_article.pk),
        title="Renamed",
        slug="renamed",
        published_at=NOW - timedelta(days=3),
    )

    after = parse_feed(client, "/feed/").entries[0]

    assert after.title == "Renamed"
    assert after.link.endswith("/articles/renamed/")
    assert after.id == before.id


def test_hero_image_is_an_enclosure_with_absolute_url_length_and_type(client, media_root):
    article = make_article(hero_image=image_upload("hero.png"), hero_alt="A rainy street")

    enclosure = parse_feed(client, "/feed/").entries[0].enclosures[0]

    # The largest JPEG rendition, re-encoded by Pillow: never the uploaded original.
    rendition = article.hero.largest_jpeg
    assert enclosure.href == f"http://testserver{default_storage.url(rendition.name)}"
    assert int(enclosure.length) == default_storage.size(rendition.name) > 0
    assert enclosure.type == "image/jpeg"


def test_article_without_hero_image_has_no_enclosure(client):
    make_article()
    assert parse_feed(client, "/feed/").entries[0].enclosures == []


def test_enclosure_length_is_read_from_the_row_not_asked_of_the_storage(client, media_root):
    article = make_article(hero_image=image_upload("hero.png"), hero_alt="A rainy street")
    rendition = article.hero.largest_jpeg
    # Were the feed to ask the storage, a missing file would say so.
    default_storage.delete(rendition.name)

    enclosure = parse_feed(client, "/feed/").entries[0].enclosures[0]

    assert int(enclosure.length) == rendition.size > 0


def test_rendition_stored_without_its_size_is_an_enclosure_of_length_0(client, media_root):
    article = make_article(hero_image=image_upload("hero.png"), hero_alt="A rainy street")
    stored = article.hero_renditions
    update_bypassing_save(
        Article.objects.filter(pk=article.pk),
        hero_renditions={**stored, "jpeg": [[width, name] for width, name, _ in stored["jpeg"]]},
    )

    enclosure = parse_feed(client, "/feed/").entries[0].enclosures[0]

    # RSS Best Practices: a length that cannot be known is given as 0.
    assert enclosure.length == "0"
    assert enclosure.href == f"http://testserver{article.hero.largest_jpeg.url}"


def test_mood_and_audience_feeds_list_only_their_articles(client):
    mood, other_mood = make_mood("Tear-jerking"), make_mood("Uplifting")
    audience = make_audience("Night-shift workers")
    crying = published_hours_ago(1, "Crying songs")
    crying.moods.set([mood])
    crying.audiences.set([audience])
    published_hours_ago(2, "Cheer songs").moods.set([other_mood])
    older_crying = published_hours_ago(3, "More crying songs")
    older_crying.moods.set([mood])

    mood_feed = parse_feed(client, f"/moods/{mood.slug}/feed/")
    audience_feed = parse_feed(client, f"/audiences/{audience.slug}/feed/")

    assert [entry.title for entry in mood_feed.entries] == ["Crying songs", "More crying songs"]
    assert [entry.title for entry in audience_feed.entries] == ["Crying songs"]
    assert mood_feed.feed.title == "Liner Notes: Tear-jerking"
    assert mood_feed.feed.link == f"http://testserver/moods/{mood.slug}/"


def test_artist_feed_lists_each_article_featuring_the_artist_once(client):
    yonezu = make_artist("Kenshi Yonezu")
    both_songs = published_hours_ago(1, "Two Yonezu songs")
    add_entries(both_songs, [make_song("Eine Kleine", yonezu), make_song("Lemon", yonezu)])
    add_entries(published_hours_ago(2, "No Yonezu"), [make_song("Sparkle")])
    add_entries(published_hours_ago(3, "One Yonezu song"), [Song.objects.get(title="Lemon")])

    feed = parse_feed(client, f"/artists/{yonezu.slug}/feed/")

    assert [entry.title for entry in feed.entries] == ["Two Yonezu songs", "One Yonezu song"]
    assert feed.feed.title == "Liner Notes: articles featuring Kenshi Yonezu"


@pytest.mark.parametrize(
    "url", ["/moods/nope/feed/", "/audiences/nope/feed/", "/artists/nope/feed/"]
)
def test_feed_of_an_unknown_facet_is_404(client, url):
    assert client.get(url).status_code == 404


ALL_FEEDS = [
    ("/feed/", "rss20"),
    ("/feed/atom/", "atom10"),
    ("/moods/{mood}/feed/", "rss20"),
    ("/audiences/{audience}/feed/", "rss20"),
    ("/artists/{artist}/feed/", "rss20"),
]


@pytest.mark.parametrize(("url", "version"), ALL_FEEDS)
def test_feeds_stay_valid_when_rows_carry_control_characters_and_markup(
    client, tagged_article, url, version
):
    # QuerySet.update() skips save(); the text fields clean it all the same. The user's
    # name is django.contrib.auth's field: only the feed writer cleans that.
    hostile = "Tears \x0b </script><script> & <b>"
    update_bypassing_save(
        Article.objects.filter(pk=tagged_article.pk), title=hostile, lead=f"Lead {hostile}"
    )
    update_bypassing_save(Song.objects.filter(title="Eine Kleine"), title=f"Song {hostile}")
    update_bypassing_save(Artist.objects.filter(name="Kenshi Yonezu"), name=f"Artist {hostile}")
    update_bypassing_save(Mood.objects, name=f"Mood {hostile}", description=f"About {hostile}")
    update_bypassing_save(get_user_model().objects, first_name=f"Aiko \x1f{hostile}")
    mood, audience = tagged_article.moods.get(), tagged_article.audiences.get()
    artist = Artist.objects.get(slug="kenshi-yonezu")

    feed = parse_feed(
        client, url.format(mood=mood.slug, audience=audience.slug, artist=artist.slug), version
    )

    entry = feed.entries[0]
    assert displayed_title(entry) == "Tears  </script><script> & <b>"
    escaped = "Tears  &lt;/script&gt;&lt;script&gt; &amp; &lt;b&gt;"
    assert f"<li>Song {escaped} — Artist {escaped}</li>" in entry.summary
    assert "\x0b" not in str(feed) and "\x1f" not in str(feed)


def write_with_sql(instance, **fields):
    """Write as a SQL console does: around every Django field, so nothing cleans the text
    (and, as such writers must, invalidate the cached pages showing the row)."""
    invalidate([object_tag(instance)])
    table = connection.ops.quote_name(instance._meta.db_table)
    with connection.cursor() as cursor:
        for name, value in fields.items():
            column = connection.ops.quote_name(instance._meta.get_field(name).column)
            cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, instance.pk])


@pytest.mark.parametrize(("url", "version"), ALL_FEEDS)
def test_feed_writer_strips_control_characters_that_reached_the_database_around_the_fields(
    client, tagged_article, url, version
):
    mood, audience = tagged_article.moods.get(), tagged_article.audiences.get()
    artist = Artist.objects.get(slug="kenshi-yonezu")
    # The English columns of translated fields: what the English feeds read.
    write_with_sql(tagged_article, title_en="Tears \x0b now", lead_en="Lead \x1f")
    write_with_sql(Song.objects.get(title="Eine Kleine"), title_en="Eine\x08 Kleine")
    write_with_sql(artist, name_en="Kenshi\x0c Yonezu")
    write_with_sql(mood, name="Tear\x01-jerking", description_en="About \x02tears")
    write_with_sql(audience, name="Women\x1b in their 40s")

    feed = parse_feed(
        client, url.format(mood=mood.slug, audience=audience.slug, artist=artist.slug), version
    )

    entry = feed.entries[0]
    assert displayed_title(entry) == "Tears  now"
    assert "<li>Eine Kleine — Kenshi Yonezu</li>" in entry.summary
    assert [tag.term for tag in entry.tags] == ["Tear-jerking", "Women in their 40s"]
    assert not CONTROL_CHARACTERS.search(str(feed))


@pytest.mark.parametrize(("url", "version"), ALL_FEEDS)
def test_every_feed_is_valid_with_no_articles(client, url, version):
    mood, audience, artist = make_mood(), make_audience(), make_artist()
    feed = parse_feed(
        client, url.format(mood=mood.slug, audience=audience.slug, artist=artist.slug), version
    )
    assert feed.entries == []


# --- Conditional GET -------------------------------------------------------------------


def last_edited_hours_ago(hours):
    """Backdate every edit time, as if nothing had been touched for `hours`."""
    long_ago = NOW - timedelta(hours=hours)
    for model in (Article, Song, Artist):
        update_bypassing_save(model.objects, updated_at=long_ago)


def test_feed_answers_304_to_its_own_etag(client, tagged_article):
    etag = client.get("/feed/").headers["ETag"]

    response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.headers["ETag"] == etag


def test_scheduled_article_going_live_changes_the_feed_etag(client, tagged_article):
    scheduled = make_article("Scheduled Okapi", when=NOW + timedelta(hours=1))
    last_edited_hours_ago(3)
    before = client.get("/feed/")
    # Its time comes: nothing is saved, so no edit time moves.
    time_comes(scheduled, at=NOW - timedelta(minutes=1))

    response = client.get("/feed/", headers={"if-none-match": before.headers["ETag"]})

    assert response.status_code == 200
    assert "Scheduled Okapi" in response.content.decode()
    assert response.headers["ETag"] != before.headers["ETag"]


def test_feed_answers_304_to_its_own_last_modified(client, tagged_article):
    last_modified = client.get("/feed/").headers["Last-Modified"]

    response = client.get("/feed/", headers={"if-modified-since": last_modified})

    assert response.status_code == 304


@pytest.mark.parametrize("page_cache", [True, False])
def test_adding_a_song_moves_the_feeds_last_modified(client, tagged_article, settings, page_cache):
    # The newest item's date does not move when a song joins an article; the feed's
    # Last-Modified must, or a client sending only If-Modified-Since gets a wrong 304.
    settings.PAGE_CACHE = page_cache
    last_modified = client.get("/feed/").headers["Last-Modified"]
    time.sleep(1.1)  # HTTP dates count whole seconds
    Entry.objects.create(article=tagged_article, song=make_song("Lemon"), position=99)

    response = client.get("/feed/", headers={"if-modified-since": last_modified})

    assert response.status_code == 200
    assert "Lemon" in response.content.decode()


@pytest.mark.parametrize("page_cache", [True, False])
def test_adding_a_song_to_an_article_changes_the_feed_etag(
    client, tagged_article, settings, page_cache
):
    settings.PAGE_CACHE = page_cache
    etag = client.get("/feed/").headers["ETag"]
    Entry.objects.create(article=tagged_article, song=make_song("Lemon"), position=99)

    response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "Lemon" in response.content.decode()


def test_renaming_a_mood_changes_the_feed_etag(client, tagged_article):
    etag = client.get("/feed/").headers["ETag"]
    mood = tagged_article.moods.get()
    mood.name = "Renamed mood"
    mood.save()

    response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "Renamed mood" in response.content.decode()


def test_unpublishing_an_article_changes_the_feed_etag(client, tagged_article):
    published_hours_ago(5, "Older article")
    etag = client.get("/feed/").headers["ETag"]
    update_bypassing_save(Article.objects.filter(pk=tagged_article.pk), status=Article.Status.DRAFT)

    response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert [entry.title for entry in feedparser.parse(response.content).entries] == [
        "Older article"
    ]


def test_editing_a_song_in_the_feed_changes_its_etag(client, tagged_article):
    etag = client.get("/feed/").headers["ETag"]
    song = Song.objects.get(title="Sparkle")
    song.title = "Sparkle (Original Version)"
    song.save()

    response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "Sparkle (Original Version)" in response.content.decode()


def test_an_article_outside_a_facet_leaves_its_feed_unchanged(client, tagged_article):
    mood_feed = f"/moods/{tagged_article.moods.get().slug}/feed/"
    mood_etag = client.get(mood_feed).headers["ETag"]
    site_etag = client.get("/feed/").headers["ETag"]
    published_hours_ago(1, "Newer, with no mood")

    assert client.get(mood_feed, headers={"if-none-match": mood_etag}).status_code == 304
    assert client.get("/feed/", headers={"if-none-match": site_etag}).status_code == 200


# --- Queries ------------------------------------------------------------------------------


def fill_site(articles, entries_each, mood, audience, artist):
    songs = [make_song(f"Song {n}", artist=artist) for n in range(entries_each)]
    for hours in range(1, articles + 1):
        article = published_hours_ago(hours)
        article.moods.set([mood])
        article.audiences.set([audience])
        add_entries(article, songs)


# The page cache reads the content version; then two to validate, one for the articles
# and its author, three prefetches (moods, audiences, entries with songs and artists);
# facet feeds look up their facet first.
FEED_QUERIES = {
    "/feed/": 7,
    "/feed/atom/": 7,
    "/moods/{mood}/feed/": 8,
    "/audiences/{audience}/feed/": 8,
    "/artists/{artist}/feed/": 8,
}


@pytest.mark.parametrize("articles", [2, 25])
@pytest.mark.parametrize("url", FEED_QUERIES)
def test_feed_queries_do_not_grow_with_articles_entries_or_tags(
    client, django_assert_max_num_queries, articles, url
):
    mood, audience, artist = make_mood(), make_audience(), make_artist()
    fill_site(articles, entries_each=8, mood=mood, audience=audience, artist=artist)
    with django_assert_max_num_queries(FEED_QUERIES[url]):
        response = client.get(
            url.format(mood=mood.slug, audience=audience.slug, artist=artist.slug)
        )

    assert len(feedparser.parse(response.content).entries) == min(articles, 20)


def test_a_304_costs_at_most_two_queries(
    client, django_assert_max_num_queries, tagged_article, settings
):
    etag = client.get("/feed/").headers["ETag"]
    with django_assert_max_num_queries(2):
        assert client.get("/feed/", headers={"if-none-match": etag}).status_code == 304


# --- Autodiscovery --------------------------------------------------------------------------


SITE_FEED_LINK = (
    '<link rel="alternate" type="application/rss+xml" title="Liner Notes" href="/feed/">'
)


def test_every_page_links_the_site_feeds(client, tagged_article):
    song = Song.objects.get(title="Eine Kleine")
    pages = [
        "/articles/",
        tagged_article.get_absolute_url(),
        song.get_absolute_url(),
        song.artist.get_absolute_url(),
        tagged_article.moods.get().get_absolute_url(),
        tagged_article.audiences.get().get_absolute_url(),
        "/no-such-page/",
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert SITE_FEED_LINK in html, page
        assert 'type="application/atom+xml"' in html and 'href="/feed/atom/"' in html, page
        assert UPDATES_FEED_LINK in html, page


UPDATES_FEED_LINK = (
    '<link rel="alternate" type="application/rss+xml" title="Liner Notes: updated lists" '
    'href="/feed/updates/">'
)


def test_the_japanese_pages_link_the_updates_feed_in_japanese(client):
    html = client.get("/ja/articles/").content.decode()
    assert 'title="Liner Notes：更新されたリスト" href="/ja/feed/updates/"' in html


def test_facet_and_artist_pages_link_their_own_feed(client, tagged_article):
    mood = tagged_article.moods.get()
    audience = tagged_article.audiences.get()
    artist = Artist.objects.get(name="Kenshi Yonezu")
    for page, title, feed_url in [
        (mood.get_absolute_url(), mood.name, f"/moods/{mood.slug}/feed/"),
        (audience.get_absolute_url(), audience.name, f"/audiences/{audience.slug}/feed/"),
        (
            artist.get_absolute_url(),
            f"articles featuring {artist.name}",
            f"/artists/{artist.slug}/feed/",
        ),
    ]:
        html = client.get(page).content.decode()
        assert f'rss+xml" title="Liner Notes: {title}" href="{feed_url}"' in html
        assert parse_feed(client, feed_url).entries[0].title == tagged_article.title


def test_artist_feed_and_page_both_count_featured_guests(client):
    guest = make_artist("Guest Singer")
    song = make_song("Duet")
    song.featured_artists.add(guest)
    article = make_article("A list with a duet")
    add_entries(article, [song])
    feed = feedparser.parse(client.get(f"/artists/{guest.slug}/feed/").content)
    assert [entry.title for entry in feed.entries] == ["A list with a duet"]
    assert article.get_absolute_url() in client.get(guest.get_absolute_url()).text

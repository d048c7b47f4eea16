"""Covers and monograms we draw (core/covers.py, articles/covers.py, songs/monograms.py):
the same content gives the same files, a change draws anew and deletes the old files, a
hero image or photo wins, and cards, link previews and feeds show them at no query cost.

Covers are drawn once a transaction commits: the tests run each change inside
`django_capture_on_commit_callbacks(execute=True)`, which stands for the commit."""

import io
from html.parser import HTMLParser
from urllib.parse import urlsplit

import feedparser
import pytest
import reversion
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.views.static import serve
from PIL import Image
from reversion.models import Version

from articles.covers import refresh_cover
from articles.models import Article, Entry
from core.covers import draw_cover, draw_monogram
from songs.models import Artist
from tests.factories import (
    add_entries,
    admin_url,
    fill_entry_rows,
    form_data,
    form_errors,
    image_upload,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
)
from tests.test_metadata import HeadTags

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block's commit would run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def magazine(media_root, committed):
    """Three published articles with covers, sharing a mood, an audience and an artist."""
    mood, audience = make_mood("Tear-jerking"), make_audience("Night-shift workers")
    artist = make_artist("Kenshi Yonezu")
    songs = [make_song(f"Song {n}", artist=artist) for n in range(4)]
    articles = []
    for n in range(3):
        with committed():
            article = make_article(f"List {n}")
            article.moods.set([mood])
            article.audiences.set([audience])
            add_entries(article, songs[n : n + 2])
        articles.append(Article.objects.get(pk=article.pk))
    return articles


def stored_files():
    root = settings.MEDIA_ROOT
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def file_bytes(name):
    with default_storage.open(name) as file:
        return file.read()


# --- The drawing -------------------------------------------------------------------


def test_the_same_inputs_draw_the_same_pixels_and_other_inputs_others():
    first = draw_cover(["tear-jerking"], ["song-1", "song-2"], "cover:a")
    assert (
        first.tobytes() == draw_cover(["tear-jerking"], ["song-1", "song-2"], "cover:a").tobytes()
    )
    assert (
        first.tobytes() != draw_cover(["tear-jerking"], ["song-2", "song-1"], "cover:a").tobytes()
    )
    assert first.tobytes() != draw_cover(["summer"], ["song-1", "song-2"], "cover:a").tobytes()
    assert (
        draw_monogram("米津玄師", "solo").tobytes() == draw_monogram("米津玄師", "solo").tobytes()
    )
    assert draw_monogram("米津玄師", "solo").tobytes() != draw_monogram("Aimer", "solo").tobytes()


def test_a_cover_is_stored_as_real_webp_and_jpeg_renditions(magazine):
    cover = magazine[0].cover
    assert cover and not magazine[0].hero
    assert (cover.width, cover.height) == (1200, 675)
    for kind, pillow_format in [("webp", "WEBP"), ("jpeg", "JPEG")]:
        renditions = getattr(cover, kind)
        assert [r.width for r in renditions] == [480, 960, 1200]
        for rendition in renditions:
            content = file_bytes(rendition.name)
            assert len(content) == rendition.size
            with Image.open(io.BytesIO(content)) as image:
                image.load()
                assert image.format == pillow_format
                assert image.size == (rendition.width, round(rendition.width * 675 / 1200))
    assert stored_files() == {name for article in magazine for name in article.cover.file_names}


def test_the_same_article_draws_the_same_files_byte_for_byte(magazine):
    article = magazine[0]
    before = {name: file_bytes(name) for name in article.cover.file_names}
    for name in before:
        default_storage.delete(name)
    Article.objects.filter(pk=article.pk).update(cover_renditions={})

    refresh_cover(article.pk)

    again = Article.objects.get(pk=article.pk).cover
    assert again == article.cover
    assert {name: file_bytes(name) for name in again.file_names} == before


def test_a_drawing_whose_files_are_stored_is_not_encoded_again(magazine, monkeypatch):
    # A database emptied and filled again with the same content (the browser tests load
    # the demo for each test) finds its drawings' files there: they are kept, not re-encoded.
    article = magazine[0]
    before = {name: file_bytes(name) for name in article.cover.file_names}
    Article.objects.filter(pk=article.pk).update(cover_renditions={})
    encoded = []
    monkeypatch.setattr(Image.Image, "save", lambda image, *args, **kw: encoded.append(args))

    refresh_cover(article.pk)

    assert encoded == []
    again = Article.objects.get(pk=article.pk).cover
    assert again == article.cover  # sizes included: read from the stored files
    assert {name: file_bytes(name) for name in again.file_names} == before


# --- When it is drawn, and what is left behind ---------------------------------------


def test_a_change_to_what_it_shows_draws_a_new_cover_and_deletes_the_old_files(magazine, committed):
    article = magazine[0]
    old = article.cover.file_names
    with committed():
        Entry.objects.create(article=article, song=make_song("Lemon"), position=3)
    new = Article.objects.get(pk=article.pk).cover
    assert new and not new.file_names & old
    assert not old & stored_files()
    assert new.file_names <= stored_files()

    with committed():
        article.moods.set([make_mood("Summer")])
    newer = Article.objects.get(pk=article.pk).cover
    assert newer.file_names.isdisjoint(new.file_names)
    assert not new.file_names & stored_files()


def test_a_save_that_changes_nothing_it_shows_keeps_the_files(magazine, committed):
    article = magazine[0]
    before = stored_files()
    with committed():
        article.lead = "A new lead."
        article.save()
        for entry in article.entries.all():
            entry.commentary = "Rewritten."
            entry.save()
    assert Article.objects.get(pk=article.pk).cover == article.cover
    assert stored_files() == before


def test_a_full_save_of_an_instance_read_before_its_cover_was_drawn_keeps_the_cover(
    media_root, committed
):
    with committed():
        article = make_article("Read before its cover")  # in memory: no cover yet
    cover = Article.objects.get(pk=article.pk).cover
    assert cover
    with committed():
        article.lead = "Edited."
        article.save()  # writes the empty cover it was read with
    assert Article.objects.get(pk=article.pk).cover == cover
    assert stored_files() == cover.file_names


def test_an_editors_save_of_many_entries_draws_the_cover_once(editor_client, media_root, committed):
    article = make_article(published=False)
    data = form_data(editor_client.get(admin_url(article)))
    fill_entry_rows(data, [make_song(f"Song {n}") for n in range(5)])
    with CaptureQueriesContext(connection) as queries, committed():
        response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    # A drawing is stored with an UPDATE of that field alone.
    stores = [q for q in queries if 'SET "cover_renditions" =' in q["sql"]]
    assert len(stores) == 1
    cover = Article.objects.get(pk=article.pk).cover
    assert cover and stored_files() == cover.file_names


def test_restoring_a_version_draws_its_cover_again_under_the_same_names(
    editor_client, media_root, committed
):
    songs = [make_song(f"Song {n}") for n in range(3)]
    with committed(), reversion.create_revision():
        article = make_article("Versioned")
        add_entries(article, songs[:2])
    first = Article.objects.get(pk=article.pk).cover
    with committed(), reversion.create_revision():
        Entry.objects.create(article=article, song=songs[2], position=3)
        Article.objects.get(pk=article.pk).save()
    assert not first.file_names & stored_files()

    version = Version.objects.get_for_object(article).last()
    url = admin_url(Article, "revision", article.pk, version.pk)
    with committed():
        response = editor_client.post(url, form_data(editor_client.get(url)))
    assert response.status_code == 302, form_errors(response)
    assert Article.objects.get(pk=article.pk).cover == first
    assert stored_files() == first.file_names


def test_a_transaction_that_rolls_back_draws_nothing(media_root, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        make_article("Never saved")
        raise RuntimeError("the edit failed")
    assert stored_files() == set()


def test_a_hero_image_wins_over_the_cover_and_the_cover_goes(magazine, committed):
    article = magazine[0]
    cover_files = article.cover.file_names
    with committed():
        article.hero_image = image_upload("hero.png", size=(1200, 600))
        article.hero_alt = "Rain on a window"
        article.save()
    article = Article.objects.get(pk=article.pk)
    assert article.hero and not article.cover
    assert article.picture == article.hero
    assert article.picture_alt == "Rain on a window"
    assert not cover_files & stored_files()


def test_make_covers_draws_what_rows_written_without_save_lack(magazine):
    Article.objects.update(cover_renditions={})
    Artist.objects.update(monogram_renditions={})
    call_command("make_covers", stdout=io.StringIO())
    assert all(article.cover for article in Article.objects.all())
    assert all(artist.monogram for artist in Artist.objects.all())
    assert Article.objects.get(pk=magazine[0].pk).cover == magazine[0].cover


# --- Where it shows --------------------------------------------------------------------


class Cards(HTMLParser):
    """The <img> of each card.card on a page."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.cards, self.images = 0, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "card" in (attrs.get("class") or "").split():
            self.cards += 1
        elif tag == "img" and self.cards:
            self.images.append(attrs)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/articles/",
        "/moods/tear-jerking/",
        "/audiences/night-shift-workers/",
        "/artists/kenshi-yonezu/",
    ],
)
def test_every_card_shows_its_cover_without_a_query_per_card(
    magazine, client, django_assert_max_num_queries, url
):
    Article.objects.exclude(pk=magazine[0].pk).update(status=Article.Status.DRAFT)
    with CaptureQueriesContext(connection) as one_article:
        client.get(url)
    Article.objects.update(status=Article.Status.PUBLISHED)
    cache.clear()  # the updates wrote no invalidation: render afresh
    # The budget of tests/test_query_counts.py's list pages, covers or not.
    with django_assert_max_num_queries(10) as three_articles:
        response = client.get(url)
    assert response.status_code == 200
    assert len(three_articles) <= len(one_article)

    page = Cards(response.text)
    assert page.cards == len(page.images) == 3
    covers = {article.cover.largest_jpeg.url: article for article in magazine}
    for position, image in enumerate(page.images):
        article = covers[image["src"]]
        assert image["alt"] == f"Cover of “{article.title}”"
        assert (image["width"], image["height"]) == ("1200", "675")
        assert image["srcset"].count(" 480w") == 1 and " 1200w" in image["srcset"]
        # The first card is likely in the first screen: only the others wait.
        assert (image.get("loading") == "lazy") == (position > 0)


def test_the_cover_s_alt_text_speaks_the_page_s_language(magazine, client):
    page = Cards(client.get("/ja/articles/").text)
    assert {image["alt"] for image in page.images} == {f"「List {n}」のカバー" for n in range(3)}


def test_the_article_page_keeps_its_query_budget_with_a_cover(magazine, client):
    from tests.test_query_counts import get_article_page_within_budget

    get_article_page_within_budget(client, magazine[0].get_absolute_url())


def served_image(url):
    """GET the media URL as `make run` serves it (django.views.static, the project's
    media route under DEBUG): the status, and the image Pillow reads from the body."""
    path = urlsplit(url).path
    assert path.startswith(settings.MEDIA_URL)
    request = RequestFactory().get(path)
    response = serve(request, path.removeprefix(settings.MEDIA_URL), settings.MEDIA_ROOT)
    body = b"".join(response.streaming_content)
    with Image.open(io.BytesIO(body)) as image:
        image.load()
        return response.status_code, response["Content-Type"], image.format


def test_the_cover_is_the_og_image_and_answers_with_an_image(magazine, client):
    article = magazine[0]
    head = HeadTags(client.get(article.get_absolute_url()).text)
    url = head.meta["og:image"]
    assert url == f"http://testserver{article.cover.largest_jpeg.url}"
    assert head.meta["og:image:alt"] == f"Cover of “{article.title}”"
    assert served_image(url) == (200, "image/jpeg", "JPEG")


def test_the_hero_image_stays_the_og_image_when_there_is_one(magazine, client, committed):
    article = magazine[0]
    with committed():
        article.hero_image = image_upload("hero.png", size=(1200, 600))
        article.hero_alt = "Rain on a window"
        article.save()
    article = Article.objects.get(pk=article.pk)
    head = HeadTags(client.get(article.get_absolute_url()).text)
    assert head.meta["og:image"] == f"http://testserver{article.hero.largest_jpeg.url}"
    assert served_image(head.meta["og:image"])[0] == 200


@pytest.mark.parametrize(("url", "version"), [("/feed/", "rss20"), ("/feed/atom/", "atom10")])
def test_the_cover_is_the_feed_enclosure(magazine, client, url, version):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo and feed.version == version
    by_link = {entry.link: entry for entry in feed.entries}
    for article in magazine:
        (enclosure,) = by_link[f"http://testserver{article.get_absolute_url()}"].enclosures
        largest = article.cover.largest_jpeg
        assert enclosure.href == f"http://testserver{largest.url}"
        assert int(enclosure.length) == largest.size == default_storage.size(largest.name)
        assert enclosure.type == "image/jpeg"


# --- Artists' monograms ------------------------------------------------------------------


def test_an_artist_without_a_photo_shows_a_monogram_named_in_its_alt_text(
    media_root, committed, client
):
    with committed():
        artist = make_artist("米津玄師")
    artist = Artist.objects.get(pk=artist.pk)
    assert artist.monogram and not artist.portrait
    assert [r.width for r in artist.monogram.jpeg] == [480]
    with Image.open(default_storage.open(artist.monogram.largest_jpeg.name)) as image:
        assert (image.format, image.size) == ("JPEG", (480, 480))
    html = client.get(artist.get_absolute_url()).text
    assert f'src="{artist.monogram.largest_jpeg.url}"' in html
    assert 'alt="米津玄師"' in html
    head = HeadTags(html)
    assert head.meta["og:image"] == f"http://testserver{artist.monogram.largest_jpeg.url}"
    # The structured data says what the artist looks like: a real photo only.
    assert "image" not in head.node("Person")

    old = artist.monogram.file_names
    with committed():
        artist.name = "Kenshi Yonezu"
        artist.save()
    renamed = Artist.objects.get(pk=artist.pk).monogram
    assert renamed and renamed.file_names.isdisjoint(old)
    assert stored_files() == renamed.file_names


def test_a_photo_wins_over_the_monogram(media_root, committed, client):
    with committed():
        artist = make_artist("Aimer")
    monogram_files = Artist.objects.get(pk=artist.pk).monogram.file_names
    with committed():
        artist.photo = image_upload("me.png", size=(600, 600))
        artist.photo_alt = "Aimer on stage"
        artist.save()
    artist = Artist.objects.get(pk=artist.pk)
    assert artist.portrait and not artist.monogram
    assert not monogram_files & stored_files()
    assert 'alt="Aimer on stage"' in client.get(artist.get_absolute_url()).text

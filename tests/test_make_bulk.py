"""make_bulk: a synthetic magazine of the shape asked for, the same for the same seed, and
written with every derived field exactly as save() fills it."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Entry
from core.slugs import SlugBook, unique_slug
from songs.models import Artist, Audience, Mood, Song, Work
from tests.factories import make_artist, make_song

ARTICLES = 30


def make_bulk(*args):
    call_command("make_bulk", "--articles", str(ARTICLES), *args, stdout=io.StringIO())


def catalogue():
    return [
        sorted(model.objects.values_list("slug", field))
        for model, field in [(Article, "title"), (Song, "title"), (Artist, "name")]
    ]


@pytest.fixture
def magazine(db):
    make_bulk("--seed", "7")


def test_the_same_seed_makes_the_same_magazine(db):
    make_bulk("--seed", "7")
    first = catalogue()
    make_bulk("--seed", "7", "--reset")
    assert catalogue() == first
    make_bulk("--seed", "8", "--reset")
    assert catalogue() != first


def test_shape(magazine):
    assert Song.objects.count() == 5 * ARTICLES
    assert Artist.objects.count() == 5 * ARTICLES // 8
    assert (Mood.objects.count(), Audience.objects.count()) == (30, 20)
    assert Work.objects.count() == 5 * ARTICLES // 10
    tied_in = Song.objects.filter(work__isnull=False)
    assert 0 < tied_in.count() < Song.objects.count()
    assert not tied_in.filter(tie_in_role="").exists()
    assert Article.objects.published().count() == Article.objects.count() == ARTICLES
    for article in Article.objects.prefetch_related("entries"):
        positions = [entry.position for entry in article.entries.all()]
        assert 10 <= len(positions) <= 30
        assert positions == list(range(1, len(positions) + 1))


def test_every_article_knows_its_complete_languages(magazine):
    # Titles and commentary go into the active language's columns (English here), as
    # save() would decide; test_saving_again_changes_no_derived_field checks every row.
    assert set(Article.objects.values_list("complete_languages", flat=True)) == {"en"}


def test_popularity_is_skewed(magazine):
    listings = Counter(Entry.objects.values_list("song", flat=True))
    top, *_ = listings.most_common(1)
    assert top[1] >= ARTICLES / 2
    assert sorted(listings.values())[len(listings) // 2] <= 3


def test_names_come_in_japanese_and_english(magazine):
    for model, field in [(Article, "title"), (Song, "title"), (Artist, "name")]:
        texts = list(model.objects.values_list(field, flat=True))
        assert any(text.isascii() for text in texts)
        assert any(not text.isascii() for text in texts)


def test_refuses_a_second_magazine_without_reset(magazine):
    with pytest.raises(CommandError, match="--reset"):
        make_bulk()


def stored(obj):
    """Every column but the save time."""
    obj.refresh_from_db()
    return {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.name != "updated_at"
    }


@pytest.mark.parametrize("model", [Artist, Song, Work, Article, Entry])
def test_saving_again_changes_no_derived_field(magazine, model):
    search_texts = dict(Song.objects.values_list("pk", "search_text"))
    for obj in model.objects.order_by("pk")[::3]:
        before = stored(obj)
        obj.save()
        assert stored(obj) == before
    # An artist's save also rewrites their songs' search text.
    assert dict(Song.objects.values_list("pk", "search_text")) == search_texts


def test_slugs_are_those_save_would_choose(magazine):
    for model, field in [(Article, "title"), (Song, "title"), (Artist, "name")]:
        for obj in model.objects.all():
            assert unique_slug(obj, getattr(obj, field)) == obj.slug
    for work in Work.objects.all():
        assert unique_slug(work, work.title_en or work.title_ja) == work.slug


def test_slug_book_takes_slugs_as_saves_one_by_one_would(db):
    artist = make_artist()
    long_title = "Rain " * 30
    for title in ["Rain", "Rain 3", long_title]:
        make_song(title, artist=artist)
    book = SlugBook(Song)
    predicted = [book.take(title) for title in ["Rain", "Rain", "Rain", long_title, long_title]]
    saved = [
        make_song(title, artist=artist).slug
        for title in ["Rain", "Rain", "Rain", long_title, long_title]
    ]
    assert predicted == saved
    assert saved[:3] == ["rain-2", "rain-4", "rain-5"]


def test_artists_file_in_the_japanese_index_as_save_would(magazine):
    artists = list(Artist.objects.order_by("pk"))
    # Synthetic names come in kana, kanji and Latin letters: some file by their reading.
    assert any(artist.kana_sort for artist in artists)
    assert any(artist.files_by_romaji for artist in artists)
    for artist in artists:
        stored = (artist.sort_name, artist.kana_sort)
        artist.derive_sort_keys()
        assert (artist.sort_name, artist.kana_sort) == stored
        assert artist.files_by_romaji == (not artist.kana_sort)

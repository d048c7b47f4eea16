"""Saving with nothing changed changes nothing: every field save() derives stays byte for byte.

Issue 21: an artist's sort name gained a space around each ・ on every save, so the artist
moved in the A–Z list with nobody touching it. The property tests draw names in kana,
kanji, romaji and English, with ・, ＆, spaces and full-width characters, and check each
model that derives fields: save, reload, save again, reload, and nothing moved.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Entry
from songs.models import Artist, Audience, Mood, Song
from tests.factories import admin_url, form_data, make_article, make_artist, make_song
from tests.strategies import markdown_bodies, names

pytestmark = pytest.mark.django_db

# Each example runs in a savepoint of its own, rolled back afterwards, so the test's
# function-scoped database is safe to share between examples.
examples = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
alias_lists = st.lists(names, max_size=3).map(", ".join)


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def stored(instance, fields):
    """`instance` as loaded afresh from the database, and its `fields` there."""
    row = type(instance)._default_manager.get(pk=instance.pk)
    return row, {field: getattr(row, field) for field in fields}


def assert_resaving_changes_nothing(instance, fields, also=lambda: {}):
    """Save `instance` twice more, each time as loaded afresh, and check that `fields` (and
    whatever `also` reports) are stored exactly as the first save left them."""
    row, first = stored(instance, fields)
    first_also = also()
    for _ in range(2):
        row.save()
        row, again = stored(instance, fields)
        assert again == first
        assert also() == first_also


# --- The issue, case by case ------------------------------------------------------


def test_resaving_a_japanese_artist_keeps_its_sort_name():
    artist = make_artist("レイン・ミッドナイト")
    for _ in range(3):
        artist = Artist.objects.get(pk=artist.pk)
        artist.save()
    artist.refresh_from_db()
    assert artist.sort_name == "rein・middonaito"


def test_a_sort_name_typed_in_japanese_is_romanised_once():
    artist = make_artist("Kenshi Yonezu", sort_name="よねづ・けんし")
    assert artist.sort_name == "yonezu・kenshi"
    artist.save()
    artist.refresh_from_db()
    assert artist.sort_name == "yonezu・kenshi"


@pytest.mark.parametrize("sort_name", ["Yonezu, Kenshi", "rein・middonaito", "Sigur Rós"])
def test_a_sort_name_typed_in_romaji_is_kept_exactly(sort_name):
    artist = make_artist("レイン・ミッドナイト", sort_name=sort_name)
    artist.save()
    artist.refresh_from_db()
    assert artist.sort_name == sort_name


def test_saving_the_artist_form_unchanged_keeps_the_sort_name(editor_client):
    artist = make_artist("レイン・ミッドナイト", aliases="ザ・レイン, ＲＡＩＮ")
    _, before = stored(artist, ["sort_name", "slug", "search_text", "bio_html"])
    for _ in range(2):
        data = form_data(editor_client.get(admin_url(artist)))
        assert editor_client.post(admin_url(artist), data).status_code == 302
    _, after = stored(artist, ["sort_name", "slug", "search_text", "bio_html"])
    assert after == before


# --- Every model with derived fields, over names in any script ---------------------


@examples
@given(
    name=names, sort_name=st.one_of(st.just(""), names), aliases=alias_lists, bio=markdown_bodies
)
def test_resaving_an_artist_changes_no_derived_field(name, sort_name, aliases, bio):
    with rolled_back():
        artist = Artist.objects.create(name=name, sort_name=sort_name, aliases=aliases, bio=bio)
        song = Song.objects.create(title="A song", artist=artist)
        assert_resaving_changes_nothing(
            artist,
            ["name", "sort_name", "slug", "bio_html", "search_text"],
            also=lambda: Song.objects.get(pk=song.pk).search_text,
        )


@examples
@given(title=names, alt_titles=alias_lists, artist_name=names, artist_aliases=alias_lists)
def test_resaving_a_song_changes_no_derived_field(title, alt_titles, artist_name, artist_aliases):
    with rolled_back():
        artist = Artist.objects.create(name=artist_name, aliases=artist_aliases)
        song = Song.objects.create(title=title, alt_titles=alt_titles, artist=artist)
        assert_resaving_changes_nothing(song, ["title", "slug", "search_text"])


@examples
@given(title=names, lead=names, intro=markdown_bodies, published=st.booleans())
def test_resaving_an_article_changes_no_derived_field(title, lead, intro, published):
    with rolled_back():
        article = Article.objects.create(
            title=title,
            lead=lead,
            intro=intro,
            status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        )
        assert_resaving_changes_nothing(
            article, ["title", "lead", "slug", "intro_html", "search_text", "published_at"]
        )


@examples
@given(commentary=markdown_bodies)
def test_resaving_an_entry_changes_no_derived_field(commentary):
    with rolled_back():
        entry = Entry.objects.create(
            article=make_article(),
            song=make_song(),
            position=1,
            commentary=commentary,
            added_at=timezone.now() - timedelta(days=1),
        )
        assert_resaving_changes_nothing(entry, ["commentary", "commentary_html"])


@pytest.mark.parametrize("tag_model", [Mood, Audience])
@examples
@given(name=names)
def test_resaving_a_mood_or_audience_keeps_its_normalised_name(tag_model, name):
    with rolled_back():
        tag = tag_model.objects.create(name=name)
        assert_resaving_changes_nothing(tag, ["name", "slug"])

"""Search's substring lookups match exactly what contains/icontains match, and on
PostgreSQL an index can serve them at every length, one and two characters included."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Entry
from core.short_grams import FUNCTION
from songs.models import Artist, Song
from tests.factories import add_entries, make_article, make_artist, make_song
from tests.strategies import names

pytestmark = pytest.mark.django_db

TEXTS = ["米津玄師", "アイネクライネ", "100% pure", "it's_here", "夏", "Ａｂｃ", "abc"]
VALUES = [
    "米",
    "米津",
    "米津玄",
    "ネ",
    "ネク",
    "%",
    "0%",
    "'",
    "s_",
    "_",
    "夏",
    "Ａ",
    "b",
    "bc",
    "BC",
    "x",
]


@pytest.fixture
def songs():
    artist = make_artist("Somebody")
    return [make_song(f"Song {n}", artist=artist, alt_titles=text) for n, text in enumerate(TEXTS)]


@pytest.mark.parametrize("value", VALUES)
def test_indexed_contains_finds_what_contains_finds(songs, value):
    def matching(**lookup):
        return set(Song.objects.filter(**lookup).values_list("pk", flat=True))

    assert matching(search_text__indexed_contains=value) == matching(search_text__contains=value)
    assert matching(alt_titles__indexed_icontains=value) == matching(alt_titles__icontains=value)


def test_the_value_is_written_into_the_statement(songs):
    """So that PostgreSQL plans each search for its own value (core/short_grams.py)."""
    for value in ["米", "米津", "米津玄"]:
        sql, params = Song.objects.filter(
            search_text__indexed_contains=value
        ).query.sql_with_params()
        if connection.vendor == "postgresql":
            assert value in sql
            assert not any(value in str(param) for param in params)


# Any text PostgreSQL stores (no NUL), but for the marker the function splits on, U+0001.
stored_texts = st.one_of(names, st.text(st.characters(exclude_characters="\x00\x01")))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the function is PostgreSQL's")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=stored_texts)
def test_the_short_grams_are_every_character_and_pair_of_the_text(text):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {FUNCTION}(%s)", [text])
        grams = cursor.fetchone()[0]
    pairs = {text[n : n + 2] for n in range(len(text) - 1)}
    assert set(grams) == set(text) | pairs


def plan(queryset):
    """The plan when the rows can only be found through an index's condition: a test's
    tables are so small that reading them whole, or walking an index whole in the
    model's order, costs less than any search index. bench/scale checks real plans."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = queryset.order_by().query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes built on PostgreSQL only")
@pytest.mark.parametrize(
    ("value", "index_kind"), [("米", "grams"), ("米津", "grams"), ("米津玄", "trgm")]
)
def test_an_index_serves_search_at_every_length(value, index_kind):
    article = make_article(f"{value} special")
    entry = add_entries(article, [make_song(value, artist=make_artist(value))])[0]
    # Commentary is searched in each language's column (articles/search.py), each indexed.
    Entry.objects.filter(pk=entry.pk).update(
        commentary_en=f"About {value}.", commentary_ja=f"{value}について。"
    )
    searches = {
        "song_search": Song.objects.filter(search_text__indexed_contains=value),
        "artist_search": Artist.objects.filter(search_text__indexed_contains=value),
        "article_search": type(article).objects.filter(search_text__indexed_contains=value),
        "entry_commentary_en": Entry.objects.filter(commentary_en__indexed_icontains=value),
        "entry_commentary_ja": Entry.objects.filter(commentary_ja__indexed_icontains=value),
    }
    for name, queryset in searches.items():
        assert queryset.exists(), name
        index = f"{name}_{index_kind}"
        assert index in plan(queryset), (name, plan(queryset))

"""The data migration that repairs sort names spaced out by repeated saves (issue 21)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import CacheInvalidation
from songs.models import Artist

BEFORE_REPAIR = ("songs", "0005_artist_sort_order")

# Migrating runs schema editors, which SQLite refuses inside a test's transaction; the
# serialized rollback brings back what the other migrations made (the newsroom roles).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def insert_before_repair(rows):
    """Go back to the migration before the repair and insert `rows` (name: sort name)
    through the historical model, as the database held them then; then migrate forward."""
    executor = migrate([BEFORE_REPAIR])
    HistoricalArtist = executor.loader.project_state([BEFORE_REPAIR]).apps.get_model(
        "songs", "Artist"
    )
    for n, (name, sort_name) in enumerate(rows.items()):
        # .create() on a historical model runs no save() logic: the row is stored as given.
        HistoricalArtist.objects.create(name=name, sort_name=sort_name, slug=f"artist-{n}")
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def sort_name_of(name):
    return Artist.objects.get(name=name).sort_name


def test_the_repair_takes_the_spaces_out_around_the_middle_dot():
    insert_before_repair({"レイン・ミッドナイト": "rein   ・   middonaito"})
    assert sort_name_of("レイン・ミッドナイト") == "rein・middonaito"


def test_the_repair_collapses_runs_of_spaces_elsewhere():
    insert_before_repair(
        {"♪ヨルシカ": "♪    yorushika", "Ｋｉｎｇ　Ｇｎｕ・常田": "King  Gnu    ・    tsuneta  "}
    )
    assert sort_name_of("♪ヨルシカ") == "♪ yorushika"
    assert sort_name_of("Ｋｉｎｇ　Ｇｎｕ・常田") == "King Gnu・tsuneta"


def test_the_repair_leaves_ascii_sort_names_as_they_are():
    # ASCII was never romanised again, so it was never damaged: editors' spacing stays.
    insert_before_repair({"米津玄師": "Yonezu,  Kenshi", "くじら": "kujira"})
    assert sort_name_of("米津玄師") == "Yonezu,  Kenshi"
    assert sort_name_of("くじら") == "kujira"


def test_a_repaired_sort_name_stays_repaired_when_the_artist_is_saved():
    insert_before_repair({"レイン・ミッドナイト": "rein  ・  middonaito"})
    artist = Artist.objects.get(name="レイン・ミッドナイト")
    artist.save()
    artist.refresh_from_db()
    assert artist.sort_name == "rein・middonaito"


def test_the_repair_makes_cached_pages_of_the_repaired_artists_stale():
    insert_before_repair({"レイン・ミッドナイト": "rein  ・  middonaito", "Ado": "Ado"})
    repaired = Artist.objects.get(name="レイン・ミッドナイト")
    untouched = Artist.objects.get(name="Ado")
    tags = set(CacheInvalidation.objects.values_list("tag", flat=True))
    assert {"artists", f"artist-{repaired.pk}"} <= tags
    assert f"artist-{untouched.pk}" not in tags

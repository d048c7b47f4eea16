"""Migration 0018: every artist already in the catalogue gets the kana sort key a save
would give them, so the Japanese index is right before anyone is saved again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from songs.models import Artist

BEFORE = [("songs", "0017_translated_catalogue")]
AFTER = [("songs", "0018_artist_kana_sort")]


@pytest.fixture
def migrator(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migration_fills_the_kana_sort_key_as_save_would(migrator):
    OldArtist = migrator.loader.project_state(BEFORE).apps.get_model("songs", "Artist")
    rows = [
        ("kenshi-yonezu", "Kenshi Yonezu", "米津玄師", "よねづけんし"),
        ("yamazaki", "山崎まさよし", None, ""),  # no reading: the Japanese name is read out
        ("radwimps", "RADWIMPS", "RADWIMPS", ""),
    ]
    for slug, name_en, name_ja, kana in rows:
        OldArtist.objects.create(
            slug=slug, name=name_en, name_en=name_en, name_ja=name_ja, name_kana=kana
        )

    migrator = MigrationExecutor(connection)
    migrator.migrate(AFTER)

    keys = dict(Artist.objects.values_list("slug", "kana_sort"))
    assert keys == {"kenshi-yonezu": "よねつけんし", "yamazaki": "やまさきまさよし", "radwimps": ""}
    for artist in Artist.objects.all():
        stored = artist.kana_sort
        artist.derive_sort_keys()
        assert artist.kana_sort == stored

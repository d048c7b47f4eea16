"""Migration 0014: the free-text tie-ins of today's songs become works where they parse,
and stay as text where they do not; and the parser it reads them with."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from songs.tie_ins import TieIn, parse_tie_in

BEFORE = [("songs", "0013_short_grams_search")]
AFTER = [("songs", "0014_works")]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # The demo's texts, as the seed page words them.
        (
            "Insert song of the film Your Name (Kimi no Na wa)",
            "film",
            TieIn("insert", "film", "Your Name (Kimi no Na wa)", "en", None),
        ),
        (
            "Theme song of the anime film 5 Centimeters per Second (2007)",
            "anime",
            TieIn("theme", "anime", "5 Centimeters per Second", "en", 2007),
        ),
        (
            "Theme song of the drama Naguru Onna (The Woman Who Strikes)",
            "drama",
            TieIn("theme", "drama", "Naguru Onna (The Woman Who Strikes)", "en", None),
        ),
        (
            "Theme song of the TV drama Unnatural",
            "",
            TieIn("theme", "drama", "Unnatural", "en", None),
        ),
        # The synthetic magazine's old templates, in both languages.
        (
            "Opening theme of the anime Blue Sky",
            "anime",
            TieIn("opening", "anime", "Blue Sky", "en", None),
        ),
        (
            "Theme of the TV programme Night Bus",
            "tv",
            TieIn("theme", "tv", "Night Bus", "en", None),
        ),
        ("Used in a commercial for Quiet Rain", "cm", TieIn("cm", "cm", "Quiet Rain", "en", None)),
        (
            "Theme song of the game Iron Moon",
            "game",
            TieIn("theme", "game", "Iron Moon", "en", None),
        ),
        ("映画『君の名は。』挿入歌", "", TieIn("insert", "film", "君の名は。", "ja", None)),
        ("「映画『君の名は。』挿入歌」", "film", TieIn("insert", "film", "君の名は。", "ja", None)),
        (
            "アニメ『空の海』エンディングテーマ",
            "anime",
            TieIn("ending", "anime", "空の海", "ja", None),
        ),
        ("ドラマ『夜の駅』主題歌", "drama", TieIn("theme", "drama", "夜の駅", "ja", None)),
        ("番組『朝の窓』テーマ曲", "tv", TieIn("theme", "tv", "朝の窓", "ja", None)),
        ("空の海 CMソング", "cm", TieIn("cm", "cm", "空の海", "ja", None)),
        ("ゲーム『鉄の月』テーマソング", "game", TieIn("theme", "game", "鉄の月", "ja", None)),
    ],
)
def test_tie_in_texts_parse_into_role_kind_title_and_year(text, kind, expected):
    assert parse_tie_in(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Coupling song on the CD single of the opening theme of the anime Shabake", "anime"),
        ("Played at every wedding in 1999", ""),
        # No kind named, none chosen: not a work we could file anywhere.
        ("Theme song of Someone's Story", ""),
        ("『君の名は。』", "film"),
        ("", "film"),
    ],
)
def test_texts_of_other_shapes_do_not_parse(text, kind):
    assert parse_tie_in(text, kind) is None


@pytest.fixture
def migrator(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migration_links_songs_to_works_and_keeps_what_does_not_parse(migrator):
    old = migrator.loader.project_state(BEFORE).apps
    artist = old.get_model("songs", "Artist").objects.create(name="RADWIMPS", slug="radwimps")
    Song = old.get_model("songs", "Song")
    rows = {
        "sparkle": ("Insert song of the film Your Name (Kimi no Na wa)", "film"),
        "zenzenzense": ("Theme song of the film Your Name (Kimi no Na wa)", "film"),
        "dream-lantern": ("映画『君の名は。』挿入歌", "film"),
        "lemon": ("Theme song of the TV drama Unnatural", "drama"),
        "coupling": ("Coupling song on the CD single of the opening theme of Shabake", "anime"),
        "plain": ("", ""),
    }
    for slug, (text, kind) in rows.items():
        Song.objects.create(
            title=slug, slug=slug, artist=artist, tie_in=text, tie_in_kind=kind, search_text=slug
        )

    migrator = MigrationExecutor(connection)
    migrator.migrate(AFTER)
    new = migrator.loader.project_state(AFTER).apps
    songs = {
        song.slug: song
        for song in new.get_model("songs", "Song").objects.select_related("work").all()
    }
    Work = new.get_model("songs", "Work")

    # Two English texts naming one film share one work; the Japanese title is another.
    assert Work.objects.count() == 3
    assert songs["sparkle"].work_id == songs["zenzenzense"].work_id
    your_name = songs["sparkle"].work
    assert (your_name.title_en, your_name.kind, your_name.slug) == (
        "Your Name (Kimi no Na wa)",
        "film",
        "your-name-kimi-no-na-wa",
    )
    assert (songs["sparkle"].tie_in_role, songs["zenzenzense"].tie_in_role) == ("insert", "theme")
    assert songs["dream-lantern"].work.title_ja == "君の名は。"
    assert songs["dream-lantern"].work.slug.isascii()
    assert (songs["lemon"].work.kind, songs["lemon"].work.title_en) == ("drama", "Unnatural")
    # Parsed texts are now data; nothing that did not parse is lost.
    assert songs["sparkle"].tie_in_note == ""
    assert songs["coupling"].work is None
    assert songs["coupling"].tie_in_note == rows["coupling"][0]
    assert (songs["plain"].work, songs["plain"].tie_in_note) == (None, "")


def test_the_migration_gives_editors_the_work_permissions(migrator):
    MigrationExecutor(connection).migrate(AFTER)
    from django.contrib.auth.models import Group

    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    writer = set(Group.objects.get(name="Writer").permissions.values_list("codename", flat=True))
    assert {"add_work", "change_work", "delete_work", "view_work"} <= editor
    assert {"add_work", "change_work", "view_work"} <= writer
    assert "delete_work" not in writer

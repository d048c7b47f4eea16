"""A pasted tracklist read and matched: every separator, order, numbering and script."""

import pytest
from django.core.exceptions import ValidationError

from articles.tracklist import MAX_LINES, parse_tracklist
from articles.tracklist_match import (
    ALREADY_LISTED,
    MATCHED,
    NEW_ARTIST,
    NEW_SONG,
    REPEATED,
    match_tracklist,
)
from songs.models import Song


def only_line(text):
    (line,) = parse_tracklist(text)
    return line


@pytest.mark.parametrize(
    "text, split",
    [
        ("米津玄師 – アイネクライネ", ("米津玄師", "アイネクライネ")),
        ("米津玄師—アイネクライネ", ("米津玄師", "アイネクライネ")),
        ("米津玄師 ― アイネクライネ", ("米津玄師", "アイネクライネ")),
        ("Sparkle - RADWIMPS", ("Sparkle", "RADWIMPS")),
        ("Eine Kleine / Kenshi Yonezu", ("Eine Kleine", "Kenshi Yonezu")),
        ("アイネクライネ／米津玄師", ("アイネクライネ", "米津玄師")),
        ("RADWIMPS: Sparkle", ("RADWIMPS", "Sparkle")),
        ("RADWIMPS：スパークル", ("RADWIMPS", "スパークル")),
        ("ミスチル｜終わりなき旅", ("ミスチル", "終わりなき旅")),
        ("Mr.Children | Endless Journey", ("Mr.Children", "Endless Journey")),
        ("Lemon by 米津玄師", ("Lemon", "米津玄師")),
        ("“Lemon” BY Kenshi Yonezu", ("Lemon", "Kenshi Yonezu")),
        ("米津玄師「アイネクライネ」", ("米津玄師", "アイネクライネ")),
        ("米津玄師『Lemon』", ("米津玄師", "Lemon")),
        ("「Lemon」米津玄師", ("Lemon", "米津玄師")),
        ("Sparkle\tRADWIMPS", ("Sparkle", "RADWIMPS")),
        ("Eine Kleine/Kenshi Yonezu", ("Eine Kleine", "Kenshi Yonezu")),
    ],
)
def test_each_separator_splits_a_line_in_two(text, split):
    assert only_line(text).splits[0] == split


@pytest.mark.parametrize(
    "text, title_artist",
    [
        ("Eine Kleine / Kenshi Yonezu", ("Eine Kleine", "Kenshi Yonezu")),
        ("Lemon by 米津玄師", ("Lemon", "米津玄師")),
        ("米津玄師「アイネクライネ」", ("アイネクライネ", "米津玄師")),
        ("「Lemon」米津玄師", ("Lemon", "米津玄師")),
        ("RADWIMPS: Sparkle", ("Sparkle", "RADWIMPS")),
        # With nothing to say which side is which, "Artist - Title" comes first.
        ("米津玄師 – アイネクライネ", ("アイネクライネ", "米津玄師")),
    ],
)
def test_the_separator_suggests_which_side_is_the_title(text, title_artist):
    assert only_line(text).readings()[0] == title_artist


def test_a_line_can_be_read_either_way_round():
    readings = only_line("Sparkle - RADWIMPS").readings()
    assert set(readings) == {("Sparkle", "RADWIMPS"), ("RADWIMPS", "Sparkle")}


@pytest.mark.parametrize(
    "text",
    [
        "1. Sparkle - RADWIMPS",
        "01) Sparkle - RADWIMPS",
        "1)Sparkle - RADWIMPS",
        "1: Sparkle - RADWIMPS",
        "#1 Sparkle - RADWIMPS",
        "(1) Sparkle - RADWIMPS",
        "[01] Sparkle - RADWIMPS",
        "１．Sparkle - RADWIMPS",
        "1、Sparkle - RADWIMPS",
        "①Sparkle - RADWIMPS",
        "⑳ Sparkle - RADWIMPS",
        "01)\tSparkle\tRADWIMPS",
    ],
)
def test_numbering_is_dropped(text):
    line = only_line(text)
    assert line.splits[0] == ("Sparkle", "RADWIMPS")
    assert line.text.startswith("Sparkle")


def test_bare_numbers_are_numbering_when_every_line_has_one():
    lines = parse_tracklist("1 Sparkle - RADWIMPS\n2 Lemon - 米津玄師\n10 Pretender / Higedan")
    assert [line.splits[0][0] for line in lines] == ["Sparkle", "Lemon", "Pretender"]


def test_a_title_beginning_with_a_number_keeps_it():
    lines = parse_tracklist("99 Luftballons - Nena\nSparkle - RADWIMPS")
    assert lines[0].splits[0] == ("99 Luftballons", "Nena")


def test_slashes_and_hyphens_inside_names_do_not_split_when_spaced_ones_do():
    assert only_line("AC/DC - Back in Black").splits == (("AC/DC", "Back in Black"),)
    assert only_line("X-Japan / Kurenai").splits == (("X-Japan", "Kurenai"),)


def test_a_line_with_the_separator_twice_offers_each_split():
    line = only_line("One more time - One more chance - Masayoshi Yamazaki")
    assert line.splits == (
        ("One more time", "One more chance - Masayoshi Yamazaki"),
        ("One more time - One more chance", "Masayoshi Yamazaki"),
    )


def test_blank_lines_are_skipped_and_lines_numbered_as_pasted():
    lines = parse_tracklist("\n  Sparkle - RADWIMPS\n\n\nLemon - 米津玄師  \n")
    assert [(line.number, line.text) for line in lines] == [
        (1, "Sparkle - RADWIMPS"),
        (2, "Lemon - 米津玄師"),
    ]


def error_messages(text):
    with pytest.raises(ValidationError) as raised:
        parse_tracklist(text)
    return raised.value.messages


def test_an_empty_paste_is_refused():
    assert error_messages("  \n\n ") == ["Paste at least one line: an artist and a title."]


def test_more_than_the_limit_of_lines_is_refused():
    text = "\n".join(f"Song {n} - Artist" for n in range(MAX_LINES + 1))
    assert error_messages(text) == ["Paste at most 100 lines at a time; this paste has 101."]


def test_every_line_that_cannot_be_split_is_named():
    messages = error_messages("Sparkle - RADWIMPS\nJust a title\nLemon 米津玄師")
    assert len(messages) == 2
    assert messages[0].startswith("Line 2 (“Just a title”): cannot tell the artist from the title")
    assert messages[1].startswith("Line 3 (“Lemon 米津玄師”)")


def test_a_part_longer_than_a_title_may_be_is_refused():
    messages = error_messages("A - " + "x" * 201)
    assert messages == ["Line 1: a title or an artist can be at most 200 characters."]


# --- Matching against the demo catalogue ------------------------------------------


def matched(text, listed=()):
    return match_tracklist(parse_tracklist(text), listed)


@pytest.mark.parametrize(
    "text",
    [
        "米津玄師 – アイネクライネ",
        "Eine Kleine / Kenshi Yonezu",
        "Kenshi Yonezu - Eine Kleine",
        "米津玄師「アイネクライネ」",
        "あいねくらいね / よねづけんし",
        "ｱｲﾈｸﾗｲﾈ - 米津玄師",
        "Ainekuraine - Yonezu Kenshi",
        "EINE KLEINE by KENSHI YONEZU",
        "ヨネヅケンシ – アイネクライネ",
    ],
)
def test_eine_kleine_is_found_in_any_script_and_order(demo, text):
    (match,) = matched(text)
    assert match.outcome == MATCHED
    assert match.song.slug == "eine-kleine"


@pytest.mark.parametrize(
    "text, slug",
    [
        ("1. Sparkle - RADWIMPS", "sparkle"),
        ("スパークル / ラッドウィンプス", "sparkle"),
        ("RADWIMPS「スパークル」", "sparkle"),
        ("ミスチル｜終わりなき旅", "endless-journey"),
        ("Mr. Children - Owarinaki Tabi", "endless-journey"),
        ("Mr Children – Endless Journey", "endless-journey"),
        ("One More Time One More Chance / Yamazaki Masayoshi", "one-more-time-one-more-chance"),
        ("涙そうそう - 夏川りみ", "nada-sousou"),
        ("Nada Sōsō by Rimi Natsukawa", "nada-sousou"),
        ("夜に駆ける / YOASOBI", "yoru-ni-kakeru"),
        ("さくら（独唱）／森山直太朗", "sakura-dokushou"),
    ],
)
def test_demo_songs_are_found_by_title_and_artist_in_any_script(demo, text, slug):
    (match,) = matched(text)
    assert (match.outcome, match.song.slug) == (MATCHED, slug)


def test_a_known_title_by_another_artist_is_a_new_song(demo):
    (match,) = matched("Lemon - RADWIMPS")
    assert match.outcome == NEW_SONG
    assert (match.title, match.artist.slug, match.song) == ("Lemon", "radwimps", None)


def test_an_unknown_song_by_a_known_artist_is_a_new_song_by_that_artist(demo):
    (match,) = matched("Zenzenzense / ラッドウィンプス")
    assert match.outcome == NEW_SONG
    assert (match.title, match.artist_name) == ("Zenzenzense", "RADWIMPS")


def test_an_unknown_artist_is_a_new_artist(demo):
    (match,) = matched("Nobody Knows – A Band Nobody Heard Of")
    assert match.outcome == NEW_ARTIST
    assert (match.title, match.artist_name) == ("A Band Nobody Heard Of", "Nobody Knows")


def test_a_song_already_listed_is_reported(demo):
    sparkle = Song.objects.get(slug="sparkle")
    (match,) = matched("Sparkle - RADWIMPS", listed=[sparkle.pk])
    assert match.outcome == ALREADY_LISTED
    assert not match.adds_entry


def test_a_song_named_twice_in_the_paste_is_added_once(demo):
    first, second, third, fourth = matched(
        "Sparkle - RADWIMPS\nスパークル / ラッドウィンプス\nNew One - Newcomer\nNew One - Newcomer"
    )
    assert [first.outcome, second.outcome, third.outcome, fourth.outcome] == [
        MATCHED,
        REPEATED,
        NEW_ARTIST,
        REPEATED,
    ]


def test_two_new_songs_by_one_new_artist_bring_in_the_artist_once(demo):
    first, second = matched("Newcomer - First Song\nNewcomer - Second Song")
    assert (first.outcome, second.outcome) == (NEW_ARTIST, NEW_SONG)
    assert second.artist is None and second.artist_name == "Newcomer"


def test_matching_reads_at_most_four_queries_a_line(demo, django_assert_max_num_queries):
    lines = parse_tracklist(
        "\n".join(
            [
                "米津玄師 – アイネクライネ",
                "Mr Children – Endless Journey",
                "One More Time One More Chance / Yamazaki Masayoshi",
                "RADWIMPS - 前前前世",
                "Hoshi no Uta / 架空のバンド",
            ]
            * 20
        )
    )
    with django_assert_max_num_queries(4 * len(lines)):
        matches = match_tracklist(lines, [])
    assert [match.outcome for match in matches[:5]] == [
        MATCHED,
        MATCHED,
        MATCHED,
        NEW_SONG,
        NEW_ARTIST,
    ]

"""Romaji readings: what romanize() makes of a name, and that it makes it only once."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.slugs import ascii_slug, romanize
from tests.strategies import names


@pytest.mark.parametrize(
    ("text", "romaji"),
    [
        ("レイン・ミッドナイト", "rein・middonaito"),
        ("泣ける歌特集", "nake ru uta tokushuu"),
        ("あいみょん＆ヨルシカ", "aimyon&yorushika"),
        ("Ado & ヨルシカ", "Ado & yorushika"),
        ("Ｋｉｎｇ　Ｇｎｕ・常田", "King Gnu・tsuneta"),
        ("Mr.Children feat. 宇多田ヒカル", "Mr.Children feat. utada hikaru"),
        ("いすゞ", "isuzu"),
        ("Beyoncé", "Beyoncé"),
        ("Yonezu, Kenshi", "Yonezu, Kenshi"),
    ],
)
def test_romanize_reads_kana_and_kanji_and_keeps_the_rest(text, romaji):
    assert romanize(text) == romaji


def test_romaji_is_left_exactly_as_it_is():
    assert romanize("rein・middonaito") == "rein・middonaito"
    assert romanize("aimyon & yorushika") == "aimyon & yorushika"


@settings(max_examples=300, deadline=None)
@given(st.one_of(names, st.text()))
def test_romanizing_twice_changes_nothing(text):
    once = romanize(text)
    assert romanize(once) == once
    # Artist.save() strips the sort name before it reads it.
    assert romanize(once.strip()) == once.strip()


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("レイン・ミッドナイト", "rein-middonaito"),
        ("あいみょん＆ヨルシカ", "aimyon-yorushika"),
        ("Ｋｉｎｇ　Ｇｎｕ・常田", "king-gnu-tsuneta"),
        ("Don't 泣かないで", "dont-naka-naide"),
        ("Mr.Children", "mrchildren"),
    ],
)
def test_punctuation_in_japanese_text_parts_the_words_of_its_slug(text, slug):
    assert ascii_slug(text) == slug

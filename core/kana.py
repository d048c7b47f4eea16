"""Kana readings in gojūon order: what the Japanese artist index sorts by and heads with.

A reading sorts as a Japanese dictionary sorts at its first level (JIS X 4061): katakana
as hiragana, voiced and small kana as their base kana (が as か, っ as つ), the long
vowel mark as the vowel it lengthens (すーぱー as すうぱあ); spaces, punctuation and
anything else are passed over. What is left is base hiragana only, which every database
collation (C, glibc, ICU) and Python put in the same, gojūon, order: the index PostgreSQL
walks and the one SQLite walks agree, whatever locale the database was created with.
"""

import unicodedata
from functools import lru_cache

from core.folding import KATAKANA_TO_HIRAGANA
from core.slugs import JAPANESE_RUN, kakasi

# The rows of the gojūon table, each headed by its first kana. ん closes the わ row, as
# in dictionaries and record-shop racks; ゐ and ゑ, old kana of that row, stay in it.
ROWS = {
    "あ": "あいうえお",
    "か": "かきくけこ",
    "さ": "さしすせそ",
    "た": "たちつてと",
    "な": "なにぬねの",
    "は": "はひふへほ",
    "ま": "まみむめも",
    "や": "やゆよ",
    "ら": "らりるれろ",
    "わ": "わゐゑをん",
}
ROW_OF = {kana: row for row, kanas in ROWS.items() for kana in kanas}
# Each base kana's vowel, for the long vowel mark after it (ん has none: the mark is dropped).
VOWEL_OF = {
    **{
        kana: "あいうえお"[column]
        for kanas in ROWS.values()
        if len(kanas) == 5
        for column, kana in enumerate(kanas)
    },
    **dict(zip("やゆよ", "あうお", strict=True)),
    **dict(zip("わゐゑを", "あいえお", strict=True)),
}
SMALL_TO_BASE = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
LONG_VOWEL_MARK = "ー"
REPEAT_MARKS = "ゝヽ"  # ゞ and ヾ lose their voicing mark first, as が does


def sort_key(reading):
    """`reading` (kana, in either script) as the Japanese index sorts it: base hiragana
    only, '' when it holds no kana."""
    # NFKC first (half-width ｶﾞ is ガ), then NFD, which parts が into か and its mark.
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", reading or ""))
    key = []
    for char in text.translate(KATAKANA_TO_HIRAGANA).translate(SMALL_TO_BASE):
        if char in ROW_OF:
            key.append(char)
        elif char == LONG_VOWEL_MARK and key and key[-1] in VOWEL_OF:
            key.append(VOWEL_OF[key[-1]])
        elif char in REPEAT_MARKS and key:
            key.append(key[-1])
    return "".join(key)


def gojuon_row(reading):
    """The gojūon row `reading` files under ('か' for がくと, 'わ' for ん), or None."""
    key = sort_key(reading)
    return ROW_OF[key[0]] if key else None


def is_japanese(text):
    """Whether `text` starts, past any spaces and punctuation, in kana or kanji."""
    first = next((char for char in text or "" if char.isalnum()), "")
    return bool(first) and JAPANESE_RUN.fullmatch(first) is not None


@lru_cache(maxsize=65536)
def hiragana(text):
    """`text` read out in hiragana: kanji by their most common reading, katakana as
    hiragana; anything else passes through."""
    return "".join(part["hira"] for part in kakasi().convert(text))


def index_key(reading, names):
    """What the Japanese index files a name by: `reading` (the editor's) if it is in
    Japanese, else the reading of the first of `names` written in Japanese; '' when
    there is none, for a name in Latin letters ("Mr.Children")."""
    for text in [reading, *names]:
        if is_japanese(text) and (key := sort_key(hiragana(text))):
            return key
    return ""

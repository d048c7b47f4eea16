"""Hypothesis strategies for what editors type: names in any script the site meets."""

from hypothesis import strategies as st


def _chars(first, last):
    return st.characters(min_codepoint=ord(first), max_codepoint=ord(last))


hiragana = st.text(_chars("ぁ", "ゖ") | st.sampled_from("ーゝゞ"), min_size=1, max_size=6)
katakana = st.text(_chars("ァ", "ヺ") | st.sampled_from("ーヽヾ"), min_size=1, max_size=6)
kanji = st.text(
    st.sampled_from("米津玄師宇多田光泣歌特集夜駆恋人々〆月雨星空海") | _chars("一", "龥"),
    min_size=1,
    max_size=3,
)
romaji = st.sampled_from(
    ["rein", "middonaito", "yonezu", "kenshi", "yorushika", "kujira", "tsuneta", "Nippon"]
)
english = st.sampled_from(["The", "Midnight", "Rain", "feat.", "Mr.", "Children", "Don't", "vs"])
full_width = st.text(_chars("！", "～") | _chars("ｦ", "ﾟ"), min_size=1, max_size=4)
separators = st.sampled_from(["・", "＆", "&", " ", "　", "  ", "／", "×", ", ", "-", "。", "ー"])
word = st.one_of(hiragana, katakana, kanji, romaji, english, full_width)

# Names of up to seven tokens: short enough that their romaji fits a 200-character column.
names = st.lists(st.one_of(word, separators), min_size=1, max_size=7).map("".join)

# Markdown bodies: a few paragraphs of names, emphasis and links.
markdown_bodies = st.lists(
    st.one_of(
        names, st.sampled_from(["*", "**", "_", "\n\n", "- ", "[link](https://example.com)"])
    ),
    max_size=8,
).map(" ".join)

"""Text folding for search: one form for stored names and for what readers type."""

import unicodedata

from core.slugs import romanize

# Katakana U+30A1..U+30F6 sit exactly 0x60 above their hiragana.
KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def fold(text):
    """NFKC, case-folded, katakana as hiragana: 'アイネ', 'あいね' and 'ｱｲﾈ' all match."""
    return unicodedata.normalize("NFKC", text or "").casefold().translate(KATAKANA_TO_HIRAGANA)


def search_document(*texts):
    """What a row is found by: each text folded, plus its romaji reading."""
    parts = []
    for text in texts:
        if not text:
            continue
        parts.append(fold(text))
        reading = romanize(text)
        if reading != text:
            parts.append(fold(reading))
    return "\n".join(parts)

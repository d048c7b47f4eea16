"""Reading a tie-in written as prose ("Insert song of the film Your Name", 「映画『君の名は。』
挿入歌」) as data: the song's role, the work's kind, its title and year.

Songs kept their tie-in as free text before works existed; migration 0014 reads each
text with parse_tie_in() and links the song to a Work where the text parses. Plain
functions of strings, so the migration keeps meaning what it meant.
"""

import re
import unicodedata
from typing import NamedTuple

# Role words, English and Japanese, to the values of TieInRole.
ENGLISH_ROLES = {
    "theme song": "theme",
    "theme": "theme",
    "main theme": "theme",
    "opening theme": "opening",
    "opening song": "opening",
    "ending theme": "ending",
    "ending song": "ending",
    "insert song": "insert",
    "image song": "image",
    "commercial song": "cm",
    "cm song": "cm",
}
JAPANESE_ROLES = {
    "主題歌": "theme",
    "テーマ曲": "theme",
    "テーマソング": "theme",
    "オープニングテーマ": "opening",
    "オープニング曲": "opening",
    "エンディングテーマ": "ending",
    "エンディング曲": "ending",
    "挿入歌": "insert",
    "イメージソング": "image",
    "CMソング": "cm",
}
# Kind words to the values of Work.Kind; longest first, so "anime film" wins over "film".
ENGLISH_KINDS = {
    "anime film": "anime",
    "anime series": "anime",
    "anime": "anime",
    "tv drama": "drama",
    "drama": "drama",
    "film": "film",
    "movie": "film",
    "tv programme": "tv",
    "tv program": "tv",
    "tv show": "tv",
    "video game": "game",
    "game": "game",
    "commercial": "cm",
}
JAPANESE_KINDS = {
    "アニメ映画": "anime",
    "アニメ": "anime",
    "映画": "film",
    "ドラマ": "drama",
    "番組": "tv",
    "テレビ番組": "tv",
    "ゲーム": "game",
}
KINDS = {"anime", "drama", "film", "tv", "cm", "game", "other"}


def _alternatives(words):
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


ENGLISH = re.compile(
    rf"(?P<role>{_alternatives(ENGLISH_ROLES)}) (?:of|for|from) (?:the |a |an )?"
    rf"(?:(?P<kind>{_alternatives(ENGLISH_KINDS)}) )?(?P<title>.+)",
    re.IGNORECASE,
)
ENGLISH_COMMERCIAL = re.compile(
    r"used in (?:a |an )?(?:commercial|cm|tv ad) for (?P<title>.+)", re.I
)
JAPANESE = re.compile(
    rf"(?:(?P<kind>{_alternatives(JAPANESE_KINDS)}))?[『「](?P<title>[^』」]+)[』」]\s*"
    rf"(?:の)?(?P<role>{_alternatives(JAPANESE_ROLES)})"
)
JAPANESE_COMMERCIAL = re.compile(r"(?P<title>.+?)\s*(?:の)?CM(?:ソング)?")
TRAILING_YEAR = re.compile(r"\s*[(（](?P<year>(?:18|19|20)\d\d)年?[)）]$")


class TieIn(NamedTuple):
    role: str  # a TieInRole value
    kind: str  # a Work.Kind value
    title: str
    language: str  # "en" or "ja": which of the work's titles this is
    year: int | None


def parse_tie_in(text, kind=""):
    """The TieIn that `text` states, or None when it is not of a shape we read.

    `kind` is the kind an editor chose beside the text, if any: it wins over the one
    the text names ("Insert song of the anime film …" filed under anime stays anime).
    """
    text = unicodedata.normalize("NFKC", text or "").strip().strip("。.")
    if text.startswith("「") and text.endswith("」"):
        text = text[1:-1].strip()
    chosen = kind if kind in KINDS else ""
    if match := ENGLISH.fullmatch(text):
        role = ENGLISH_ROLES[match["role"].lower()]
        named = ENGLISH_KINDS.get((match["kind"] or "").lower(), "")
        return _tie_in(role, chosen or named, match["title"], "en")
    if match := ENGLISH_COMMERCIAL.fullmatch(text):
        return _tie_in("cm", "cm", match["title"], "en")
    if match := JAPANESE.fullmatch(text):
        named = JAPANESE_KINDS.get(match["kind"] or "", "")
        return _tie_in(JAPANESE_ROLES[match["role"]], chosen or named, match["title"], "ja")
    if (match := JAPANESE_COMMERCIAL.fullmatch(text)) and not text.isascii():
        return _tie_in("cm", "cm", match["title"].strip("『』「」"), "ja")
    return None


def _tie_in(role, kind, title, language):
    if not kind:
        return None  # a work of no known kind: better kept as the editor wrote it
    year = None
    if match := TRAILING_YEAR.search(title):
        year, title = int(match["year"]), title[: match.start()]
    title = title.strip().strip("\"“”'")
    if not title:
        return None
    return TieIn(role, kind, title, language, year)


def work_key(tie_in):
    """Two texts naming the same title and kind name one work."""
    return tie_in.kind, unicodedata.normalize("NFKC", tie_in.title).casefold()

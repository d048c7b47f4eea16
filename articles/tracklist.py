"""A pasted tracklist read line by line: each line's artist and title, whatever the
separator, order, script or numbering.

Lines come as editors copy them from a playlist, a CD sleeve or a ranking:
"米津玄師 – アイネクライネ", "Eine Kleine / Kenshi Yonezu", "1. Sparkle - RADWIMPS",
"米津玄師「アイネクライネ」", "① Lemon by 米津玄師", "01)\tTitle\tArtist".

Which side is the artist is often not written down ("A - B" is "Artist - Title" on one
site and "Title - Artist" on the next), so a line keeps every way it can be split and
what its separator suggests; articles/tracklist_match.py decides against the catalogue.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# An editor's list, not a catalogue import: more lines than this is a mistaken paste.
MAX_LINES = 100
# As long as a song title or an artist name may be.
MAX_PART_LENGTH = 200

# "1.", "01)", "1:", "1、", "#1", "(1)", "[01]", "No. 1", in half or full width.
MARKED_NUMBER = re.compile(
    r"^\s*(?:(?:#|No\.?\s*)\d{1,3}[.)\]:、。．）：]?|\d{1,3}\s*[.)\]:、。．）：]"
    r"|[(\[（［]\d{1,3}[)\]）］])\s*",
    re.IGNORECASE,
)
# "①" to "㊿": circled numbers, as Japanese rankings often use.
CIRCLED_NUMBER = re.compile(r"^\s*[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]\s*")
# "1 Sparkle - RADWIMPS": a bare number is numbering only when every line has one, since
# titles begin with numbers too ("99 Luftballons", "3年B組").
BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s+")

# The quote marks of 米津玄師「アイネクライネ」 and of “Lemon” by 米津玄師.
QUOTED_TITLE_AFTER = re.compile(r"^(?P<artist>.+?)\s*[「『](?P<title>.+)[」』]$")
QUOTED_TITLE_BEFORE = re.compile(r"^[「『](?P<title>.+?)[」』]\s*(?P<artist>.+)$")
QUOTES = "\"'“”‘’「」『』"

TITLE_FIRST, ARTIST_FIRST, EITHER = "title-first", "artist-first", "either"

# Separators, strongest first: a line is split at the first kind it contains. An ASCII
# hyphen, slash or colon separates only with spaces around it ("AC/DC", "X-Japan").
SEPARATORS = [
    (re.compile(r"\t+"), EITHER),
    (re.compile(r"\s*[–—―]\s*|\s+-\s+|\s*－\s*"), EITHER),
    (re.compile(r"\s*／\s*|\s+/\s+"), TITLE_FIRST),
    (re.compile(r"\s*[|｜]\s*"), EITHER),
    (re.compile(r"\s*：\s*|\s*:\s+"), ARTIST_FIRST),
    (re.compile(r"\s+by\s+", re.IGNORECASE), TITLE_FIRST),
    # Last resort, without spaces: "Eine Kleine/Kenshi Yonezu", "Lemon-米津玄師".
    (re.compile(r"/"), TITLE_FIRST),
    (re.compile(r"-"), EITHER),
]


@dataclass(frozen=True)
class TrackLine:
    """One pasted line: where it was, what it said, and each way to split it in two."""

    number: int  # its place among the paste's non-empty lines, from 1
    text: str  # as pasted, without its numbering
    splits: tuple  # (first part, second part) pairs, in the order written
    order: str  # TITLE_FIRST, ARTIST_FIRST or EITHER, as the separator suggests

    def readings(self):
        """Every (title, artist) this line can mean, the likeliest first. Without a hint
        from the separator, "Artist - Title" is the likelier: playlists and video sites
        write it so."""
        written = [(first, second) for first, second in self.splits]
        swapped = [(second, first) for first, second in self.splits]
        return written + swapped if self.order == TITLE_FIRST else swapped + written


def parse_tracklist(text):
    """The paste's lines as TrackLines, or a ValidationError naming every line at fault."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        raise ValidationError(_("Paste at least one line: an artist and a title."), code="empty")
    if len(lines) > MAX_LINES:
        raise ValidationError(
            _("Paste at most %(limit)d lines at a time; this paste has %(count)d."),
            code="too_many_lines",
            params={"limit": MAX_LINES, "count": len(lines)},
        )
    lines = [strip_marked_number(line) for line in lines]
    if all(BARE_NUMBER.match(line) for line in lines):
        lines = [BARE_NUMBER.sub("", line, count=1) for line in lines]
    parsed, errors = [], []
    for number, line in enumerate(lines, start=1):
        try:
            parsed.append(parse_line(number, line))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return parsed


def strip_marked_number(line):
    line = CIRCLED_NUMBER.sub("", line, count=1)
    return MARKED_NUMBER.sub("", line, count=1).strip()


def parse_line(number, line):
    splits, order = split_line(line)
    if not splits:
        raise ValidationError(
            _(
                "Line %(number)d (“%(line)s”): cannot tell the artist from the title. "
                "Put “ – ”, “ / ” or a tab between them."
            ),
            code="cannot_split",
            params={"number": number, "line": line[:80]},
        )
    if any(len(part) > MAX_PART_LENGTH for part in splits[0]):
        raise ValidationError(
            _("Line %(number)d: a title or an artist can be at most %(limit)d characters."),
            code="too_long",
            params={"number": number, "limit": MAX_PART_LENGTH},
        )
    return TrackLine(number=number, text=line, splits=tuple(splits), order=order)


def split_line(line):
    """Each (first, second) split of `line` at its strongest separator, and the order
    that separator suggests; ([], EITHER) when nothing separates two parts."""
    for pattern, artist_key in ((QUOTED_TITLE_AFTER, ARTIST_FIRST), (QUOTED_TITLE_BEFORE, None)):
        quoted = pattern.match(line)
        if quoted:
            artist, title = clean_part(quoted["artist"]), clean_part(quoted["title"])
            if artist and title:
                if artist_key == ARTIST_FIRST:
                    return [(artist, title)], ARTIST_FIRST
                return [(title, artist)], TITLE_FIRST
    for separator, order in SEPARATORS:
        splits = []
        for found in separator.finditer(line):
            first = clean_part(line[: found.start()])
            second = clean_part(line[found.end() :])
            if first and second:
                splits.append((first, second))
        if splits:
            return splits, order
    return [], EITHER


def clean_part(text):
    """A title or name without the spaces and quote marks around it."""
    return text.strip().strip(QUOTES).strip()

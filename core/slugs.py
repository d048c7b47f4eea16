"""One slug policy for every model: readable ASCII, romanised from Japanese."""

import re
import unicodedata
from functools import lru_cache

import pykakasi
from django.utils.text import slugify

SLUG_MAX_LENGTH = 120

# What kakasi reads: runs of kana, kanji and Japanese punctuation. Everything else
# (Latin letters, digits, spaces, other scripts) passes through as it is, so romaji
# reads the same however often it is romanised.
JAPANESE_RUN = re.compile(
    "["
    "\u3001-\u303f"  # CJK punctuation and marks: 、。「」〜々〆〇
    "\u3040-\u30ff"  # hiragana and katakana, with ー and ・
    "\u31f0-\u31ff"  # small katakana for Ainu
    "\u3400-\u4dbf"  # kanji, extension A
    "\u4e00-\u9fff"  # kanji
    "\uf900-\ufaff"  # compatibility kanji
    "\U00020000-\U0003ffff"  # kanji, extensions B and on
    "]+"
)

# Kana repeat marks: ゝ and ヽ repeat the kana before them; ゞ and ヾ voice it too.
REPEAT_MARKS = {"ゝ": False, "ヽ": False, "ゞ": True, "ヾ": True}
KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")

# In a slug of Japanese text, what parts words: any punctuation but apostrophes.
PUNCTUATION_BETWEEN_WORDS = re.compile(r"[^\w\s'’-]")


@lru_cache(maxsize=1)
def kakasi():
    """The one converter: loading its dictionaries takes a while."""
    return pykakasi.kakasi()


def romanize(text):
    """Hepburn romaji for any kana or kanji in `text`; other characters pass through.

    Idempotent: romanize(romanize(text)) == romanize(text). A space goes only between
    a reading and a letter or digit beside it ("nake ru uta", "yorushika ABC"), never
    around punctuation ("rein・middonaito", "aimyon&yorushika").
    """
    text = unicodedata.normalize("NFKC", text or "")
    if text.isascii():
        return text
    return _read_out(text)


# pykakasi takes a tenth of a millisecond or more a call, and the same texts are read out
# again and again: a title for its slug and then for its search text, an artist's name
# for each of their songs' search text (thousands of rows at a time in make_bulk).
@lru_cache(maxsize=65536)
def _read_out(text):
    romaji, after_reading = "", False
    for piece, is_reading in _pieces(text):
        if (is_reading or after_reading) and romaji[-1:].isalnum() and piece[:1].isalnum():
            romaji += " "
        romaji += piece
        after_reading = is_reading
    # A reading can combine with a mark that follows it ("ke" + U+0301 is "ké").
    return unicodedata.normalize("NFKC", romaji)


def _pieces(text):
    """`text` as (piece, is_reading) pairs: kakasi's readings, and what it left as it was."""
    position = 0
    for run in JAPANESE_RUN.finditer(text):
        yield text[position : run.start()], False
        yield from _read_run(_spell_out_repeat_marks(run.group()))
        position = run.end()
    yield text[position:], False


def _read_run(run):
    # kakasi drops or copies the characters around one it cannot read ("丂壭" comes back
    # as "丂"; an unassigned kana before "ヽ" comes back twice, and again on each pass):
    # read the text between such characters, and keep those as they are.
    readable = ""
    for char in run:
        if _reads_alone(char):
            readable += char
        else:
            yield from _read(readable)
            readable = ""
            yield char, False
    yield from _read(readable)


def _read(readable):
    parts = kakasi().convert(readable) if readable else []
    if "".join(part["orig"] for part in parts) != readable:
        parts = [part for char in readable for part in kakasi().convert(char)]
    for part in parts:
        reading = part["hepburn"]
        if reading and reading != part["orig"]:
            yield reading, True
        else:
            yield part["orig"], False


@lru_cache(maxsize=4096)
def _reads_alone(char):
    """Whether kakasi reads `char` by itself, as something other than itself."""
    parts = kakasi().convert(char)
    return len(parts) == 1 and parts[0]["orig"] == char and parts[0]["hepburn"] not in {"", char}


def _spell_out_repeat_marks(run):
    """`run` with each repeat mark after a kana replaced by the kana it stands for."""
    spelled = []
    for char in run:
        if char in REPEAT_MARKS and spelled and KANA.fullmatch(spelled[-1]):
            kana = spelled[-1]
            voiced = unicodedata.normalize("NFC", kana + "\u3099")
            char = voiced if REPEAT_MARKS[char] and len(voiced) == 1 else kana
        spelled.append(char)
    return "".join(spelled)


def ascii_slug(text, fallback="item", max_length=SLUG_MAX_LENGTH):
    romaji = romanize(text)
    if not (text or "").isascii():
        # Romaji keeps the punctuation of the name ("rein・middonaito"); in a slug it
        # parts words, as a space does. ASCII titles slug as Django's slugify() has it.
        romaji = PUNCTUATION_BETWEEN_WORDS.sub(" ", romaji)
    return cut_slug(slugify(romaji), max_length) or fallback


def cut_slug(slug, max_length):
    """`slug` in at most `max_length` characters, cut after a whole word ("…that-resonate",
    never "…that-reson"); mid-word only when its first word alone is longer."""
    slug = slug.strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]  # a hyphen just past the limit still ends a word
    words = cut.rsplit("-", 1)[0] if "-" in cut else ""
    return (words or slug[:max_length]).strip("-")


def unique_slug(instance, text, field="slug"):
    """A slug from `text` that no other row of `instance`'s model uses."""
    model = type(instance)
    base = ascii_slug(text, fallback=model._meta.model_name)
    candidate, n = base, 2
    others = (
        model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    )
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate = cut_slug(base, SLUG_MAX_LENGTH - len(suffix)) + suffix
        n += 1
    return candidate


class SlugBook:
    """unique_slug() for rows about to be inserted: the same slugs, without a query a row.

    unique_slug takes the first free of base, base-2, base-3, …; the first free suffix
    of a base only ever grows, so each base remembers where to resume.
    """

    def __init__(self, model):
        self.fallback = model._meta.model_name
        self.taken = set(model._default_manager.values_list("slug", flat=True))
        self.resume_at = {}

    def take(self, text):
        base = ascii_slug(text, fallback=self.fallback)
        candidate, n = base, self.resume_at.get(base, 2)
        while candidate in self.taken:
            suffix = f"-{n}"
            candidate = cut_slug(base, SLUG_MAX_LENGTH - len(suffix)) + suffix  # as unique_slug
            n += 1
        self.resume_at[base] = n
        self.taken.add(candidate)
        return candidate

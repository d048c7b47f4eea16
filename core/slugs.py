"""One slug policy for every model: readable ASCII, romanised from Japanese."""

import unicodedata
from functools import lru_cache

import pykakasi
from django.utils.text import slugify

SLUG_MAX_LENGTH = 120


@lru_cache(maxsize=1)
def _kakasi():
    return pykakasi.kakasi()


def romanize(text):
    """Hepburn romaji for any kana or kanji in `text`; other characters pass through."""
    text = unicodedata.normalize("NFKC", text or "")
    if text.isascii():
        return text
    return _read_out(text)


# pykakasi takes a tenth of a millisecond or more a call, and the same texts are read out
# again and again: a title for its slug and then for its search text, an artist's name
# for each of their songs' search text (thousands of rows at a time in make_bulk).
@lru_cache(maxsize=65536)
def _read_out(text):
    return " ".join(part["hepburn"] or part["orig"] for part in _kakasi().convert(text))


def ascii_slug(text, fallback="item"):
    slug = slugify(romanize(text))[:SLUG_MAX_LENGTH].strip("-")
    return slug or fallback


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
        candidate = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix
        n += 1
    return candidate

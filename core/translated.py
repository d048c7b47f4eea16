"""Fields kept in each language by django-modeltranslation (a column per language, e.g.
`title_en` and `title_ja`): helpers for the values models derive from them.

`obj.title` reads the reader's language, else the other one; code that derives a value
for one language (rendered HTML) or from both (search text, slugs) reads the columns.
"""

from django.conf import settings
from django.utils.translation import get_language


def languages():
    return [code for code, _name in settings.LANGUAGES]


def localized(field):
    """The column names of `field`, one per language: ['title_en', 'title_ja']."""
    return [f"{field}_{code}" for code in languages()]


def values_of(obj, field):
    """`field`'s value in each language, in LANGUAGES order ('' where it is missing)."""
    return [getattr(obj, name, None) or "" for name in localized(field)]


def value_in(obj, field, language):
    return getattr(obj, f"{field}_{language}", None) or ""


def strip_each(obj, *fields):
    """Strip each language's value of `fields` in place. Assigning `obj.title` would
    write the reader's column only, with the other language's text as its fallback."""
    for field in fields:
        for name in localized(field):
            value = getattr(obj, name, None)
            if isinstance(value, str):
                setattr(obj, name, value.strip())


def render_each(obj, source, target, render):
    """Fill `target` in each language with `render` of `source` in that language."""
    for code in languages():
        setattr(obj, f"{target}_{code}", render(value_in(obj, source, code)))


def first_of(obj, field):
    """The value in the first language that has one (English first): slugs and sort
    names come from it, whichever language an editor happens to write in."""
    return next((value for value in values_of(obj, field) if value.strip()), "")


def columns(model, *fields):
    """`fields` as only() should name them: a translated field as its column in every
    language, since reading it may fall back to the other language's (an only() of
    "title" alone loads the reader's language, and the fallback costs a query a row)."""
    names = []
    for field in fields:
        translated = localized(field)
        if all(hasattr(model, name) for name in translated):
            names += translated
        else:
            names.append(field)
    return names


def translation_of(obj, field):
    """(value, language) of `field` as a reader of the active language gets it: their
    language's, else the first other language's that has one. The language is None for
    a field that is not translated, or has no value in any language."""
    current = get_language()
    if not hasattr(type(obj), f"{field}_{current}"):
        return getattr(obj, field, ""), None
    for code in [current, *(code for code in languages() if code != current)]:
        value = value_in(obj, field, code)
        if value:
            return value, code
    return "", None

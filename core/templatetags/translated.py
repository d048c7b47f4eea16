"""Translated text on a page, marked with its language where it falls back.

A field missing in the reader's language shows the other language's text
(django-modeltranslation); screen readers and fonts must then know the language, so
the text is wrapped in an element with `lang`. Attributes (alt=, meta tags) take the
plain value, `{{ article.title }}`, which falls back the same way.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.translated import translation_of, value_in

register = template.Library()


def _value_and_language(obj, field):
    if field == "display_name":
        # A tag's label in the reader's language, else its name, in the site's language.
        label = value_in(obj, "label", get_language())
        return (label, get_language()) if label else (obj.name, settings.LANGUAGE_CODE)
    return translation_of(obj, field)


@register.filter
def translated(obj, field):
    """`obj.field`, escaped, in `<span lang="…">` when it is in another language than
    the page's: `{{ article|translated:"title" }}`."""
    if obj is None or obj == "":
        return ""
    value, language = _value_and_language(obj, field)
    if language is None or language == get_language():
        return value
    return format_html('<span lang="{}">{}</span>', language, value)


@register.filter
def translated_html(obj, field):
    """A rendered (already sanitised) HTML field, in `<div lang="…">` when it is in
    another language than the page's: `{{ entry|translated_html:"commentary_html" }}`."""
    if obj is None or obj == "":
        return ""
    value, language = _value_and_language(obj, field)
    # Rendered from Markdown and sanitised with nh3 on save (core/markup.py).
    html = mark_safe(value)
    if language is None or language == get_language():
        return html
    return format_html('<div lang="{}">{}</div>', language, html)

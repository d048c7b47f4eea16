from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: code, name, absolute URL, whether it is this one,
    whether it is the default language's (x-default), and whether it is `translated`.

    A page written in only some languages (an article not translated yet) names them in
    its context as `page_languages`; in the others it shows the fallback, which no
    hreflang offers and the language switcher marks. Other pages exist in every language.
    """
    request = context.get("request")
    if request is None:
        return []
    here = request.get_full_path()
    current = get_language()
    written = context.get("page_languages")
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(url_in_language(here, code, current)),
            "current": code == current,
            "default": code == settings.LANGUAGE_CODE,
            "translated": written is None or code in written,
        }
        for code, name in settings.LANGUAGES
    ]


def url_in_language(path, code, current):
    """`path` in language `code`; the home page there if `path` has no translation
    (a 404, say), rather than a link back to the same language."""
    translated = translate_url(path, code)
    if translated == path and code != current:
        with translation.override(code):
            return reverse("articles:home")
    return translated

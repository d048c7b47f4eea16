from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: code, name, absolute URL, and whether it is this one."""
    request = context.get("request")
    if request is None:
        return []
    here = request.get_full_path()
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(url_in_language(here, code, current)),
            "current": code == current,
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

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: code, name, absolute URL, and whether it is this one."""
    request = context.get("request")
    if request is None:
        return []
    here = request.get_full_path()
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(translate_url(here, code)),
            "current": code == get_language(),
        }
        for code, name in settings.LANGUAGES
    ]

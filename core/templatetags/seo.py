"""Head tags of every page: metadata (core/metadata.py) and its JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import metadata

register = template.Library()

# As django.utils.html.json_script: with <, > and & escaped, no text in the data can
# close the <script> element or open a comment, and the JSON still means the same.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a <script type="application/ld+json"> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # safe: the escapes above
    )


@register.simple_tag
def page_metadata(metadata_from_view, request):
    """The view's PageMetadata, or plain site-wide metadata for a page whose view has none."""
    if metadata_from_view:
        return metadata_from_view
    return metadata.for_page(request) if request else None

"""Editors' Markdown subset, rendered once at save time and sanitised with nh3."""

import re

import markdown
import nh3

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# C0 control characters other than tab, LF and CR: invalid in XML, so they would break feeds.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text or "")


def render_markdown(text):
    """Return safe HTML for the Markdown subset: paragraphs, emphasis, links, lists."""
    html = markdown.markdown(strip_control_characters(text), output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener nofollow",
    )

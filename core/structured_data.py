"""schema.org JSON-LD for search engines, built as plain dicts.

Nothing here escapes anything: the `json_ld` template filter (core/templatetags/seo.py)
serialises these dicts so that no text in them can close the <script> element.
Every function takes `absolute_url`, a callable turning a path into a full URL
(usually `request.build_absolute_uri`), so this module never sees a request.
"""

from core.markup import strip_control_characters

SCHEMA_ORG = "https://schema.org"


def graph(*nodes):
    """One JSON-LD document holding every node of a page."""
    return {"@context": SCHEMA_ORG, "@graph": without_control_characters([n for n in nodes if n])}


def without_control_characters(data):
    """`data` with control characters removed from every string in it.

    JSON would escape them validly, but they are noise to a search engine, and a
    row written with QuerySet.update() never went through the models' save().
    """
    if isinstance(data, str):
        return strip_control_characters(data)
    if isinstance(data, dict):
        return {key: without_control_characters(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [without_control_characters(value) for value in data]
    return data


def breadcrumb_list(crumbs):
    """`crumbs`: (name, absolute URL) pairs from the home page down to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def organization(name, url):
    return {"@type": "Organization", "name": name, "url": url}

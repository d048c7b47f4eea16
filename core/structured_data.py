"""schema.org JSON-LD for search engines, built as plain dicts.

Nothing here escapes anything: the `json_ld` template filter (core/templatetags/seo.py)
serialises these dicts so that no text in them can close the <script> element.
Every function takes `absolute_url`, a callable turning a path into a full URL
(usually `request.build_absolute_uri`), so this module never sees a request.
"""

SCHEMA_ORG = "https://schema.org"


def graph(*nodes):
    """One JSON-LD document holding every node of a page."""
    return {"@context": SCHEMA_ORG, "@graph": [node for node in nodes if node]}


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

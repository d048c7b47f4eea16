"""What a page tells search engines, social cards and feed readers about itself.

Views call one `for_*` function and put the result in their context as `metadata`;
the head blocks of base.html render it (templates/includes/seo_*.html). Nothing
here queries the database: every function works on objects the view already loaded.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import structured_data

SITE_DESCRIPTION = gettext_lazy(
    "Themed song lists with the words around them: why each song belongs there."
)
# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    mime_type: str = "application/rss+xml"


@dataclass(frozen=True)
class PageMetadata:
    title: str
    description: str
    canonical_url: str
    breadcrumbs: tuple = ()  # (name, absolute URL) pairs, home first
    entities: tuple = ()  # schema.org nodes besides the breadcrumbs
    image_url: str = ""
    image_alt: str = ""
    og_type: str = "website"
    published_time: datetime | None = None
    modified_time: datetime | None = None
    feeds: tuple = ()  # this page's own feeds; the site feed is on every page anyway
    prev_url: str = ""
    next_url: str = ""
    noindex: bool = False

    @property
    def site_name(self):
        return settings.SITE_NAME

    @property
    def document_title(self):
        site = settings.SITE_NAME
        return self.title if self.title == site else f"{self.title} — {site}"

    @property
    def json_ld(self):
        return structured_data.graph(
            *self.entities, structured_data.breadcrumb_list(self.breadcrumbs)
        )


def plain_text(text, length=DESCRIPTION_LENGTH):
    """One line of text from editor input or rendered HTML, cut at a word to `length`."""
    text = " ".join(strip_tags(str(text)).split())
    return Truncator(text).chars(length)


def page_url(request, path, page_number):
    """The URL of page `page_number` of a list at `path`: page 1 has no ?page=."""
    query = f"?page={page_number}" if page_number and page_number > 1 else ""
    return request.build_absolute_uri(path + query)


def pagination_links(request, path, page_obj):
    if page_obj is None:
        return {}
    links = {}
    if page_obj.has_previous():
        links["prev_url"] = page_url(request, path, page_obj.previous_page_number())
    if page_obj.has_next():
        links["next_url"] = page_url(request, path, page_obj.next_page_number())
    return links


def home_crumb(request):
    return (settings.SITE_NAME, request.build_absolute_uri(reverse("articles:home")))


def publisher(request):
    return structured_data.organization(
        settings.SITE_NAME, request.build_absolute_uri(reverse("articles:home"))
    )


def image_url(request, renditions):
    """The largest JPEG of `renditions`: what social cards and feed readers all accept."""
    largest = renditions.largest_jpeg
    return request.build_absolute_uri(largest.url) if largest else ""


def for_page(request, title=None, description=SITE_DESCRIPTION, breadcrumbs=()):
    """Plain metadata for a page with no object of its own (home, search, a list)."""
    return PageMetadata(
        title=title or settings.SITE_NAME,
        description=plain_text(description),
        canonical_url=request.build_absolute_uri(request.path),
        breadcrumbs=(home_crumb(request), *breadcrumbs),
    )


def for_list_page(request, name, description, page_obj):
    """A paginated list at the request's path (articles, artists A–Z): page N is its own page."""
    number = page_obj.number if page_obj else 1
    return PageMetadata(
        title=name
        if number == 1
        else _("%(name)s, page %(number)s") % {"name": name, "number": number},
        description=plain_text(description),
        canonical_url=page_url(request, request.path, number),
        breadcrumbs=(home_crumb(request), (name, request.build_absolute_uri(request.path))),
        **pagination_links(request, request.path, page_obj),
    )

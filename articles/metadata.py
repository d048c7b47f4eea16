"""What a page tells search engines, social cards and feed readers about itself.

Views call one `for_*` function and put the result in their context as `metadata`;
the head blocks of base.html render it (templates/includes/seo_*.html). Nothing
here queries the database: every function works on objects the view already loaded.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import structured_data
from songs.markup import strip_control_characters

SITE_NAME = "Liner Notes"
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

    site_name = SITE_NAME  # not a field: the same on every page

    @property
    def document_title(self):
        return self.title if self.title == SITE_NAME else f"{self.title} — {SITE_NAME}"

    @property
    def json_ld(self):
        return structured_data.graph(
            *self.entities, structured_data.breadcrumb_list(self.breadcrumbs)
        )


def plain_text(text, length=DESCRIPTION_LENGTH):
    """One line of text from editor input or rendered HTML, cut at a word to `length`."""
    text = " ".join(strip_tags(strip_control_characters(str(text))).split())
    return Truncator(text).chars(length)


def byline(article):
    """Who signs an article: the author's full name, else the site (never a login name)."""
    name = article.author.get_full_name() if article.author else ""
    return strip_control_characters(name).strip() or SITE_NAME


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
    return (SITE_NAME, request.build_absolute_uri(reverse("articles:home")))


def publisher(request):
    return structured_data.organization(
        SITE_NAME, request.build_absolute_uri(reverse("articles:home"))
    )


def image_url(request, renditions):
    """The largest JPEG rendition: what social cards and feed readers all accept."""
    if not renditions or not renditions.get("jpeg"):
        return ""
    return request.build_absolute_uri(default_storage.url(renditions["jpeg"][-1][1]))


def for_page(request, title=SITE_NAME, description=SITE_DESCRIPTION, breadcrumbs=()):
    """Plain metadata for a page with no object of its own (home, search, a list)."""
    return PageMetadata(
        title=strip_control_characters(title),
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


def for_article_list(request, page_obj):
    return for_list_page(
        request, _("Articles"), _("Every Liner Notes article, newest first."), page_obj
    )


def for_article_page(request, article, page_obj):
    """One page of an article: canonical to itself, its songs numbered as the page shows them."""
    path = article.get_absolute_url()
    canonical_url = page_url(request, path, page_obj.number)
    title = strip_control_characters(article.title)
    if page_obj.number > 1:
        title = f"{title} ({page_obj.start_index()}–{page_obj.end_index()})"
    description = plain_text(article.lead or article.intro_html) or SITE_DESCRIPTION
    author_name = byline(article)
    author = (
        publisher(request) if author_name == SITE_NAME else {"@type": "Person", "name": author_name}
    )
    hero_url = image_url(request, article.hero_renditions)
    article_node = structured_data.article_entity(
        article,
        url=canonical_url,
        description=description,
        author=author,
        publisher=publisher(request),
        image_url=hero_url,
        songs=structured_data.song_list(
            page_obj.object_list,
            first_position=page_obj.start_index(),
            total=page_obj.paginator.count,
            absolute_url=request.build_absolute_uri,
        ),
    )
    return PageMetadata(
        title=title,
        description=description,
        canonical_url=canonical_url,
        breadcrumbs=(
            home_crumb(request),
            (_("Articles"), request.build_absolute_uri(reverse("articles:list"))),
            (strip_control_characters(article.title), request.build_absolute_uri(path)),
        ),
        entities=(article_node,),
        image_url=hero_url,
        image_alt=article.hero_alt,
        og_type="article",
        published_time=article.published_at,
        modified_time=article.updated_at,
        # A staff preview of a draft or scheduled article must never be indexed.
        noindex=not article.is_public,
        **pagination_links(request, path, page_obj),
    )


def for_artist(request, artist):
    path = artist.get_absolute_url()
    photo_url = image_url(request, artist.photo_renditions)
    description = plain_text(artist.bio_html) or plain_text(
        _("Songs by %(name)s, and the Liner Notes articles that feature them.")
        % {"name": artist.name}
    )
    return PageMetadata(
        title=strip_control_characters(artist.name),
        description=description,
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(
            home_crumb(request),
            (_("Artists"), request.build_absolute_uri(reverse("songs:artist_list"))),
            (strip_control_characters(artist.name), request.build_absolute_uri(path)),
        ),
        entities=(structured_data.artist_entity(artist, request.build_absolute_uri, photo_url),),
        image_url=photo_url,
        image_alt=artist.photo_alt,
        feeds=(
            FeedLink(
                _("%(site)s: articles featuring %(name)s")
                % {"site": SITE_NAME, "name": strip_control_characters(artist.name)},
                reverse("songs:artist_feed", args=[artist.slug]),
            ),
        ),
    )


def for_song(request, song):
    """Needs `song.artist` loaded with the song."""
    path = song.get_absolute_url()
    facts = _("%(title)s by %(artist)s") % {"title": song.title, "artist": song.artist.name}
    if song.release_year:
        facts += _(", released in %(year)s") % {"year": song.release_year}
    if song.tie_in:
        facts += f". {song.tie_in}"
    return PageMetadata(
        title=strip_control_characters(f"{song.title} — {song.artist.name}"),
        description=plain_text(facts + "."),
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(
            home_crumb(request),
            (_("Artists"), request.build_absolute_uri(reverse("songs:artist_list"))),
            (
                strip_control_characters(song.artist.name),
                request.build_absolute_uri(song.artist.get_absolute_url()),
            ),
            (strip_control_characters(song.title), request.build_absolute_uri(path)),
        ),
        entities=(structured_data.music_recording(song, request.build_absolute_uri),),
    )


def for_facet(request, facet):
    """A mood or an audience page, with its own feed."""
    path = facet.get_absolute_url()
    name = strip_control_characters(facet.name)
    return PageMetadata(
        title=name,
        description=plain_text(
            facet.description or _("Songs and articles for “%(name)s”.") % {"name": name}
        ),
        canonical_url=request.build_absolute_uri(path),
        breadcrumbs=(home_crumb(request), (name, request.build_absolute_uri(path))),
        feeds=(
            FeedLink(
                f"{SITE_NAME}: {name}",
                reverse(f"songs:{facet._meta.model_name}_feed", args=[facet.slug]),
            ),
        ),
    )

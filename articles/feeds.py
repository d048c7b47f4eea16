"""RSS 2.0 and Atom feeds of published articles: the whole site, or one mood, audience or artist.

One class per URL, each a `Feed` with its `items()`. What every feed says about an
article (its item_* methods) is written once, in `ArticleFeed`.
"""

from datetime import UTC

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from articles.cache_tags import ARTICLES, articles_with
from articles.metadata import byline
from articles.models import Article, Entry
from core.cache import tag_page
from core.markup import strip_control_characters
from core.metadata import SITE_DESCRIPTION
from songs.models import Artist, Audience, Mood

FEED_LENGTH = 20


class RssWithModifiedDates(Rss201rev2Feed):
    """RSS 2.0, plus each item's last edit as <dcterms:modified> (RSS has no element for it)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dcterms": "http://purl.org/dc/terms/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            handler.addQuickElement("dcterms:modified", rfc3339_date(item["updateddate"]))


def newest(articles):
    """The FEED_LENGTH newest of `articles`, with what their items show loaded."""
    return (
        articles.newest_first()
        .for_listing()
        .select_related("latest_update")
        .with_facets()
        .prefetch_related(
            Prefetch("entries", queryset=Entry.objects.select_related("song__artist"))
        )[:FEED_LENGTH]
    )


def without_control_characters(value):
    """`value` with control characters removed from its text: one stray character would
    make the whole feed invalid XML (a 500, in fact). The text fields (core/fields.py)
    clean what Django writes, but SQL run around Django can still store some."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return [without_control_characters(part) for part in value]
    return value


class SiteFeed(Feed):
    """How every feed of the site is served: its text cleaned, its enclosures absolute."""

    feed_type = RssWithModifiedDates
    author_name = settings.SITE_NAME
    # The GUID is a tag: URI, not a URL, so that editing a slug never re-announces an article.
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Conditional GET: ConditionalGetMiddleware's ETag of the body, and the page
        # cache's Last-Modified, the time any content last changed. Feed's own (the
        # newest item's date) would answer 304 to an If-Modified-Since after a song was
        # added to an article: drop it.
        del response["Last-Modified"]
        return response

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # The one place the text the feed writer writes is cleaned.
        feed.feed = {key: without_control_characters(value) for key, value in feed.feed.items()}
        feed.items = [
            {key: without_control_characters(value) for key, value in item.items()}
            for item in feed.items
        ]
        # Feed only makes item links absolute; enclosure URLs must be absolute too.
        for item in feed.items:
            for enclosure in item["enclosures"]:
                enclosure.url = request.build_absolute_uri(enclosure.url)
        return feed


def tag_uri(article, path):
    """tag:host,date:articles/pk… (RFC 4151): unchanged by edits to the title, slug or times.

    The host is the configured CANONICAL_HOST, not the request's: one article has one
    GUID however the feed was reached. The date is the day the row was created, in
    UTC, which no editor can change (published_at can be, e.g. to backdate); the pk
    makes it unique.
    """
    created_on = article.created_at.astimezone(UTC).date().isoformat()
    return f"tag:{settings.CANONICAL_HOST},{created_on}:articles/{article.pk}{path}"


class ArticleFeed(SiteFeed):
    """What every feed says about each article; a subclass gives the feed's items()."""

    def item_title(self, article):
        # Plain text, as RSS 2.0 and Atom define titles: Feed's default would escape it as
        # HTML, and readers (feedparser among them) would then show "&amp;" and "&#x27;".
        return article.title

    def item_description(self, article):
        songs = format_html_join(
            "",
            "<li>{} — {}</li>",
            ((entry.song.title, entry.song.artist.name) for entry in article.entries.all()),
        )
        lead = format_html("<p>{}</p>", article.lead) if article.lead else ""
        return format_html("{}<ol>{}</ol>", lead, songs)

    def item_guid(self, article):
        return tag_uri(article, "")

    def item_author_name(self, article):
        return byline(article)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        # Updated when the list last changed, as its update log says; an article with
        # no log yet, when it was last saved.
        update = article.latest_update
        return update.at if update else article.updated_at

    def item_categories(self, article):
        return [tag.display_name for tag in (*article.mood_list, *article.audience_list)]

    def item_enclosure_url(self, article):
        # The hero image, else the cover we drew.
        largest = article.picture.largest_jpeg
        return largest.url if largest else None

    def item_enclosure_length(self, article):
        # Stored with the rendition, so the feed never asks the storage; 0 if unknown.
        return article.picture.largest_jpeg.size

    def item_enclosure_mime_type(self, article):
        return "image/jpeg"


class LatestArticlesFeed(ArticleFeed):
    """/feed/: the latest published articles."""

    def title(self):
        return settings.SITE_NAME

    def link(self):
        return reverse("articles:home")

    def description(self):
        return str(SITE_DESCRIPTION)

    def items(self):
        tag_page(ARTICLES)
        return newest(Article.objects.published())


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """/feed/atom/: the same articles, as Atom."""

    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TagFeed(ArticleFeed):
    """The articles of one mood or audience: a subclass names the tag model and the
    Article field that holds such tags."""

    tag_model = None
    tag_field = None

    def get_object(self, request, slug):
        return get_object_or_404(self.tag_model, slug=slug)

    def title(self, tag):
        return _("%(site)s: %(name)s") % {"site": settings.SITE_NAME, "name": tag.display_name}

    def link(self, tag):
        return tag.get_absolute_url()

    def description(self, tag):
        return tag.description or (
            _("%(site)s articles for “%(name)s”.")
            % {"site": settings.SITE_NAME, "name": tag.display_name}
        )

    def items(self, tag):
        tag_page(articles_with(tag))
        return newest(Article.objects.published().filter(**{self.tag_field: tag}))


class MoodFeed(TagFeed):
    """/moods/<slug>/feed/"""

    tag_model = Mood
    tag_field = "moods"


class AudienceFeed(TagFeed):
    """/audiences/<slug>/feed/"""

    tag_model = Audience
    tag_field = "audiences"


class ArtistFeed(ArticleFeed):
    """/artists/<slug>/feed/: the articles with a song by the artist, or featuring them."""

    def get_object(self, request, slug):
        return get_object_or_404(Artist, slug=slug)

    def title(self, artist):
        return _("%(site)s: articles featuring %(name)s") % {
            "site": settings.SITE_NAME,
            "name": artist.name,
        }

    def link(self, artist):
        return artist.get_absolute_url()

    def description(self, artist):
        return _("%(site)s articles with songs by %(name)s.") % {
            "site": settings.SITE_NAME,
            "name": artist.name,
        }

    def items(self, artist):
        tag_page(articles_with(artist))
        return newest(Article.objects.published().featuring(artist))

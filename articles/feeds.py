"""RSS 2.0 and Atom feeds of published articles: the whole site, or one mood, audience or artist.

Every text that reaches a feed passes through `strip_control_characters`: the
models strip on save, but a row written with QuerySet.update() skips save(), and
one stray control character would make the whole feed invalid XML (a 500, in fact).
"""

import copy
from datetime import UTC

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http.request import split_domain_port
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


class LatestArticlesFeed(Feed):
    """The latest published articles. Facet feeds override `get_object` and `articles`."""

    feed_type = RssWithModifiedDates
    author_name = settings.SITE_NAME
    # The GUID is a tag: URI, not a URL, so that editing a slug never re-announces an article.
    item_guid_is_permalink = False

    def link(self, obj):
        return reverse("articles:home")

    def articles(self, obj):
        """The articles this feed draws from, in any order; `obj` is what get_object returned."""
        return Article.objects.published()

    def title(self, obj):
        return settings.SITE_NAME

    def description(self, obj):
        return str(SITE_DESCRIPTION)

    def items(self, obj):
        tag_page(ARTICLES if obj is None else articles_with(obj))
        return (
            self.articles(obj)
            .newest_first()
            .for_listing()
            .with_facets()
            .prefetch_related(
                Prefetch("entries", queryset=Entry.objects.select_related("song__artist"))
            )[:FEED_LENGTH]
        )

    def __call__(self, request, *args, **kwargs):
        # urls.py shares one instance between all requests, so the request's host,
        # which item_guid needs but is not given, goes on a copy made for this one.
        feed = copy.copy(self)
        feed.host = split_domain_port(request.get_host())[0]
        response = super(LatestArticlesFeed, feed).__call__(request, *args, **kwargs)
        # Conditional GET: ConditionalGetMiddleware's ETag of the body, and the page
        # cache's Last-Modified, the time any content last changed. Feed's own (the
        # newest item's date) would answer 304 to an If-Modified-Since after a song was
        # added to an article: drop it.
        del response["Last-Modified"]
        return response

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Feed only makes item links absolute; enclosure URLs must be absolute too.
        for item in feed.items:
            for enclosure in item["enclosures"]:
                enclosure.url = request.build_absolute_uri(enclosure.url)
        return feed

    def item_title(self, article):
        # Plain text, as RSS 2.0 and Atom define titles: Feed's default would escape it as
        # HTML, and readers (feedparser among them) would then show "&amp;" and "&#x27;".
        return strip_control_characters(article.title)

    def item_description(self, article):
        songs = format_html_join(
            "",
            "<li>{} — {}</li>",
            ((entry.song.title, entry.song.artist.name) for entry in article.entries.all()),
        )
        lead = format_html("<p>{}</p>", article.lead) if article.lead else ""
        return strip_control_characters(format_html("{}<ol>{}</ol>", lead, songs))

    def item_guid(self, article):
        """tag:host,date:articles/pk (RFC 4151): unchanged by edits to the title, slug or times.

        The date is the day the row was created, in UTC, which no editor can change
        (published_at can be, e.g. to backdate); the pk makes it unique.
        """
        created_on = article.created_at.astimezone(UTC).date().isoformat()
        return f"tag:{self.host},{created_on}:articles/{article.pk}"

    def item_author_name(self, article):
        return byline(article)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        tags = [*article.mood_list, *article.audience_list]
        return [strip_control_characters(tag.name) for tag in tags]

    def item_enclosure_url(self, article):
        largest = article.hero.largest_jpeg
        return largest.url if largest else None

    def item_enclosure_length(self, article):
        # Stored with the rendition, so the feed never asks the storage; 0 if unknown.
        return article.hero.largest_jpeg.size

    def item_enclosure_mime_type(self, article):
        return "image/jpeg"


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class FacetArticlesFeed(LatestArticlesFeed):
    """The articles of one mood, audience or artist: a subclass names the model and
    narrows `articles` to that one object."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, facet):
        return _("%(site)s: %(name)s") % {
            "site": settings.SITE_NAME,
            "name": strip_control_characters(facet.name),
        }

    def link(self, facet):
        return facet.get_absolute_url()

    def description(self, facet):
        return strip_control_characters(facet.description) or (
            _("%(site)s articles for “%(name)s”.")
            % {"site": settings.SITE_NAME, "name": strip_control_characters(facet.name)}
        )


class TagFeed(FacetArticlesFeed):
    """The articles tagged with one mood or audience: a subclass names the tag field."""

    tag_field = None

    def articles(self, tag):
        return super().articles(tag).filter(**{self.tag_field: tag})


class MoodFeed(TagFeed):
    model = Mood
    tag_field = "moods"


class AudienceFeed(TagFeed):
    model = Audience
    tag_field = "audiences"


class ArtistFeed(FacetArticlesFeed):
    model = Artist

    def articles(self, artist):
        return super().articles(artist).featuring(artist)

    def title(self, artist):
        return _("%(site)s: articles featuring %(name)s") % {
            "site": settings.SITE_NAME,
            "name": strip_control_characters(artist.name),
        }

    def description(self, artist):
        return _("%(site)s articles with songs by %(name)s.") % {
            "site": settings.SITE_NAME,
            "name": strip_control_characters(artist.name),
        }

"""/feed/updates/ (RSS 2.0) and /feed/updates/atom/: one item per line of the update log
of a published article, so subscribers learn that a list grew (articles/update_log.py)."""

from django.conf import settings
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from articles.cache_tags import ARTICLES
from articles.feeds import FEED_LENGTH, SiteFeed, tag_uri
from articles.metadata import byline
from articles.models import ArticleUpdate
from articles.update_log import UPDATES
from core.cache import tag_page


class UpdatesFeed(SiteFeed):
    """/feed/updates/"""

    feed_type = Rss201rev2Feed

    def title(self):
        return _("%(site)s: updated lists") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("articles:home")

    def description(self):
        return _("Songs added to, removed from or reordered in the published lists.")

    def items(self):
        # ARTICLES: a scheduled article going live brings the updates it had logged
        # while public before. Each item loads its article: its tag puts the feed on
        # what the article's unpublishing or deletion invalidates.
        tag_page(UPDATES, ARTICLES)
        updates = ArticleUpdate.objects.published().newest_first()
        return updates.select_related("article__author")[:FEED_LENGTH]

    def item_title(self, update):
        # Translators: a feed item: an article's title, then what changed in it.
        return _("%(title)s: %(changes)s") % {
            "title": update.article.title,
            "changes": update.short_summary,
        }

    def item_description(self, update):
        return format_html("<p>{}</p>", update.summary)

    def item_link(self, update):
        # A link of its own per update: readers that tell items apart by link keep each.
        return f"{update.article.get_absolute_url()}#{update.anchor}"

    def item_guid(self, update):
        """The article's GUID (articles/feeds.py) with the update's id: never reused."""
        return tag_uri(update.article, f"/updates/{update.pk}")

    def item_author_name(self, update):
        return byline(update.article)

    def item_pubdate(self, update):
        return update.at

    def item_updateddate(self, update):
        return update.at


class UpdatesAtomFeed(UpdatesFeed):
    """/feed/updates/atom/"""

    feed_type = Atom1Feed
    subtitle = UpdatesFeed.description

"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same articles as the RSS and
Atom feeds: /feed.json and /<moods|audiences|artists>/<slug>/feed.json.

JSON Feed is one more writer for Django's syndication framework: each feed here is
its RSS twin (articles/feeds.py) with this writer, so items, GUIDs, dates and cache
tags are the same by construction.
"""

import json

from django.utils.feedgenerator import SyndicationFeed, rfc3339_date

from articles.feeds import ArtistFeed, AudienceFeed, LatestArticlesFeed, MoodFeed

VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPE = "application/feed+json"


class JsonFeedWriter(SyndicationFeed):
    content_type = CONTENT_TYPE

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.document(), ensure_ascii=False, indent=1))

    def document(self):
        feed = self.feed
        document = {
            "version": VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"]}],
            "items": [self.item_document(item) for item in self.items],
        }
        return {key: value for key, value in document.items() if value or key == "items"}

    def item_document(self, item):
        document = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item.get("summary", ""),
            # The same HTML as the RSS description: built from escaped text, never stored HTML.
            "content_html": str(item["description"]),
            "image": item["enclosures"][0].url if item["enclosures"] else "",
            "date_published": rfc3339_date(item["pubdate"]) if item["pubdate"] else "",
            "date_modified": rfc3339_date(item["updateddate"]) if item["updateddate"] else "",
            "authors": [{"name": item["author_name"]}] if item["author_name"] else [],
            "tags": list(item["categories"] or ()),
        }
        return {key: value for key, value in document.items() if value or key == "content_html"}


class JsonFeedMixin:
    """Turns one of the article feeds into its JSON Feed twin."""

    feed_type = JsonFeedWriter

    def item_extra_kwargs(self, article):
        # JSON Feed has a place for the lead beside the content; RSS does not.
        return {**super().item_extra_kwargs(article), "summary": article.lead}


class LatestArticlesJsonFeed(JsonFeedMixin, LatestArticlesFeed):
    """/feed.json"""


class MoodJsonFeed(JsonFeedMixin, MoodFeed):
    """/moods/<slug>/feed.json"""


class AudienceJsonFeed(JsonFeedMixin, AudienceFeed):
    """/audiences/<slug>/feed.json"""


class ArtistJsonFeed(JsonFeedMixin, ArtistFeed):
    """/artists/<slug>/feed.json"""

from django.urls import path

from articles import (
    catalogue_views,
    feeds,
    json_feed,
    period_views,
    playlist_views,
    update_feeds,
    views,
)
from core.page_cache import cache_anonymous_page
from core.read_only import read_only

app_name = "articles"


def reader_path(route, view, name):
    """A reader's page: GET and HEAD only, not cached (its query string varies)."""
    return path(route, read_only(view), name=name)


def cached_path(route, view, name):
    """A reader's page, cached whole for anonymous readers."""
    return path(route, cache_anonymous_page(read_only(view)), name=name)


urlpatterns = [
    cached_path("", views.HomeView.as_view(), "home"),
    cached_path("articles/", views.ArticleListView.as_view(), "list"),
    cached_path("articles/<uslug:slug>/", views.article_detail, "detail"),
    cached_path(
        "articles/<uslug:slug>/playlist.xspf", playlist_views.xspf_playlist, "playlist_xspf"
    ),
    cached_path("articles/<uslug:slug>/playlist.m3u", playlist_views.m3u_playlist, "playlist_m3u"),
    reader_path("search/", views.SearchView.as_view(), "search"),
    cached_path("feed/", feeds.LatestArticlesFeed(), "feed"),
    cached_path("feed/atom/", feeds.LatestArticlesAtomFeed(), "atom_feed"),
    cached_path("feed.json", json_feed.LatestArticlesJsonFeed(), "json_feed"),
    cached_path("feed/updates/", update_feeds.UpdatesFeed(), "updates_feed"),
    cached_path("feed/updates/atom/", update_feeds.UpdatesAtomFeed(), "updates_atom_feed"),
    cached_path("artists/", catalogue_views.ArtistIndexView.as_view(), "artist_list"),
    cached_path("artists/<uslug:slug>/", catalogue_views.ArtistDetailView.as_view(), "artist"),
    cached_path("songs/<uslug:slug>/", catalogue_views.SongDetailView.as_view(), "song"),
    cached_path("moods/<uslug:slug>/", catalogue_views.MoodDetailView.as_view(), "mood"),
    cached_path(
        "audiences/<uslug:slug>/", catalogue_views.AudienceDetailView.as_view(), "audience"
    ),
    cached_path("works/<uslug:slug>/", catalogue_views.WorkDetailView.as_view(), "work"),
    cached_path("tie-ins/<str:kind>/", catalogue_views.TieInKindView.as_view(), "tie_in_kind"),
    cached_path("eras/<uslug:slug>/", period_views.EraDetailView.as_view(), "era"),
    cached_path("decades/<uslug:slug>/", period_views.DecadeDetailView.as_view(), "decade"),
    cached_path("artists/<uslug:slug>/feed/", feeds.ArtistFeed(), "artist_feed"),
    cached_path("moods/<uslug:slug>/feed/", feeds.MoodFeed(), "mood_feed"),
    cached_path("audiences/<uslug:slug>/feed/", feeds.AudienceFeed(), "audience_feed"),
    cached_path("artists/<uslug:slug>/feed.json", json_feed.ArtistJsonFeed(), "artist_json_feed"),
    cached_path("moods/<uslug:slug>/feed.json", json_feed.MoodJsonFeed(), "mood_json_feed"),
    cached_path(
        "audiences/<uslug:slug>/feed.json", json_feed.AudienceJsonFeed(), "audience_json_feed"
    ),
]

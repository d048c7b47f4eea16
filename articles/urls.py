from django.urls import path

from articles import catalogue_views, feeds, period_views, views
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
    reader_path("search/", views.SearchView.as_view(), "search"),
    cached_path("feed/", feeds.LatestArticlesFeed(), "feed"),
    cached_path("feed/atom/", feeds.LatestArticlesAtomFeed(), "atom_feed"),
    cached_path("artists/", catalogue_views.ArtistIndexView.as_view(), "artist_list"),
    cached_path("artists/<uslug:slug>/", catalogue_views.ArtistDetailView.as_view(), "artist"),
    cached_path("songs/<uslug:slug>/", catalogue_views.SongDetailView.as_view(), "song"),
    cached_path("moods/<uslug:slug>/", catalogue_views.MoodDetailView.as_view(), "mood"),
    cached_path(
        "audiences/<uslug:slug>/", catalogue_views.AudienceDetailView.as_view(), "audience"
    ),
    cached_path("eras/<uslug:slug>/", period_views.EraDetailView.as_view(), "era"),
    cached_path("decades/<uslug:slug>/", period_views.DecadeDetailView.as_view(), "decade"),
    cached_path("artists/<uslug:slug>/feed/", feeds.ArtistFeed(), "artist_feed"),
    cached_path("moods/<uslug:slug>/feed/", feeds.MoodFeed(), "mood_feed"),
    cached_path("audiences/<uslug:slug>/feed/", feeds.AudienceFeed(), "audience_feed"),
]

from django.urls import path

from articles import catalogue_views, feeds, views
from core.page_cache import cache_anonymous_page

app_name = "articles"


def cached_path(route, view, name):
    return path(route, cache_anonymous_page(view), name=name)


urlpatterns = [
    cached_path("", views.HomeView.as_view(), "home"),
    cached_path("articles/", views.ArticleListView.as_view(), "list"),
    cached_path("articles/<uslug:slug>/", views.article_detail, "detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    cached_path("feed/", feeds.LatestArticlesFeed(), "feed"),
    cached_path("feed/atom/", feeds.LatestArticlesAtomFeed(), "atom_feed"),
    cached_path("artists/", catalogue_views.ArtistIndexView.as_view(), "artist_list"),
    cached_path("artists/<uslug:slug>/", catalogue_views.ArtistDetailView.as_view(), "artist"),
    cached_path("songs/<uslug:slug>/", catalogue_views.SongDetailView.as_view(), "song"),
    cached_path("moods/<uslug:slug>/", catalogue_views.MoodDetailView.as_view(), "mood"),
    cached_path(
        "audiences/<uslug:slug>/", catalogue_views.AudienceDetailView.as_view(), "audience"
    ),
    cached_path("artists/<uslug:slug>/feed/", feeds.ArtistFeed(), "artist_feed"),
    cached_path("moods/<uslug:slug>/feed/", feeds.MoodFeed(), "mood_feed"),
    cached_path("audiences/<uslug:slug>/feed/", feeds.AudienceFeed(), "audience_feed"),
]

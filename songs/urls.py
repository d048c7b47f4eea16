from django.urls import path

from articles import feeds
from articles.cache import cache_anonymous_page
from songs import views

app_name = "songs"


def cached_path(route, view, name):
    return path(route, cache_anonymous_page(view), name=name)


urlpatterns = [
    cached_path("artists/", views.ArtistIndexView.as_view(), "artist_list"),
    cached_path("artists/<uslug:slug>/", views.ArtistDetailView.as_view(), "artist"),
    cached_path("songs/<uslug:slug>/", views.SongDetailView.as_view(), "song"),
    cached_path("moods/<uslug:slug>/", views.MoodDetailView.as_view(), "mood"),
    cached_path("audiences/<uslug:slug>/", views.AudienceDetailView.as_view(), "audience"),
    cached_path("artists/<uslug:slug>/feed/", feeds.ArtistFeed(), "artist_feed"),
    cached_path("moods/<uslug:slug>/feed/", feeds.MoodFeed(), "mood_feed"),
    cached_path("audiences/<uslug:slug>/feed/", feeds.AudienceFeed(), "audience_feed"),
]

from django.urls import path

from articles import feeds
from songs import views

app_name = "songs"

urlpatterns = [
    path("artists/<uslug:slug>/", views.ArtistDetailView.as_view(), name="artist"),
    path("songs/<uslug:slug>/", views.SongDetailView.as_view(), name="song"),
    path("moods/<uslug:slug>/", views.MoodDetailView.as_view(), name="mood"),
    path("audiences/<uslug:slug>/", views.AudienceDetailView.as_view(), name="audience"),
    path("artists/<uslug:slug>/feed/", feeds.ArtistFeed(), name="artist_feed"),
    path("moods/<uslug:slug>/feed/", feeds.MoodFeed(), name="mood_feed"),
    path("audiences/<uslug:slug>/feed/", feeds.AudienceFeed(), name="audience_feed"),
]

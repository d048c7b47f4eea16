from django.urls import path

from articles.cache import cache_anonymous_page
from songs import views

app_name = "songs"

urlpatterns = [
    path("artists/", cache_anonymous_page(views.ArtistIndexView.as_view()), name="artist_list"),
    path(
        "artists/<uslug:slug>/",
        cache_anonymous_page(views.ArtistDetailView.as_view()),
        name="artist",
    ),
    path("songs/<uslug:slug>/", cache_anonymous_page(views.SongDetailView.as_view()), name="song"),
    path("moods/<uslug:slug>/", cache_anonymous_page(views.MoodDetailView.as_view()), name="mood"),
    path(
        "audiences/<uslug:slug>/",
        cache_anonymous_page(views.AudienceDetailView.as_view()),
        name="audience",
    ),
]

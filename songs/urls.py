from django.urls import path

from songs import views

app_name = "songs"

urlpatterns = [
    path("artists/<uslug:slug>/", views.ArtistDetailView.as_view(), name="artist"),
    path("songs/<uslug:slug>/", views.SongDetailView.as_view(), name="song"),
    path("moods/<uslug:slug>/", views.MoodDetailView.as_view(), name="mood"),
    path("audiences/<uslug:slug>/", views.AudienceDetailView.as_view(), name="audience"),
]

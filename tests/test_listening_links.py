"""Listening links: one field per service, each taking only that service's link to one
song; shown as text buttons on the song's entries and its page."""

import re

import pytest
from django.core.exceptions import ValidationError

from songs.listening import SERVICES, ListeningLinkValidator
from tests.factories import add_entries, admin_url, form_data, form_errors, make_article, make_song

pytestmark = pytest.mark.django_db

# Made-up ids in each service's shape: the tests need no real song.
GOOD = {
    "spotify": [
        "https://open.spotify.com/track/0123456789abcdefABCDEF",
        "https://open.spotify.com/intl-ja/track/0123456789abcdefABCDEF?si=abc",
    ],
    "apple_music": [
        "https://music.apple.com/jp/album/some-album/1234567890?i=1234567891",
        "https://music.apple.com/us/album/%E6%AD%8C/1234567890?i=1234567891",
        "https://music.apple.com/jp/album/1234567890?i=1234567891",
        "https://music.apple.com/jp/song/some-song/1234567891",
    ],
    "youtube_music": ["https://music.youtube.com/watch?v=AbCdEfGhIjK&si=x"],
    "line_music": ["https://music.line.me/webapp/track/mt00000000deadbeef"],
    "amazon_music": [
        "https://music.amazon.co.jp/tracks/B0ABCDEFGH",
        "https://music.amazon.com/albums/B0ABCDEFGH?trackAsin=B0HGFEDCBA",
        "https://www.amazon.co.jp/dp/B0ABCDEFGH",
        "https://www.amazon.co.jp/Some-Song/dp/B0ABCDEFGH",
    ],
}

BAD = {
    "spotify": [
        "http://open.spotify.com/track/0123456789abcdefABCDEF",  # not https
        "https://open.spotify.com/album/0123456789abcdefABCDEF",  # an album, not a track
        "https://open.spotify.com/track/short",
        "https://spotify.com.evil.example/track/0123456789abcdefABCDEF",
    ],
    "apple_music": [
        "https://music.apple.com/jp/album/some-album/1234567890",  # the album, no track
        "https://music.apple.com/jp/artist/someone/123",
        "https://itunes.apple.com.example.net/jp/song/x/1",
    ],
    "youtube_music": [
        "https://music.youtube.com/playlist?list=PL123",
        "https://music.youtube.com/watch?v=tooshort",
    ],
    "line_music": [
        "https://music.line.me/",
        "https://line.me/webapp/track/mt00000000deadbeef",
        "https://music.line.me.example.com/webapp/track/mt00000000deadbeef",
    ],
    "amazon_music": [
        "https://music.amazon.co.jp/artists/B0ABCDEFGH",
        "https://www.amazon.co.jp/gp/help",
        "https://amazon.example.com/dp/B0ABCDEFGH",
    ],
}


def validate(key, url):
    ListeningLinkValidator(key)(url)


@pytest.mark.parametrize(("key", "url"), [(k, url) for k, urls in GOOD.items() for url in urls])
def test_a_link_to_one_song_on_its_service_is_accepted(key, url):
    validate(key, url)


@pytest.mark.parametrize(("key", "url"), [(k, url) for k, urls in BAD.items() for url in urls])
def test_a_link_to_anything_else_is_refused(key, url):
    with pytest.raises(ValidationError):
        validate(key, url)


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.key)
def test_another_services_link_is_refused_in_every_field(service):
    for other in SERVICES:
        if other != service:
            with pytest.raises(ValidationError) as error:
                validate(service.key, GOOD[other.key][0])
            assert error.value.code == "wrong_service"


def save_song(client, song, **changes):
    data = form_data(client.get(admin_url(song)))
    data.update(changes)
    return client.post(admin_url(song), data)


def test_the_admin_names_the_wrong_service_of_a_link(editor_client):
    song = make_song()
    response = save_song(editor_client, song, apple_music_url=GOOD["spotify"][0])
    assert response.status_code == 200
    (message,) = response.context["adminform"].form.errors["apple_music_url"]
    assert "This is a Spotify link: this field takes Apple Music links only" in message
    song.refresh_from_db()
    assert song.apple_music_url == ""


def test_the_admin_asks_for_https(editor_client):
    song = make_song()
    response = save_song(editor_client, song, spotify_url=BAD["spotify"][0])
    (message,) = response.context["adminform"].form.errors["spotify_url"]
    assert "https://" in message


def test_the_admin_saves_every_services_link_in_its_own_fieldset(editor_client):
    song = make_song()
    page = editor_client.get(admin_url(song)).content.decode()
    assert "Listening links" in page
    links = {f"{service.field}": GOOD[service.key][0] for service in SERVICES}
    response = save_song(editor_client, song, **links)
    assert response.status_code == 302, form_errors(response)
    song.refresh_from_db()
    assert [link.url for link in song.listening_links] == list(links.values())


def link_tags(html):
    return re.findall(r'<a class="listen-link[^>]*>[^<]*</a>', html)


def song_with_links():
    return make_song(
        "Lemon",
        spotify_url=GOOD["spotify"][0],
        line_music_url=GOOD["line_music"][0],
    )


def test_the_song_page_shows_its_listening_links_as_buttons(client):
    song = song_with_links()
    tags = link_tags(client.get(song.get_absolute_url()).content.decode())
    assert len(tags) == 2
    spotify, line = tags
    assert f'href="{GOOD["spotify"][0]}"' in spotify
    assert 'rel="external noopener"' in spotify
    assert 'aria-label="Listen to Lemon on Spotify"' in spotify
    assert spotify.endswith(">Spotify</a>")
    assert line.endswith(">LINE MUSIC</a>")


def test_an_entry_shows_its_songs_listening_links(client):
    song = song_with_links()
    article = make_article()
    add_entries(article, [song])
    html = client.get(article.get_absolute_url()).content.decode()
    entry = html[html.index('class="entry"') :]
    assert len(link_tags(entry)) == 2
    assert 'aria-label="Listen to Lemon on Spotify"' in entry


def test_the_buttons_load_nothing_from_the_services(client):
    song = song_with_links()
    html = client.get(song.get_absolute_url()).content.decode()
    block = html[html.index('<div class="listen">') :]
    block = block[: block.index("</div>")]
    assert "src=" not in block
    assert "<img" not in block


def test_a_song_without_links_shows_no_buttons(client):
    song = make_song("Lemon")
    html = client.get(song.get_absolute_url()).content.decode()
    assert "listen-link" not in html


def test_the_buttons_are_named_in_japanese_under_ja(client):
    song = song_with_links()
    html = client.get(f"/ja{song.get_absolute_url()}").content.decode()
    assert 'aria-label="「Lemon」をSpotifyで聴く"' in html


def test_an_edited_link_shows_on_the_next_request(client):
    song = song_with_links()
    client.get(song.get_absolute_url())
    song.spotify_url = ""
    song.save()
    html = client.get(song.get_absolute_url()).content.decode()
    assert len(link_tags(html)) == 1

"""Each article as a playlist: XSPF and M3U files in entry order, a YouTube playlist link
from the page's videos, and a MusicPlaylist in the article page's JSON-LD."""

import json
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from articles.models import Entry
from tests.factories import add_entries, make_article, make_artist, make_song
from tests.test_metadata import head
from tests.test_query_counts import get_article_page_within_budget

pytestmark = pytest.mark.django_db

XSPF_SCHEMA = etree.XMLSchema(etree.parse(Path(__file__).parent / "data" / "xspf-1_0.xsd"))
NS = {"x": "http://xspf.org/ns/0/"}
YOUTUBE_IDS = ["AbCdEfGhIj0", "AbCdEfGhIj1", "AbCdEfGhIj2"]


@pytest.fixture
def article():
    """Four entries: two with YouTube videos, one with a Vimeo video, one with a listening
    link only; the second entry's commentary has Markdown and several paragraphs."""
    songs = [
        make_song(
            "Lemon",
            artist=make_artist("Kenshi Yonezu"),
            video_url=f"https://www.youtube.com/watch?v={YOUTUBE_IDS[0]}",
        ),
        make_song("On Vimeo", video_url="https://vimeo.com/76979871"),
        make_song("Marigold", spotify_url="https://open.spotify.com/track/0123456789abcdefABCDEF"),
        make_song("Pretender <&>", video_url=f"https://youtu.be/{YOUTUBE_IDS[1]}"),
    ]
    made = make_article(
        "Songs for the rain", lead="Ten songs for a wet evening.", entries_per_page=10
    )
    entries = add_entries(made, songs)
    entries[1].commentary = "A *quiet* one.\n\nIt came out in [2019](https://example.com/).\n"
    entries[1].save()
    return made


def playlist(client, article, kind, prefix=""):
    response = client.get(f"{prefix}/articles/{article.slug}/playlist.{kind}")
    assert response.status_code == 200
    return response


def xspf_document(client, article, prefix=""):
    response = playlist(client, article, "xspf", prefix)
    return etree.fromstring(response.content)


def test_the_xspf_playlist_is_valid_against_the_xspf_schema(client, article):
    document = xspf_document(client, article)
    XSPF_SCHEMA.assertValid(document)


def test_the_schema_refuses_what_is_not_xspf():
    wrong = etree.fromstring(
        b'<playlist version="1" xmlns="http://xspf.org/ns/0/"><title>No trackList</title>'
        b"</playlist>"
    )
    assert not XSPF_SCHEMA.validate(wrong)


def test_the_xspf_playlist_has_its_media_type_and_a_file_name(client, article):
    response = playlist(client, article, "xspf")
    assert response["Content-Type"] == "application/xspf+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="songs-for-the-rain.xspf"'


def test_the_xspf_playlist_describes_the_article(client, article):
    document = xspf_document(client, article)
    assert document.findtext("x:title", namespaces=NS) == "Songs for the rain"
    assert document.findtext("x:annotation", namespaces=NS) == "Ten songs for a wet evening."
    assert document.findtext("x:creator", namespaces=NS)
    assert document.findtext("x:info", namespaces=NS) == (
        "http://testserver/articles/songs-for-the-rain/"
    )
    assert document.findtext("x:location", namespaces=NS) == (
        "http://testserver/articles/songs-for-the-rain/playlist.xspf"
    )


def test_the_xspf_tracks_follow_the_entries_in_order(client, article):
    # Reordered: the last entry goes first.
    entries = list(Entry.objects.filter(article=article))
    Entry.objects.renumber(article, [entries[-1], *entries[:-1]])
    tracks = xspf_document(client, article).findall("x:trackList/x:track", NS)
    assert [track.findtext("x:title", namespaces=NS) for track in tracks] == [
        "Pretender <&>",
        "Lemon",
        "On Vimeo",
        "Marigold",
    ]
    assert [track.findtext("x:trackNum", namespaces=NS) for track in tracks] == ["1", "2", "3", "4"]


def test_each_xspf_track_has_its_artist_commentary_and_song_page(client, article):
    tracks = xspf_document(client, article).findall("x:trackList/x:track", NS)
    lemon, vimeo, marigold, _ = tracks
    assert lemon.findtext("x:creator", namespaces=NS) == "Kenshi Yonezu"
    assert lemon.findtext("x:info", namespaces=NS) == "http://testserver/songs/lemon/"
    assert lemon.findtext("x:annotation", namespaces=NS) == "Why Lemon belongs here."
    # Commentary as plain text on one line: no markup, no link syntax.
    assert vimeo.findtext("x:annotation", namespaces=NS) == "A quiet one. It came out in 2019."
    assert lemon.findtext("x:location", namespaces=NS) == (
        f"https://www.youtube.com/watch?v={YOUTUBE_IDS[0]}"
    )
    assert vimeo.findtext("x:location", namespaces=NS) == "https://vimeo.com/76979871"
    # Nothing plays a song without a video: no location rather than a web page.
    assert marigold.find("x:location", NS) is None


def test_a_long_commentary_is_cut_in_the_playlist(client, article):
    entry = Entry.objects.get(article=article, position=1)
    entry.commentary = "word " * 400
    entry.save()
    track = xspf_document(client, article).find("x:trackList/x:track", NS)
    annotation = track.findtext("x:annotation", namespaces=NS)
    assert len(annotation) <= 500
    assert annotation.endswith("…")


def test_the_m3u_playlist_lists_artist_title_and_what_plays_each_song(client, article):
    response = playlist(client, article, "m3u")
    assert response["Content-Type"] == "audio/x-mpegurl; charset=utf-8"
    assert response.content.decode("utf-8").splitlines() == [
        "#EXTM3U",
        "#PLAYLIST:Songs for the rain",
        "#EXTINF:-1,Kenshi Yonezu - Lemon",
        f"https://www.youtube.com/watch?v={YOUTUBE_IDS[0]}",
        "#EXTINF:-1,Artist of On Vimeo - On Vimeo",
        "https://vimeo.com/76979871",
        "#EXTINF:-1,Artist of Marigold - Marigold",
        "https://open.spotify.com/track/0123456789abcdefABCDEF",
        "#EXTINF:-1,Artist of Pretender <&> - Pretender <&>",
        f"https://www.youtube.com/watch?v={YOUTUBE_IDS[1]}",
    ]


def test_a_song_with_nothing_to_play_is_its_page_in_the_m3u(client):
    made = make_article("Plain")
    add_entries(made, [make_song("Quiet")])
    lines = playlist(client, made, "m3u").content.decode().splitlines()
    assert lines[-1] == "http://testserver/songs/quiet/"


def test_a_title_cannot_add_a_line_to_the_m3u(client):
    made = make_article("Plain")
    song = make_song("Two\nlines")
    # Saved past the form's cleaning, as an import could.
    type(song).objects.filter(pk=song.pk).update(title="Two\nlines\r#EXTINF:0,fake")
    add_entries(made, [song])
    lines = playlist(client, made, "m3u").content.decode().splitlines()
    assert len(lines) == 4
    assert lines[2].startswith("#EXTINF:-1,")


def test_the_playlists_are_in_japanese_under_ja(client, article):
    document = xspf_document(client, article, prefix="/ja")
    XSPF_SCHEMA.assertValid(document)
    assert document.findtext("x:info", namespaces=NS) == (
        "http://testserver/ja/articles/songs-for-the-rain/"
    )
    track = document.find("x:trackList/x:track", NS)
    assert track.findtext("x:info", namespaces=NS) == "http://testserver/ja/songs/lemon/"
    assert playlist(client, article, "m3u", prefix="/ja").status_code == 200


def test_an_edit_shows_in_the_playlists_on_the_next_request(client, article):
    playlist(client, article, "xspf")
    playlist(client, article, "m3u")
    song = Entry.objects.get(article=article, position=1).song
    song.title = "Lemon (renamed)"
    song.save()
    assert b"Lemon (renamed)" in playlist(client, article, "xspf").content
    assert b"Lemon (renamed)" in playlist(client, article, "m3u").content
    add_entries(make_article("Other"), [song])  # an unrelated article: still cached
    assert playlist(client, article, "xspf")["X-Page-Cache"] == "hit"


def test_an_added_entry_shows_in_the_playlist_on_the_next_request(client, article):
    playlist(client, article, "xspf")
    Entry.objects.create(article=article, song=make_song("Added"), position=5)
    assert b"<title>Added</title>" in playlist(client, article, "xspf").content


@pytest.mark.parametrize("kind", ["xspf", "m3u"])
def test_a_playlist_costs_the_same_queries_for_10_and_60_entries(client, kind):
    counts = []
    for entry_count in (10, 60):
        made = make_article(f"Budget {entry_count}")
        add_entries(made, [make_song(f"Song {entry_count}-{n}") for n in range(entry_count)])
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{made.get_absolute_url()}playlist.{kind}")
        assert response.status_code == 200
        assert response.content.decode().count("Song ") >= entry_count
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_unknown_article_has_no_playlist(client):
    assert client.get("/articles/no-such-article/playlist.xspf").status_code == 404
    assert client.get("/articles/no-such-article/playlist.m3u").status_code == 404


# --- On the article page ---------------------------------------------------------------


def test_the_article_page_links_its_playlists(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/articles/songs-for-the-rain/playlist.xspf"' in html
    assert 'href="/articles/songs-for-the-rain/playlist.m3u"' in html
    html = client.get(f"/ja/articles/{article.slug}/").content.decode()
    assert 'href="/ja/articles/songs-for-the-rain/playlist.xspf"' in html
    assert "プレイリスト" in html


def youtube_link(html):
    match = re.search(r'<a class="youtube-playlist" href="([^"]+)" rel="([^"]+)">([^<]+)</a>', html)
    return match and match.groups()


def test_the_youtube_playlist_link_lists_the_videos_in_entry_order(client, article):
    url, rel, label = youtube_link(client.get(article.get_absolute_url()).content.decode())
    # Vimeo's video is left out; the others in the order of the list.
    assert url == (
        f"https://www.youtube.com/watch_videos?video_ids={YOUTUBE_IDS[0]},{YOUTUBE_IDS[1]}"
    )
    assert "noopener" in rel.split()
    assert label == "Open as a YouTube playlist"


def test_no_youtube_playlist_link_without_a_youtube_video(client):
    made = make_article("Plain")
    add_entries(
        made, [make_song("Quiet"), make_song("Vimeo", video_url="https://vimeo.com/1234567")]
    )
    html = client.get(made.get_absolute_url()).content.decode()
    assert youtube_link(html) is None
    assert "watch_videos" not in html


def test_a_paged_article_offers_each_pages_videos(client):
    made = make_article("Long", entries_per_page=2)
    songs = [
        make_song(f"Song {n}", video_url=f"https://www.youtube.com/watch?v={video}")
        for n, video in enumerate(YOUTUBE_IDS)
    ]
    add_entries(made, songs)
    url, _, label = youtube_link(client.get(f"{made.get_absolute_url()}?page=2").content.decode())
    assert url.endswith(f"video_ids={YOUTUBE_IDS[2]}")
    assert label == "Open songs 3–3 as a YouTube playlist"


def test_a_preview_of_a_draft_links_no_playlist(editor_client):
    draft = make_article("Draft list", published=False)
    add_entries(draft, [make_song("Lemon", video_url=f"https://youtu.be/{YOUTUBE_IDS[0]}")])
    html = editor_client.get(draft.get_absolute_url()).content.decode()
    assert "playlist.xspf" not in html
    assert editor_client.get(f"{draft.get_absolute_url()}playlist.xspf").status_code == 404


def test_the_article_page_stays_within_its_query_budget_with_videos_and_links(client):
    made = make_article("Budget", entries_per_page=10)
    add_entries(
        made,
        [
            make_song(
                f"Song {n}",
                video_url=f"https://www.youtube.com/watch?v=AbCdEfGh{n:03d}",
                spotify_url="https://open.spotify.com/track/0123456789abcdefABCDEF",
            )
            for n in range(30)
        ],
    )
    response = get_article_page_within_budget(client, made.get_absolute_url())
    assert response.text.count('class="listen-link ') == 10
    assert youtube_link(response.text)


# --- JSON-LD ---------------------------------------------------------------------------


def test_the_article_page_describes_a_music_playlist(client, article):
    node = head(client, article.get_absolute_url()).node("MusicPlaylist")
    assert node["name"] == "Songs for the rain"
    assert node["url"] == "http://testserver/articles/songs-for-the-rain/"
    assert node["numTracks"] == 4
    items = node["track"]["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3, 4]
    assert [item["item"]["name"] for item in items] == [
        "Lemon",
        "On Vimeo",
        "Marigold",
        "Pretender <&>",
    ]
    assert all(item["item"]["@type"] == "MusicRecording" for item in items)
    assert items[0]["item"]["byArtist"]["name"] == "Kenshi Yonezu"


def test_the_music_playlist_counts_every_track_and_lists_the_pages(client):
    made = make_article("Long", entries_per_page=2)
    add_entries(made, [make_song(f"Song {n}") for n in range(5)])
    node = head(client, f"{made.get_absolute_url()}?page=2").node("MusicPlaylist")
    assert node["numTracks"] == 5
    assert [item["position"] for item in node["track"]["itemListElement"]] == [3, 4]
    assert json.dumps(node)  # plain data all the way down


def test_an_unpublished_articles_playlist_is_a_404_on_the_next_request(client, article):
    playlist(client, article, "xspf")
    article.status = article.Status.DRAFT
    article.save()
    assert client.get(f"/articles/{article.slug}/playlist.xspf").status_code == 404


def test_a_playlist_answers_a_conditional_get_with_304(client, article):
    etag = playlist(client, article, "m3u")["ETag"]
    response = client.get(f"/articles/{article.slug}/playlist.m3u", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304

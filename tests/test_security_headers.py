"""Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy on
every page, feed and admin screen, cached pages included."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from songs.video import Video
from tests.factories import (
    add_entries,
    admin_url,
    make_article,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db

EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def policy(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}


def permissions(response):
    """The response's Permissions-Policy as {feature: [quoted origins]}."""
    features = {}
    for item in response["Permissions-Policy"].split(", "):
        feature, allowlist = item.split("=", 1)
        features[feature] = allowlist.strip("()").split()
    return features


class InlineCode(HTMLParser):
    """What `script-src 'self'` refuses to run: inline scripts (JSON-LD is data, not
    script), event-handler attributes and javascript: URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.json_ld = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.found += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]
        self.found += [
            f"<{tag} {name}={value}>"
            for name, value in attrs.items()
            if (value or "").strip().lower().startswith("javascript:")
        ]
        if tag == "script" and "src" not in attrs:
            self.in_script = attrs.get("type", "text/javascript")

    def handle_data(self, data):
        if self.in_script == "application/ld+json":
            self.json_ld.append(data)
        elif self.in_script and data.strip():
            self.found.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None


def inline_code(response):
    parser = InlineCode()
    parser.feed(response.content.decode())
    return parser


def test_the_inline_code_check_finds_what_the_policy_blocks():
    parser = InlineCode()
    parser.feed(
        '<script>alert(1)</script><script src="/static/js/video.js"></script>'
        '<button onclick="go()">Go</button><a href="javascript:go()">Go</a>'
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
    )
    assert parser.found == [
        "<script>alert(1)",
        "<button onclick>",
        "<a href=javascript:go()>",
    ]
    assert parser.json_ld == ['{"@type": "Thing"}']


@pytest.fixture
def article_with_video():
    song = make_song(
        "Sparkle",
        moods=[make_mood()],
        audiences=[make_audience()],
        video_url="https://www.youtube.com/watch?v=a2GujJZfXpg",
    )
    article = make_article()
    add_entries(article, [song, make_song("Lemon")])
    return article


def reader_urls(article):
    entry_song = article.entries.first().song
    return [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/ja" + article.get_absolute_url(),
        entry_song.get_absolute_url(),
        entry_song.artist.get_absolute_url(),
        entry_song.moods.first().get_absolute_url(),
        entry_song.audiences.first().get_absolute_url(),
        "/artists/",
        "/search/?q=sparkle",
        "/articles/no-such-list/",
    ]


def test_every_reader_page_has_a_policy_without_inline_script(client, article_with_video):
    for url in reader_urls(article_with_video):
        response = client.get(url)
        sources = policy(response)
        assert sources["script-src"] == ["'self'"], url
        assert sources["object-src"] == ["'none'"], url
        assert sources["frame-ancestors"] == ["'none'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert inline_code(response).found == [], url


def test_json_ld_is_the_one_script_element_without_src_and_parses(client, article_with_video):
    # The inline-code check above passes it over as data: it must really be data.
    parser = inline_code(client.get(article_with_video.get_absolute_url()))
    (block,) = parser.json_ld
    assert "Article" in [node["@type"] for node in json.loads(block)["@graph"]]


@pytest.mark.parametrize(
    "url", ["/feed/", "/feed/atom/", "/sitemap.xml", "/robots.txt", "/healthz", "/admin/login/"]
)
def test_feeds_sitemaps_probes_and_the_admin_log_in_carry_the_headers(client, url):
    make_article()
    response = client.get(url)
    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert permissions(response)["camera"] == []


def test_admin_screens_have_no_inline_script(editor_client, article_with_video):
    song = article_with_video.entries.first().song
    urls = [
        "/admin/",
        admin_url(type(article_with_video), "changelist"),
        admin_url(type(article_with_video), "add"),
        admin_url(article_with_video),
        admin_url(article_with_video, "history"),
        admin_url(song),
        admin_url(song.artist),
        admin_url(song.moods.first()),
        "/admin/password_change/",
    ]
    for url in urls:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert policy(response)["script-src"] == ["'self'"], url
        assert inline_code(response).found == [], url


def test_the_song_form_alone_may_show_youtube_thumbnails(editor_client, article_with_video):
    song = article_with_video.entries.first().song
    thumbnail = urlsplit(song.video.thumbnail_url)
    song_form = policy(editor_client.get(admin_url(song)))
    assert f"{thumbnail.scheme}://{thumbnail.netloc}" in song_form["img-src"]
    assert policy(editor_client.get(admin_url(article_with_video)))["img-src"] == ["'self'"]
    assert policy(editor_client.get(article_with_video.get_absolute_url()))["img-src"] == ["'self'"]


def test_frames_are_exactly_the_video_players_the_facade_embeds(client, article_with_video):
    players = {
        "{0.scheme}://{0.netloc}".format(urlsplit(Video(provider, video_id).embed_url))
        for provider, video_id in [("youtube", "a2GujJZfXpg"), ("vimeo", "76979871")]
    }
    response = client.get(article_with_video.get_absolute_url())
    assert set(policy(response)["frame-src"]) == players
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/' in response.text


def test_permissions_policy_denies_devices_and_lets_the_players_play(client):
    features = permissions(client.get("/"))
    for denied in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert features[denied] == [], denied
    # The page itself too: a frame may use a feature only if its page may.
    page_and_players = ["self", *(f'"{origin}"' for origin in EMBED_ORIGINS)]
    for feature in ["autoplay", "fullscreen", "encrypted-media", "picture-in-picture"]:
        assert features[feature] == page_and_players, feature


def test_a_cached_page_carries_the_headers_it_was_rendered_with(client, article_with_video):
    url = article_with_video.get_absolute_url()
    first = client.get(url)
    second = client.get(url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for header in [
        "Content-Security-Policy",
        "Permissions-Policy",
        "Cross-Origin-Resource-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ]:
        assert second[header] == first[header], header


def nonce_in(response):
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def test_a_page_that_used_a_nonce_is_never_stored(client, settings):
    settings.ROOT_URLCONF = "tests.nonce_urls"
    assert client.get("/plain/")["X-Page-Cache"] == "miss"
    assert client.get("/plain/")["X-Page-Cache"] == "hit"  # the same view does get cached

    first, second = client.get("/with-nonce/"), client.get("/with-nonce/")
    assert "X-Page-Cache" not in second
    assert nonce_in(first) != nonce_in(second)
    assert f'nonce="{nonce_in(second)}"' in second.text


def test_the_outage_page_style_carries_the_nonce_of_its_policy(client, settings):
    settings.ROOT_URLCONF = "tests.failing_urls"
    client.raise_request_exception = False
    response = client.get("/outage/")
    assert response.status_code == 503
    assert f'<style nonce="{nonce_in(response)}">' in response.text
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]

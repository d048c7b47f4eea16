"""Listening links and the article's playlist links in a real browser: reachable by
their names, nothing loaded from the services, and axe-clean."""

import pytest
from playwright.sync_api import Page, expect

from songs.models import Song
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DEMO_ARTICLE
from tests.browser.test_reader import third_party_requests

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Made-up ids in each service's shape: the browser goes to none of them.
LINKS = {
    "spotify_url": "https://open.spotify.com/track/0123456789abcdefABCDEF",
    "apple_music_url": "https://music.apple.com/jp/album/x/1234567890?i=1234567891",
    "youtube_music_url": "https://music.youtube.com/watch?v=AbCdEfGhIjK",
    "line_music_url": "https://music.line.me/webapp/track/mt00000000deadbeef",
    "amazon_music_url": "https://music.amazon.co.jp/tracks/B0ABCDEFGH",
}


@pytest.fixture
def linked(demo):
    song = Song.objects.get(slug="sparkle")
    for field, url in LINKS.items():
        setattr(song, field, url)
    song.save()
    return song


@pytest.mark.parametrize("path", [DEMO_ARTICLE, "/songs/sparkle/", "/ja/songs/sparkle/"])
def test_listening_links_load_nothing_and_pass_axe(page: Page, live_server, linked, path):
    outside = third_party_requests(page, live_server)
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert outside == []
    assert_no_axe_violations(page)


def test_each_listening_link_is_named_for_the_song_and_service(page: Page, live_server, linked):
    page.goto(live_server.url + "/songs/sparkle/")
    for service in ["Spotify", "Apple Music", "YouTube Music", "LINE MUSIC", "Amazon Music"]:
        link = page.get_by_role("link", name=f"Listen to Sparkle on {service}")
        expect(link).to_have_count(1)
        assert "noopener" in link.get_attribute("rel").split()


def test_the_article_offers_its_videos_as_a_youtube_playlist(page: Page, live_server, demo):
    page.goto(live_server.url + DEMO_ARTICLE)
    link = page.get_by_role("link", name="Open as a YouTube playlist")
    assert link.get_attribute("href") == (
        "https://www.youtube.com/watch_videos?video_ids=a2GujJZfXpg"
    )
    expect(page.get_by_role("link", name="XSPF")).to_have_count(1)

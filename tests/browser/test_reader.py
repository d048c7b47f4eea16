"""The reader's site in a real browser: phone layout, click-to-load video, accessibility."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from articles.models import Article
from songs.models import Artist
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DEMO_ARTICLE

pytestmark = [
    pytest.mark.browser,
    # Live server: real commits. Serialized rollback, as every test here uses, so that
    # each leaves the database as migrations made it (roles and content types included).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
STAND_IN_PLAYER = "<!doctype html><title>Player</title><p>stand-in player</p>"


def third_party_requests(page: Page, live_server):
    """Every request the page makes to a host other than the test server."""
    seen = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(live_server.url) else seen.append(request.url)
        ),
    )
    return seen


def test_video_loads_nothing_from_youtube_until_the_reader_clicks(page: Page, live_server, demo):
    outside = third_party_requests(page, live_server)
    page.goto(live_server.url + DEMO_ARTICLE)
    page.wait_for_load_state("networkidle")
    assert outside == []
    assert page.locator("iframe").count() == 0

    # Offline, a stand-in answers for the player (the test never reaches YouTube).
    page.route(f"{YOUTUBE_PLAYER}/embed/**", lambda route: route.fulfill(body=STAND_IN_PLAYER))
    page.get_by_role("link", name="Play the video: Sparkle").click()

    player = page.locator("iframe")
    expect(player).to_have_count(1)
    assert player.get_attribute("src").startswith(f"{YOUTUBE_PLAYER}/embed/")
    # The Content-Security-Policy let the frame load (the page fixture fails the test
    # otherwise), and the Permissions-Policy lets the player autoplay and go full screen
    # but not reach for the camera.
    frame = player.content_frame
    expect(frame.get_by_text("stand-in player")).to_be_visible()
    allowed = frame.locator("body").evaluate(
        "() => ['autoplay', 'fullscreen', 'camera']"
        ".map(feature => document.featurePolicy.allowsFeature(feature))"
    )
    assert allowed == [True, True, False]
    assert not page.evaluate("document.featurePolicy.allowsFeature('geolocation')")


def test_the_policy_blocks_inline_script_and_the_tests_see_it(
    page: Page, live_server, demo, policy_violations
):
    page.goto(live_server.url + DEMO_ARTICLE)
    assert policy_violations == []  # JSON-LD and video.js run under the policy as they are
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            document.body.setAttribute("onclick", "window.injected = true");
            document.body.click();
        }"""
    )
    page.wait_for_function("() => window.policyViolations.length >= 2")
    assert page.evaluate("window.injected") is None
    assert [line.split()[0] for line in policy_violations if not line.startswith("console")] == [
        "script-src-elem",
        "script-src-attr",
    ]
    policy_violations.clear()  # seen: this test made them on purpose


def test_article_fits_a_phone_screen(page: Page, live_server, demo):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + DEMO_ARTICLE)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    expect(page.locator(".entry")).to_have_count(7)


def test_keyboard_reaches_the_content_first(page: Page, live_server, demo):
    page.goto(live_server.url + DEMO_ARTICLE)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()


READER_PAGES = [
    "/",
    "/articles/",
    DEMO_ARTICLE,
    "/artists/",
    "/artists/kenshi-yonezu/",
    "/songs/sparkle/",
    "/moods/tearjerker/",
    "/audiences/women-40s/",
    "/search/?q=yonezu",
    "/ja/",
    "/ja/artists/",
    "/ja" + DEMO_ARTICLE,
    "/ja/moods/tearjerker/",
    "/ja/search/?q=%E7%B1%B3%E6%B4%A5",
    "/works/your-name/",
    "/ja/tie-ins/anime/",
    "/eras/heisei/",
    "/ja/decades/2010s/",
]


@pytest.mark.parametrize("path", READER_PAGES)
def test_reader_pages_pass_axe_wcag_aa(page: Page, live_server, demo, path):
    page.goto(live_server.url + path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_article_passes_axe_in_light_and_dark_mode(page: Page, live_server, demo, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + DEMO_ARTICLE)
    assert_no_axe_violations(page)


def test_draft_is_not_found_by_a_reader(page: Page, live_server, demo):
    Article.objects.filter(slug="songs-for-when-you-want-to-cry").update(status="draft")
    response = page.goto(live_server.url + DEMO_ARTICLE)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_headline_and_lead_are_in_the_first_phone_screen(page: Page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + DEMO_ARTICLE)
    for selector in ["h1", ".article-header .lead"]:
        box = page.locator(selector).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, (selector, box)
    # Above it, three related articles and a link down to all of them.
    expect(page.locator(".related-top li")).to_have_count(3)
    page.locator(".related-more a").click()
    expect(page.locator(".related-end")).to_be_in_viewport()
    expect(page.locator(".related-end li")).to_have_count(10)


def test_search_in_kanji_and_romaji_finds_every_article_featuring_the_artist(
    page: Page, live_server, demo
):
    yonezu = Artist.objects.get(slug="kenshi-yonezu")
    featuring = {article.get_absolute_url() for article in Article.objects.featuring(yonezu)}
    assert len(featuring) == 8
    for query in ["米津", "yonezu"]:
        page.goto(live_server.url + "/search/")
        page.get_by_role("searchbox").fill(query)
        page.get_by_role("button", name="Search").click()
        page.get_by_role("link", name="See all").click()
        found = page.locator(".result-list a").evaluate_all(
            "links => links.map(link => new URL(link.href).pathname)"
        )
        assert set(found) == featuring, query


def test_page_two_of_the_long_list(page: Page, live_server, demo):
    page.goto(live_server.url + "/articles/twenty-japanese-songs-that-make-you-cry/")
    page.get_by_role("navigation", name="Pages of this list").get_by_role("link", name="2").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    expect(page.locator("#entries-heading")).to_have_text(re.compile(r"\(11–20\)$"))
    expect(page.locator(".entry")).to_have_count(10)


# Pages with article cards. Their images are media files: production's front server (or
# the bucket) serves /media/, never the app (site_config/urls.py routes it only under
# DEBUG); Django's live server does the same job here, serving MEDIA_URL from MEDIA_ROOT
# itself (LiveServerThread wraps the app in its media handler), so the test reads the
# files as a reader's browser would get them, with DEBUG off.
PAGES_WITH_CARDS = [
    "/",
    "/articles/",
    "/moods/tearjerker/",
    "/audiences/women-40s/",
    "/artists/kenshi-yonezu/",
    "/works/your-name/",
    "/eras/heisei/",
]


@pytest.mark.parametrize("language", ["", "/ja"])
def test_every_article_card_has_a_sized_described_image_that_loads(
    page: Page, live_server, demo, language
):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PAGES_WITH_CARDS:
        page.goto(live_server.url + language + path)
        cards = page.locator("article.card")
        assert cards.count() > 0, path
        for card in cards.all():
            image = card.locator("img")
            expect(image).to_have_count(1)
            for attribute in ["width", "height", "alt"]:
                assert image.get_attribute(attribute), (path, attribute, card.inner_html())
            # Lazy images load when they come near the screen: bring each there.
            image.scroll_into_view_if_needed()
            image.evaluate("image => image.decode()")
            assert image.evaluate("image => image.naturalWidth") > 0, (
                path,
                image.evaluate("image => image.currentSrc"),
            )


# The home page has no picture of its own to share; an article shares its cover, an
# artist their monogram.
@pytest.mark.parametrize("path", [DEMO_ARTICLE, "/ja" + DEMO_ARTICLE, "/artists/kenshi-yonezu/"])
def test_og_image_answers_with_an_image(page: Page, live_server, demo, path):
    page.goto(live_server.url + path)
    url = page.locator('meta[property="og:image"]').get_attribute("content")
    assert url.startswith(live_server.url + "/media/"), url
    response = page.request.get(url)
    assert response.status == 200, url
    with Image.open(io.BytesIO(response.body())) as image:
        image.load()
        assert response.headers["content-type"] == Image.MIME[image.format], url
        assert image.width >= 480, (url, image.size)

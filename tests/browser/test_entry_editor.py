"""The article change page as an editor's tool, in a real browser at a laptop's size:
compact entry rows, related picks with the ranking's suggestions, the keyboard."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from articles.models import RelatedPick
from tests.browser.test_editor_workflow import PASSWORD, log_in
from tests.factories import (
    add_entries,
    admin_url,
    make_article,
    make_artist,
    make_song,
    make_staff_user,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAPTOP = {"width": 1280, "height": 800}
MAX_HEIGHT = 2500
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Two paragraphs of about 220 characters, as the demo's entries have.
COMMENTARY = (
    "Released in {year}, it found a second life years later in a film. Few songs catch so "
    "exactly the wish to turn a corner and find someone still there.\n\n"
    "If you have ever looked for a face in a crowd, you know this song."
)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A browser nine or more hours away from the newsroom (Asia/Tokyo): Django's admin
    # then writes its "You are N hours behind server time" note under time boxes.
    return {**browser_context_args, "viewport": LAPTOP, "timezone_id": "America/New_York"}


@pytest.fixture
def editor_account(db):
    return make_staff_user("desk-editor", "Editor", password=PASSWORD)


@pytest.fixture
def ten_entry_article(db):
    """A draft with ten entries, two picks, and articles the ranking relates to it."""
    article = make_article(
        "Ten songs for the last train home",
        published=False,
        lead="Ten songs for the ride when the city goes quiet.",
        intro="Some nights the last train is the only quiet hour of the day.\n\n"
        "We picked these for that hour.",
    )
    songs = [
        make_song(
            f"Song number {number}",
            artist=make_artist(f"Band {number}"),
            release_date=datetime.date(1990 + number, 5, 1),
        )
        for number in range(1, 11)
    ]
    for entry in add_entries(article, songs):
        entry.commentary = COMMENTARY.format(year=entry.song.release_year)
        entry.save()
    for number, song in enumerate(songs[:5], start=1):
        other = make_article(f"Another list {number}")
        add_entries(other, [song])
        if number <= 2:
            RelatedPick.objects.create(from_article=article, to_article=other, position=number)
    return article


def page_size(page: Page):
    return page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )


def open_article(page: Page, live_server, article):
    log_in(page, live_server.url, "desk-editor")
    page.goto(live_server.url + admin_url(article))
    expect(page.locator("#entries-0 .entry-move-up")).to_be_visible()


def test_a_ten_entry_article_fits_a_laptop_screen_width_and_2500_px(
    live_server, page: Page, editor_account, ten_entry_article
):
    open_article(page, live_server, ten_entry_article)
    width, height = page_size(page)
    page.screenshot(path="/tmp/entries/ten.png", full_page=True)
    print(
        page.evaluate(
            """[...document.querySelectorAll("#article_form > div > *")].map(e => [e.tagName, e.className.slice(0,30), e.getBoundingClientRect().height]).filter(x => x[2] > 0)"""
        )
    )
    print(
        page.evaluate(
            """[...document.querySelectorAll("#entries-0 td, #entries-0 textarea")].map(e => [e.className.slice(0,30), e.getBoundingClientRect().height])"""
        )
    )
    print(f"article change page, 10 entries, 1280 x 800: {width} x {height} px")
    assert width <= LAPTOP["width"], f"{width} px wide: the page scrolls sideways"
    assert height <= MAX_HEIGHT, f"{height} px tall"

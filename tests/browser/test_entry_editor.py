"""The article change page as an editor's tool, in a real browser at a laptop's size:
compact entry rows, related picks with the ranking's suggestions, the keyboard."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from articles.models import Entry
from articles.related_models import RelatedPick
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_editor_workflow import PASSWORD, log_in
from tests.factories import (
    add_entries,
    admin_url,
    box,
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
# Each entry has its English and Japanese commentary side by side, half as wide each.
MAX_HEIGHT = 2800
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


def test_a_ten_entry_article_fits_a_laptop_screen_width_and_2800_px(
    live_server, page: Page, editor_account, ten_entry_article
):
    open_article(page, live_server, ten_entry_article)
    width, height = page_size(page)
    print(f"article change page, 10 entries, 1280 x 800: {width} x {height} px")
    assert width <= LAPTOP["width"], f"{width} px wide: the page scrolls sideways"
    assert height <= MAX_HEIGHT, f"{height} px tall"


def test_the_page_has_one_time_zone_note(
    live_server, page: Page, editor_account, ten_entry_article
):
    open_article(page, live_server, ten_entry_article)
    # Django's note sits under the publication time only; the entries' times are folded
    # into native boxes that add none.
    expect(page.locator(".timezonewarning")).to_have_count(1)
    expect(page.locator(".field-published_at .timezonewarning")).to_be_visible()
    page.locator("#entries-3 .entry-added-at summary").click()
    expect(page.locator("#id_entries-3-added_at")).to_be_visible()
    expect(page.locator(".timezonewarning")).to_have_count(1)


def songs_in_page_order(page: Page):
    return page.locator("#entries-group tbody tr.form-row:not(.empty-form)").evaluate_all(
        """rows => rows.map(row => row.querySelector('select[name$="-song"]')
            .selectedOptions[0].textContent.split(" — ")[0])"""
    )


def listed(article):
    return [entry.song.title for entry in article.entries.select_related("song")]


def test_entries_are_reordered_and_saved_from_the_keyboard_alone(
    live_server, page: Page, editor_account, ten_entry_article
):
    open_article(page, live_server, ten_entry_article)
    page.locator("#entries-9 .entry-move-up").focus()
    for _ in range(9):
        page.keyboard.press("Enter")  # the button keeps the focus as its row moves
    expect(page.locator(".entry-order-announcer")).to_have_text(
        "Song number 10 — Band 10 (2000) is now number 1."
    )
    page.keyboard.press("Tab")  # to "Move down"
    page.keyboard.press("Enter")
    assert songs_in_page_order(page)[:3] == ["Song number 1", "Song number 10", "Song number 2"]
    page.get_by_role("button", name="Save and continue editing").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert listed(ten_entry_article)[:3] == ["Song number 1", "Song number 10", "Song number 2"]
    assert songs_in_page_order(page)[:3] == ["Song number 1", "Song number 10", "Song number 2"]


def test_thirty_entries_stay_in_reach_of_drag_and_keyboard(live_server, page: Page, editor_account):
    article = make_article("Thirty songs", published=False)
    add_entries(article, [make_song(f"Track {number:02}") for number in range(1, 31)])
    open_article(page, live_server, article)
    width, height = page_size(page)
    print(f"article change page, 30 entries, 1280 x 800: {width} x {height} px")
    assert width <= LAPTOP["width"]
    # Drag the last row to the top: the page scrolls by itself near the window's edge.
    page.locator("#entries-29 .entry-drag-handle").scroll_into_view_if_needed()
    page.locator("#entries-29 .entry-drag-handle").hover()
    page.mouse.down()
    for step in range(400):
        page.mouse.move(400, 5 + step % 2)  # near the top edge: each move scrolls up
        if page.evaluate("window.scrollY") == 0:
            break
    box = page.locator("#entries-0").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 3, steps=5)
    page.mouse.up()
    assert songs_in_page_order(page)[:2] == ["Track 30", "Track 01"]
    # And Track 01 down to the end from the keyboard.
    page.locator("#entries-0 .entry-move-down").focus()
    for _ in range(29):
        page.keyboard.press("Enter")
    order = songs_in_page_order(page)
    assert order[0] == "Track 30" and order[-1] == "Track 01"
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert listed(article) == order


def test_picks_lose_their_captions_and_are_reordered_from_the_keyboard(
    live_server, page: Page, editor_account, ten_entry_article
):
    open_article(page, live_server, ten_entry_article)
    group = page.locator("#pick_links-group")
    # No "Article → Article" caption shown on the rows.
    captions = group.get_by_text("→")
    expect(captions).to_have_count(2)
    expect(captions.first).to_be_hidden()
    expect(captions.last).to_be_hidden()
    group.locator("tr.form-row:not(.empty-form)").nth(1).locator(".entry-move-up").click()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    picks = RelatedPick.objects.filter(from_article=ten_entry_article).order_by("position")
    assert [pick.to_article.title for pick in picks] == ["Another list 2", "Another list 1"]


def test_one_click_pins_a_suggestion(live_server, page: Page, editor_account, ten_entry_article):
    open_article(page, live_server, ten_entry_article)
    suggestions = page.locator(".pick-suggestions")
    expect(suggestions.locator("li")).to_have_count(3)
    page.get_by_role("button", name="Pin “Another list 4”").click()
    expect(page.locator(".messagelist")).to_contain_text("pinned")
    picks = RelatedPick.objects.filter(from_article=ten_entry_article).order_by("position")
    assert [pick.to_article.title for pick in picks] == [
        "Another list 1",
        "Another list 2",
        "Another list 4",
    ]
    expect(suggestions.locator("li")).to_have_count(2)


def test_the_song_box_finds_kana_by_romaji_and_shows_artist_and_year(
    live_server, page: Page, editor_account, ten_entry_article
):
    make_song(
        "アイネクライネ",
        artist=make_artist("米津玄師", aliases="Kenshi Yonezu"),
        release_date=datetime.date(2014, 3, 19),
    )
    open_article(page, live_server, ten_entry_article)
    page.get_by_role("button", name="Add another Entry").click()
    page.locator("#id_entries-10-song + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("aine")
    option = page.locator(".select2-results__option", has_text="アイネクライネ")
    expect(option).to_have_text("アイネクライネ — 米津玄師 (2014)")
    option.click()
    page.locator(f"#id_entries-10-{box(Entry, 'commentary')}").fill(
        "Its first bars, then the rest."
    )
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert listed(ten_entry_article)[-1] == "アイネクライネ"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_article_change_page_passes_axe(
    live_server, browser, browser_context_args, editor_account, ten_entry_article, scheme
):
    # A context of its own, not watched for policy violations: axe adds a <style> of its
    # own, which the admin's Content-Security-Policy refuses (the page's own styles
    # are checked by every other test here).
    context = browser.new_context(**browser_context_args, color_scheme=scheme)
    page = context.new_page()
    open_article(page, live_server, ten_entry_article)
    try:
        assert_no_axe_violations(page)
    finally:
        context.close()

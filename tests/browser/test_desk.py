"""The desk in a real browser: what it lists, that it fits 1280 px, that axe finds no
violation, and that a Writer finds nothing there to publish with."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_editor_workflow import PASSWORD, log_in
from tests.factories import add_entries, box_label, make_article, make_song, make_staff_user

pytestmark = [
    pytest.mark.browser,
    # Live server: real commits. Serialized rollback brings back the Editor and Writer groups.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def newsroom(db):
    writer = make_staff_user("desk-writer", "Writer", password=PASSWORD)
    editor = make_staff_user("desk-editor", "Editor", password=PASSWORD)
    make_article("A draft about rain", published=False, author=writer)
    make_article("Songs for the spring", when=timezone.now() + timedelta(days=2), author=editor)
    live = make_article("Out this week", author=editor)
    add_entries(live, [make_song("Lemon")], added_at=timezone.now() - timedelta(days=27))
    return {"writer": writer, "editor": editor}


def horizontal_overflow(page: Page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_the_desk_lists_a_draft_a_scheduled_and_a_published_article(
    live_server, page: Page, newsroom
):
    page.set_viewport_size(DESKTOP)
    log_in(page, live_server.url, "desk-writer")
    first_link = page.locator("#content-main a").first
    expect(first_link).to_have_text("New article")
    expect(page.locator("#desk-drafts")).to_contain_text("A draft about rain")
    expect(page.locator("#desk-scheduled")).to_contain_text("Songs for the spring")
    expect(page.locator("#desk-scheduled")).to_contain_text("Goes live")
    expect(page.locator("#desk-published")).to_contain_text("Out this week")
    expect(page.locator("#desk-badges")).to_contain_text("Out this week")
    page.locator("#desk-drafts").get_by_role("link", name="A draft about rain").click()
    expect(page.get_by_label(box_label(Article, "title", "Title"), exact=True)).to_have_value(
        "A draft about rain"
    )


def test_the_desk_and_the_article_list_fit_1280_px(live_server, page: Page, newsroom):
    page.set_viewport_size(DESKTOP)
    for n in range(12):
        make_article(f"A rather long title for a list of songs, number {n}, to test wrapping")
    log_in(page, live_server.url, "desk-editor")
    assert horizontal_overflow(page) <= 0
    page.goto(f"{live_server.url}/admin/articles/article/")
    assert horizontal_overflow(page) <= 0
    # Nor does the list scroll sideways inside its box, hiding the last columns.
    results = page.locator("#changelist .results")
    assert results.evaluate("box => box.scrollWidth - box.clientWidth") <= 0
    expect(page.locator("#result_list th.column-last_change")).to_be_in_viewport()
    title_cell = page.locator("#result_list th.field-title").first
    line_height = title_cell.evaluate("cell => parseFloat(getComputedStyle(cell).lineHeight)")
    # The title wraps over two lines at most, not six to eight.
    assert title_cell.bounding_box()["height"] <= 2 * line_height + 20
    assert title_cell.bounding_box()["width"] >= 300


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_desk_passes_axe(live_server, page: Page, newsroom, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(DESKTOP)
    log_in(page, live_server.url, "desk-writer")
    assert_no_axe_violations(page)


def test_a_writer_cannot_publish_from_the_desk(live_server, page: Page, newsroom):
    log_in(page, live_server.url, "desk-writer")
    desk = page.locator("#content-main")
    expect(desk.get_by_role("button", name="Publish")).to_have_count(0)
    expect(desk.get_by_text("Publish now")).to_have_count(0)
    expect(desk.locator("form")).to_have_count(0)
    # The draft it links to opens with the publication fields read-only.
    desk.get_by_role("link", name="A draft about rain").click()
    expect(page.locator("select#id_status")).to_have_count(0)

"""How many clicks and keystrokes an Editor needs to build and publish a 10-song list of
songs already in the catalogue, starting from the desk: every action is made through
the Desk below, which counts it. The README quotes the figure this test prints.

A paste counts as a click into the box and Ctrl+V (2 keystrokes): the tracklist comes
from wherever the editor wrote it. Choosing from a drop-down counts 2 clicks."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.factories import box_label, make_staff_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password"
TITLE = "Songs for a rainy night"
TRACKLIST = """米津玄師 – アイネクライネ
Sparkle / RADWIMPS
Mr.Children「終わりなき旅」
Lemon - Kenshi Yonezu
マリーゴールド by あいみょん
Yoru ni Kakeru / YOASOBI
夏川りみ – 涙そうそう
Pretender / Official髭男dism
宇多田ヒカル - First Love
山崎まさよし – One more time, One more chance"""
# The most an editor should need; the test fails if the flow grows past it.
MAX_CLICKS, MAX_KEYSTROKES_BESIDES_THE_TITLE = 10, 2


class Desk:
    """The editor's hands: every click and keystroke goes through here and is counted."""

    def __init__(self, page: Page):
        self.page, self.clicks, self.keystrokes = page, 0, 0

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def type(self, locator, text):
        self.click(locator)
        locator.press_sequentially(text)
        self.keystrokes += len(text)

    def paste(self, locator, text):
        self.click(locator)
        locator.fill(text)
        self.keystrokes += 2  # Ctrl+V

    def choose(self, select, label):
        select.select_option(label=label)
        self.clicks += 2  # open the list, pick


def test_a_ten_song_list_is_built_and_published_in_a_few_actions(live_server, page: Page):
    call_command("load_demo", stdout=StringIO())
    make_staff_user("list-editor", "Editor", password=PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username:").fill("list-editor")
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="New article")).to_be_visible()

    desk = Desk(page)
    desk.click(page.get_by_role("link", name="New article"))
    desk.type(page.get_by_label(box_label(Article, "title", "Title"), exact=True), TITLE)
    desk.click(page.get_by_role("button", name="Save and continue editing"))
    desk.click(page.get_by_role("link", name="Paste a tracklist"))
    desk.paste(page.get_by_label("Tracklist:"), TRACKLIST)
    desk.click(page.get_by_role("button", name="Check the lines"))
    desk.click(page.get_by_role("button", name="Add 10 entries"))
    desk.choose(page.get_by_label("Status:"), "Published")
    desk.click(page.get_by_role("button", name="Save", exact=True))
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    article = Article.objects.get(title=TITLE)
    assert article.is_public
    assert article.entries.count() == 10
    assert article.entries.first().song.title == "Eine Kleine"
    print(
        f"\nA 10-song list built and published from the desk: {desk.clicks} clicks and "
        f"{desk.keystrokes} keystrokes, {len(TITLE)} of them the title."
    )
    assert desk.clicks <= MAX_CLICKS
    assert desk.keystrokes - len(TITLE) <= MAX_KEYSTROKES_BESIDES_THE_TITLE

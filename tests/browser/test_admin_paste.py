"""An Editor pastes a 10-line tracklist in mixed scripts into a draft, in a real browser:
one check, one confirmation, 10 entries in the pasted order, and the songs the
catalogue lacks created only once confirmed. axe finds nothing on either step."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import Article
from songs.models import Artist, Song
from tests.browser.axe import assert_no_axe_violations
from tests.factories import admin_url, make_article, make_staff_user

pytestmark = [
    pytest.mark.browser,
    # Live server: real commits. Serialized rollback brings back the groups the data
    # migration made, for the next transactional test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password"

# Ten lines as an editor might gather them: every separator, both orders, numbered and
# not, in kanji, kana and romaji. The last two name songs the demo catalogue lacks.
TRACKLIST = "\n".join(
    [
        "① 米津玄師「Lemon」",
        "2. Sparkle - RADWIMPS",
        "Eine Kleine / Kenshi Yonezu",
        "ミスチル｜終わりなき旅",
        "マリーゴールド by あいみょん",
        "Yoru ni Kakeru / YOASOBI",
        "夏川りみ – 涙そうそう",
        "Pretender\tOfficial髭男dism",
        "RADWIMPS - 前前前世",
        "Hoshi no Uta / 架空のバンド",
    ]
)
IN_ORDER = [
    "Lemon",
    "Sparkle",
    "Eine Kleine",
    "Endless Journey",
    "Marigold",
    "Yoru ni Kakeru",
    "Nada Sōsō",
    "Pretender",
    "前前前世",
    "Hoshi no Uta",
]


@pytest.fixture
def draft():
    call_command("load_demo", stdout=StringIO())
    return make_article("Songs for a long drive", published=False)


@pytest.fixture
def editor_account(db):
    return make_staff_user("paste-editor", "Editor", password=PASSWORD)


def log_in_to(page: Page, url, username):
    page.goto(url)
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_both_steps_pass_axe(live_server, page: Page, browser, editor_account, draft):
    paste_path = reverse("admin:articles_article_paste", args=[draft.pk])
    log_in_to(page, f"{live_server.url}/admin/login/?next={paste_path}", "paste-editor")
    expect(page.get_by_role("heading", name="Paste a tracklist")).to_be_visible()
    # axe adds <style> elements of its own, which the admin's Content-Security-Policy
    # refuses (and the `page` fixture would report): it runs in a context that lets
    # them in, signed in as the same editor. The page's own policy is checked by the
    # `page` fixture in the other test, which goes through both steps too.
    axe_page = browser.new_context(
        bypass_csp=True, storage_state=page.context.storage_state()
    ).new_page()
    axe_page.goto(live_server.url + paste_path)
    assert_no_axe_violations(axe_page)
    axe_page.get_by_label("Tracklist:").fill(TRACKLIST)
    axe_page.get_by_role("button", name="Check the lines").click()
    expect(axe_page.locator(".paste-lines tbody tr")).to_have_count(10)
    assert_no_axe_violations(axe_page)
    assert not draft.entries.exists()


def test_pasting_ten_lines_in_mixed_scripts_gives_ten_entries_in_order(
    live_server, page: Page, editor_account, draft
):
    base = live_server.url
    songs_before = Song.objects.count()
    log_in_to(page, f"{base}/admin/login/?next={admin_url(draft)}", "paste-editor")
    page.get_by_role("link", name="Paste a tracklist").click()
    expect(page.get_by_role("heading", name="Paste a tracklist")).to_be_visible()

    # One step: paste and check.
    page.get_by_label("Tracklist:").fill(TRACKLIST)
    page.get_by_role("button", name="Check the lines").click()
    rows = page.locator(".paste-lines tbody tr")
    expect(rows).to_have_count(10)
    expect(rows.nth(0)).to_contain_text("Lemon — Kenshi Yonezu")
    expect(rows.nth(3)).to_contain_text("Endless Journey — Mr.Children")
    expect(rows.nth(8)).to_contain_text("New song by a known artist")
    expect(rows.nth(9)).to_contain_text("New song and new artist")
    # Nothing is written before the confirmation.
    assert Song.objects.count() == songs_before
    assert not Artist.objects.filter(name="架空のバンド").exists()
    assert not draft.entries.exists()

    # The confirmation.
    page.get_by_role("button", name="Add 10 entries").click()
    expect(page.locator(".messagelist")).to_contain_text("Added 10 entries from the tracklist")
    titles = list(draft.entries.order_by("position").values_list("song__title", flat=True))
    assert titles == IN_ORDER
    assert Song.objects.count() == songs_before + 2
    assert Song.objects.get(title="前前前世").artist.slug == "radwimps"
    assert Artist.objects.filter(name="架空のバンド").count() == 1
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_a_writer_pastes_into_a_draft_and_cannot_publish_from_the_paste_screens(
    live_server, page: Page, draft
):
    make_staff_user("paste-writer", "Writer", password=PASSWORD)
    paste_path = reverse("admin:articles_article_paste", args=[draft.pk])
    log_in_to(page, f"{live_server.url}/admin/login/?next={paste_path}", "paste-writer")
    expect(page.get_by_role("heading", name="Paste a tracklist")).to_be_visible()
    page.get_by_label("Tracklist:").fill("Sparkle - RADWIMPS\nLemon / 米津玄師")
    page.get_by_role("button", name="Check the lines").click()
    # Neither step offers a status, a publication time or a publish button.
    expect(page.locator('[name="status"], [name^="published_at"]')).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("publish", re.IGNORECASE))).to_have_count(0)
    page.get_by_role("button", name="Add 2 entries").click()
    expect(page.locator(".messagelist")).to_contain_text("Added 2 entries from the tracklist")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert list(draft.entries.values_list("song__slug", flat=True)) == ["sparkle", "lemon"]

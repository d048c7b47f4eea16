"""An Editor builds a list in the admin, in a real browser, and readers then find it.

Logs in as a member of the Editor group made by the data migration (not a
superuser), creates an artist, a song with two moods and an article with three
entries, reorders them by dragging and from the keyboard, previews, publishes,
and checks /articles/ and /feed/ as an anonymous reader.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article, Entry
from songs.models import Artist, Song
from tests.factories import (
    add_entries,
    admin_url,
    box,
    box_label,
    make_article,
    make_artist,
    make_mood,
    make_song,
    make_staff_user,
)

pytestmark = [
    pytest.mark.browser,
    # Live server: real commits. Serialized rollback brings back the groups the data
    # migration made, for the next transactional test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The commentary box: "commentary_en" once entries are translated.
COMMENTARY = box(Entry, "commentary")

PASSWORD = "a-long-test-password"


def log_in(page: Page, base_url, username):
    page.goto(f"{base_url}/admin/")
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def choose(page: Page, select_id, query, option_text):
    """Pick `option_text` in the select2 autocomplete box of <select id=select_id>."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(query)
    page.locator(".select2-results__option", has_text=option_text).first.click()
    expect(page.locator(f"#select2-{select_id}-container")).to_contain_text(option_text)


def song_in_row(page: Page, row):
    return page.locator(f"#select2-id_entries-{row}-song-container").inner_text()


def rows_in_page_order(page: Page):
    """Song titles and place numbers of the filled entry rows, top to bottom."""
    return page.locator("#entries-group tbody tr.form-row:not(.empty-form)").evaluate_all(
        """rows => rows
            .filter(row => row.querySelector('select[name$="-song"]').value)
            .map(row => [
                row.querySelector('.entry-place').textContent,
                row.querySelector('select[name$="-song"]').selectedOptions[0].textContent.trim(),
            ])"""
    )


@pytest.fixture
def editor_account(db):
    user = make_staff_user("desk-editor", "Editor", password=PASSWORD)
    assert not user.is_superuser
    return user


def test_editor_builds_reorders_previews_and_publishes_an_article(
    live_server, page: Page, browser, editor_account
):
    base = live_server.url
    make_song("Lemon", artist=make_artist("Kenshi Yonezu"))
    make_song("Marigold", artist=make_artist("Aimyon"))
    make_mood("Tear-jerking")
    log_in(page, base, "desk-editor")

    # An artist.
    page.goto(f"{base}/admin/songs/artist/add/")
    page.get_by_label(box_label(Artist, "name", "Name"), exact=True).fill("Yorushika")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Artist.objects.filter(name="Yorushika").exists()

    # A song with two moods: one picked from the suggestions, one typed new.
    page.goto(f"{base}/admin/songs/song/add/")
    page.get_by_label(box_label(Song, "title", "Title"), exact=True).fill("Say It")
    choose(page, "id_artist", "Yoru", "Yorushika")
    page.locator('.tag-suggestions[data-for="id_moods"] button[data-tag="Tear-jerking"]').click()
    page.locator("#id_moods").press_sequentially("Rainy day")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    song = Song.objects.get(title="Say It")
    assert sorted(mood.name for mood in song.moods.all()) == ["Rainy day", "Tear-jerking"]

    # An article with three entries, commentary counted as it is typed.
    page.goto(f"{base}/admin/articles/article/add/")
    page.get_by_label(box_label(Article, "title", "Title"), exact=True).fill(
        "Songs for a rainy night"
    )
    for row, (query, title) in enumerate(
        [("Lemon", "Lemon"), ("Mari", "Marigold"), ("Say", "Say It")]
    ):
        if row:
            page.get_by_role("button", name="Add another Entry").click()
        choose(page, f"id_entries-{row}-song", query, title)
        page.locator(f"#id_entries-{row}-{COMMENTARY}").fill(f"Why {title} fits the rain.")
    expect(page.locator(f"#id_entries-0-{COMMENTARY}-count")).to_have_text("24 characters")
    page.locator(f"#id_entries-0-{COMMENTARY}").press_sequentially(" Really.")
    expect(page.locator(f"#id_entries-0-{COMMENTARY}-count")).to_have_text("32 characters")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(title="Songs for a rainy night")
    assert article.status == Article.Status.DRAFT
    assert [e.song.title for e in article.entries.select_related("song")] == [
        "Lemon",
        "Marigold",
        "Say It",
    ]

    # Drag "Say It" (third) above "Lemon" (first) by its handle...
    assert rows_in_page_order(page)[2][1].startswith("Say It")
    handle = page.locator("#entries-2 .entry-drag-handle")
    target = page.locator("#entries-0")
    handle.hover()
    page.mouse.down()
    box = target.bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 3, steps=8)
    page.mouse.up()
    assert [title.split(" — ")[0] for _, title in rows_in_page_order(page)] == [
        "Say It",
        "Lemon",
        "Marigold",
    ]
    # ...then move "Lemon" down one place from the keyboard.
    page.locator("#entries-0 .entry-move-down").focus()
    page.keyboard.press("Enter")
    assert rows_in_page_order(page) == [
        ["1", "Say It — Yorushika"],
        ["2", "Marigold — Aimyon"],
        ["3", "Lemon — Kenshi Yonezu"],
    ]
    expect(page.locator(".entry-order-announcer")).to_have_text(
        "Lemon — Kenshi Yonezu is now number 3."
    )
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert [e.song.title for e in article.entries.select_related("song")] == [
        "Say It",
        "Marigold",
        "Lemon",
    ]
    # The page comes back in the new order.
    assert [song_in_row(page, row).split(" — ")[0] for row in range(3)] == [
        "Say It",
        "Marigold",
        "Lemon",
    ]

    # Preview: the editor sees the draft with a banner; an anonymous reader gets a 404.
    page.get_by_role("link", name="View on site").click()
    expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))
    expect(page.get_by_text("Preview — not published")).to_be_visible()
    expect(page.locator(".entry h3").first).to_contain_text("Say It")
    reader = browser.new_context()
    reader_page = reader.new_page()
    assert reader_page.goto(f"{base}{article.get_absolute_url()}").status == 404

    # Publish with the action.
    page.goto(f"{base}/admin/articles/article/")
    page.locator(f'input[name="_selected_action"][value="{article.pk}"]').check()
    page.get_by_role("combobox", name="Action:").select_option("publish_now")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("Published 1 article(s)")
    article.refresh_from_db()
    assert article.is_public

    # An anonymous reader finds it on /articles/...
    reader_page.goto(f"{base}/articles/")
    reader_page.get_by_role("link", name="Songs for a rainy night").click()
    expect(reader_page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))
    expect(reader_page.get_by_text("Preview — not published")).to_have_count(0)
    expect(reader_page.locator(".entry h3").first).to_contain_text("Say It")

    # ...and in the RSS feed. /feed/ is built in another issue: until it is merged this
    # step fails with a 404, and only this step.
    feed = reader.request.get(f"{base}/feed/")
    assert feed.status == 200, f"/feed/ answered {feed.status}; the feed is not built yet"
    items = ET.fromstring(feed.body()).findall("./channel/item")
    assert any(
        item.findtext("title") == "Songs for a rainy night"
        and (item.findtext("link") or "").endswith(article.get_absolute_url())
        for item in items
    ), [(item.findtext("title"), item.findtext("link")) for item in items]
    reader.close()


def test_the_admin_scripts_run_under_the_content_security_policy(
    live_server, page: Page, editor_account
):
    # The page fixture fails the test on any script, style, frame or image refused.
    base = live_server.url
    song = make_song(
        "Sparkle",
        moods=[make_mood("Tear-jerking")],
        video_url="https://www.youtube.com/watch?v=a2GujJZfXpg",
    )
    article = make_article(published=False)
    add_entries(article, [song, make_song("Lemon")])
    log_in(page, base, "desk-editor")

    response = page.goto(base + admin_url(article))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # Entry ordering, select2 and the character counter are all scripts of ours or Django's.
    expect(page.locator("#entries-1 .entry-move-up")).to_be_visible()
    expect(page.locator("#select2-id_entries-0-song-container")).to_contain_text("Sparkle")
    expect(page.locator(f"#id_entries-0-{COMMENTARY}-count")).to_be_visible()
    page.locator("#entries-1 .entry-move-up").click()
    assert [title.split(" — ")[0] for _, title in rows_in_page_order(page)] == [
        "Lemon",
        "Sparkle",
    ]

    page.goto(base + admin_url(song))
    expect(page.locator('.tag-suggestions[data-for="id_moods"]')).to_be_visible()
    thumbnail = page.locator("img.admin-video-thumbnail")
    assert thumbnail.get_attribute("src").startswith("https://i.ytimg.com/")


def test_editor_adds_a_new_song_from_the_article_without_leaving_it(
    live_server, page: Page, editor_account
):
    base = live_server.url
    make_artist("Official HIGE DANdism")
    log_in(page, base, "desk-editor")
    page.goto(f"{base}/admin/articles/article/add/")
    page.get_by_label(box_label(Article, "title", "Title"), exact=True).fill("New discoveries")

    with page.expect_popup() as popup_info:
        page.locator("#add_id_entries-0-song").click()
    popup = popup_info.value
    popup.get_by_label(box_label(Song, "title", "Title"), exact=True).fill("Pretender")
    choose(popup, "id_artist", "HIGE", "Official HIGE DANdism")
    # Listening before the click: the saved popup closes itself as soon as its response
    # loads, which may be before click() returns.
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator("#select2-id_entries-0-song-container")).to_contain_text("Pretender")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(title="New discoveries")
    assert [e.song.title for e in article.entries.select_related("song")] == ["Pretender"]


def test_a_japanese_browser_gets_the_admin_scripts_in_japanese(
    live_server, browser, browser_context_args, editor_account
):
    make_mood("Tear-jerking")
    context = browser.new_context(**{**browser_context_args, "locale": "ja-JP"})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("desk-editor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator('input[type="submit"]').click()
    expect(page.get_by_role("heading", name="サイト管理")).to_be_visible()

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(page.get_by_label(box_label(Article, "title", "タイトル"), exact=True)).to_be_visible()
    expect(page.locator("#entries-0 .entry-move-up")).to_have_attribute("aria-label", "上へ")
    expect(page.locator("#entries-0 .entry-move-down")).to_have_attribute("aria-label", "下へ")
    page.locator(f"#id_entries-0-{COMMENTARY}").fill("雨の夜に聴く歌")
    expect(page.locator(f"#id_entries-0-{COMMENTARY}-count")).to_have_text("7文字")
    expect(page.locator('.tag-suggestions[data-for="id_moods"]')).to_contain_text(
        "既存の気分（クリックで追加）"
    )
    context.close()

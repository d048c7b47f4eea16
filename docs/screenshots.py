"""Regenerate the README's screenshots: `make screenshots`.

The demo content is loaded into a throwaway SQLite database and served by Django on a
free local port; the browser tests' chromium (Playwright, same path and flags) takes
the first screen of the home page and the seed article at a phone's and a desk's
width, then signs in as an Editor and takes the admin's desk, the seed article's entry
editor and the "Paste a tracklist" confirmation at 1280 px. Each PNG is reduced to a
256-colour palette, which keeps it a few dozen KB.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PAGES = {"home": "/", "article": "/articles/songs-for-when-you-want-to-cry/"}
VIEWPORTS = {390: 844, 1280: 900}
# Admin pages, taken at 1280 px signed in as SCREENSHOT_EDITOR, whom DESK_SETUP makes
# with a draft of her own and a scheduled article, so that the desk has something on it.
ADMIN_PAGES = {"admin-desk": "/admin/"}
SCREENSHOT_EDITOR = ("mika", "a-password-for-screenshots")
DESK_SETUP = f"""
from datetime import timedelta
from django.contrib.auth.models import Group, User
from django.utils import timezone
from articles.models import Article

username, password = {SCREENSHOT_EDITOR!r}
mika = User.objects.create_user(username, password=password, is_staff=True)
mika.groups.add(Group.objects.get(name="Editor"))
Article.objects.create(title="Songs for a long train ride", author=mika)
Article.objects.create(
    title="Cherry-blossom songs for 2027",
    author=mika,
    status=Article.Status.PUBLISHED,
    published_at=timezone.now() + timedelta(days=3),
)
"""
# Pasted into the seed article: songs it lists, songs it lacks, a new song and artist.
TRACKLIST = "\n".join(
    [
        "1. 米津玄師 – アイネクライネ",
        "2. Sparkle / RADWIMPS",
        "3. ミスチル「終わりなき旅」",
        "4. Pretender by Official髭男dism",
        "5. RADWIMPS - 前前前世",
        "6. Hoshi no Uta / 架空のバンド",
    ]
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(database, port):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "1", "PAGE_CACHE": "0"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"], ["shell", "-c", DESK_SETUP]):
        subprocess.run([*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The demo server did not start.")


def shoot(base_url):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in VIEWPORTS.items():
            page = browser.new_page(
                viewport={"width": width, "height": height}, color_scheme="light", locale="en-US"
            )
            for name, path in PAGES.items():
                page.goto(base_url + path)
                save(page, OUT / f"{name}-{width}.png")
            page.close()
        shoot_admin(browser, base_url)
        browser.close()


def shoot_admin(browser, base_url):
    page = browser.new_page(
        viewport={"width": 1280, "height": 900}, color_scheme="light", locale="en-US"
    )
    page.goto(f"{base_url}/admin/")  # to the log-in form, and back here once signed in
    username, password = SCREENSHOT_EDITOR
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/", timeout=10_000)
    for name, path in ADMIN_PAGES.items():
        page.goto(base_url + path)
        save(page, OUT / f"{name}.png")
    open_seed_article(page, base_url)
    save(page.locator("#entries-group"), OUT / "admin-entries.png")
    shoot_paste_flow(page, base_url)
    page.close()


def open_seed_article(page, base_url):
    """The seed article's change page, found as an editor finds it: by its title."""
    page.goto(f"{base_url}/admin/articles/article/?q=Tear-Jerking+Masterpieces")
    page.get_by_role("link", name="Tear-Jerking Masterpieces").first.click()


def shoot_paste_flow(page, base_url):
    """The paste flow's confirmation step, on the seed article."""
    open_seed_article(page, base_url)
    page.get_by_role("link", name="Paste a tracklist").click()
    page.get_by_label("Tracklist:").fill(TRACKLIST)
    page.get_by_role("button", name="Check the lines").click()
    page.locator(".paste-lines").wait_for()
    save(page, OUT / "admin-paste.png", full_page=True)


def save(shown, target, **options):
    """Screenshot `shown` (a page or one element of it) to `target`, in 256 colours."""
    shown.screenshot(path=target, **options)
    Image.open(target).convert("RGB").quantize(256).save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


def main():
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"No chromium at {CHROMIUM}: apt-get install -y chromium")
    port = free_port()
    with tempfile.TemporaryDirectory() as scratch:
        server = serve(Path(scratch) / "demo.sqlite3", port)
        try:
            shoot(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

"""Regenerate the README's screenshots: `make screenshots`.

The demo content is loaded into a throwaway SQLite database and served by Django on a
free local port; the browser tests' chromium (Playwright, same path and flags) takes
the first screen of the home page and the seed article at a phone's and a desk's
width, and the seed article's entry editor in the admin, signed in as an Editor, at a
laptop's size. Each PNG is reduced to a 256-colour palette, which keeps it a few dozen KB.
"""

import os
import secrets
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

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PAGES = {"home": "/", "article": "/articles/songs-for-when-you-want-to-cry/"}
VIEWPORTS = {390: 844, 1280: 900}
LAPTOP = {"width": 1280, "height": 800}
# An Editor (the group the data migration makes) for the admin's screenshots; prints
# the seed article's id, whose change page is shot.
MAKE_EDITOR = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from articles.models import Article
user = get_user_model().objects.create_user(
    "screenshots", password=os.environ["SCREENSHOT_PASSWORD"], is_staff=True
)
user.groups.add(Group.objects.get(name="Editor"))
print(Article.objects.get(slug="songs-for-when-you-want-to-cry").pk)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(database, port, password):
    """The demo server, and the seed article's id."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "1", "PAGE_CACHE": "0"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run([*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL)
    made = subprocess.run(
        [*manage, "shell", "-c", MAKE_EDITOR],
        env={**env, "SCREENSHOT_PASSWORD": password},
        check=True,
        capture_output=True,
        text=True,
    )
    article_id = int(made.stdout.split()[-1])
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server, article_id
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The demo server did not start.")


def save(target):
    Image.open(target).convert("RGB").quantize(256).save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


def shoot_entry_editor(browser, base_url, article_id, password):
    """The seed article's entries in the admin, as an Editor sees them on a laptop."""
    page = browser.new_page(viewport=LAPTOP, color_scheme="light", locale="en-US")
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "screenshots")
    page.fill("#id_password", password)
    page.click('input[type="submit"]')
    page.goto(f"{base_url}/admin/articles/article/{article_id}/change/")
    target = OUT / "admin-entries.png"
    page.locator("#entries-group").screenshot(path=target)
    save(target)
    page.close()


def shoot(base_url, article_id, password):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in VIEWPORTS.items():
            page = browser.new_page(
                viewport={"width": width, "height": height}, color_scheme="light", locale="en-US"
            )
            for name, path in PAGES.items():
                page.goto(base_url + path)
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=target)
                save(target)
            page.close()
        shoot_entry_editor(browser, base_url, article_id, password)
        browser.close()


def main():
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"No chromium at {CHROMIUM}: apt-get install -y chromium")
    port = free_port()
    password = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as scratch:
        server, article_id = serve(Path(scratch) / "demo.sqlite3", port, password)
        try:
            shoot(f"http://127.0.0.1:{port}", article_id, password)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

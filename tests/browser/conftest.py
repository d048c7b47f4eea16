"""Real-browser tests: Playwright for Python driving Debian's chromium, offline."""

import os
from pathlib import Path

import pytest

# pytest-playwright's sync API runs an asyncio loop in the test thread; Django then
# refuses ORM calls (live_server, fixtures) unless this is set before the DB is touched.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # No DNS at all (Chromium looks up Google hosts by itself); the test server stays reachable.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Point pytest-playwright at Debian's chromium: Playwright's own browser download
    cannot work offline."""
    if not Path(CHROMIUM).exists():
        reason = (
            f"No chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
            "(or set CHROMIUM_PATH)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} CI must run the browser tests, not skip them.")
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # English whatever the machine's locale: the admin follows the browser's language.
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-US"}

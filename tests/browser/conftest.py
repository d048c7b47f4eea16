"""Real-browser tests: Playwright for Python driving Debian's chromium, offline."""

import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from songs.models import Song
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, japanese_font_missing

# pytest-playwright's sync API runs an asyncio loop in the test thread; Django then
# refuses ORM calls (live_server, fixtures) unless this is set before the DB is touched.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEMO_ARTICLE = "/articles/songs-for-when-you-want-to-cry/"


@pytest.fixture
def demo():
    """The demo content (`make run`'s), with a video on one song of the seed article."""
    call_command("load_demo", stdout=StringIO())
    song = Song.objects.get(slug="sparkle")
    song.video_url = "https://www.youtube.com/watch?v=a2GujJZfXpg"
    song.save()


@pytest.fixture(scope="session")
def _django_connections():
    """This thread's database connections as Django hands them out before Playwright starts."""
    return {alias: connections[alias] for alias in connections}


@pytest.fixture(scope="session")
def playwright(_django_connections, playwright):
    """pytest-playwright's Playwright, with Django keeping this thread's connections.

    Between two calls, Playwright's sync API leaves its asyncio loop marked as running in
    this thread, and while a loop runs, Django's connection handler (asgiref's Local) keeps
    a second set of connections. From here on every test would get fresh ones, without what
    the test database's setup left on them: the copy of the migrated rows that serialized
    rollback and tests/conftest.py put back after a test that commits. The Editor and
    Writer roles were then gone after the first browser test if a database test ran before
    it. Hand Django the connections it had."""
    for alias, connection in _django_connections.items():
        connections[alias] = connection
    return playwright


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
    if os.environ.get("CI") == "true" and (reason := japanese_font_missing()):
        pytest.fail(f"{reason} CI tests the Japanese pages as a Japanese reader sees them.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # English whatever the machine's locale: the admin follows the browser's language.
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-US"}


# Every page opened through the `page` fixture's context (popups included) is watched:
# a script, style, frame or image that the Content-Security-Policy refuses fails the
# test, and so does a Permissions-Policy header the browser cannot read. (A context a
# test makes itself with browser.new_context() is not watched.)
REPORT_VIOLATIONS = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const what = event.blockedURI || "inline code";
  const where = event.documentURI;
  const report = `${event.effectiveDirective} refused ${what} on ${where}`;
  window.policyViolations.push(report);
  window.reportPolicyViolation(report);
});
"""
POLICY_CONSOLE_MESSAGE = re.compile(
    r"Content Security Policy|Permissions-Policy|Permissions policy"
)


@pytest.fixture
def policy_violations(context):
    """The policy complaints the browser made so far; the test fails if any are left."""
    found = []
    context.expose_binding("reportPolicyViolation", lambda source, text: found.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.on(
        "console",
        lambda message: (
            found.append(f"console: {message.text}")
            if POLICY_CONSOLE_MESSAGE.search(message.text)
            else None
        ),
    )
    yield found
    assert found == [], "The browser refused something on policy grounds:\n" + "\n".join(found)


@pytest.fixture
def page(policy_violations, page):
    """pytest-playwright's page, watched for policy violations."""
    return page

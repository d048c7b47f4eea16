"""Every kind of page is valid HTML, as the Nu Html Checker (the W3C validator) reads it."""

import json
import os
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [
    pytest.mark.browser,
    # As every test here: each leaves the database as migrations made it. (Mixing in a
    # plain django_db test, or a transactional one without serialized rollback, leaves
    # the others without the roles, or with content types twice.)
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"

PAGES = {
    "home": "/",
    "articles": "/articles/",
    "article": "/articles/songs-for-when-you-want-to-cry/",
    "artists": "/artists/",
    "artist": "/artists/kenshi-yonezu/",
    "song": "/songs/sparkle/",
    "mood": "/moods/tearjerker/",
    "audience": "/audiences/women-40s/",
    "era": "/eras/heisei/",
    "decade": "/ja/decades/2010s/",
    "search": "/search/?q=yonezu",
    "search-help": "/search/",
    "search-one-kind": "/search/?q=tear&kind=articles",
    "ja-home": "/ja/",
    "ja-artists": "/ja/artists/",
    "ja-article": "/ja/articles/songs-for-when-you-want-to-cry/",
    "work": "/works/your-name/",
    "ja-work": "/ja/works/your-name/",
    "tie-ins": "/tie-ins/anime/",
    "not-found": "/articles/no-such-list/",
}


@pytest.fixture(scope="module")
def checker():
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return [java, "-jar", str(VNU_JAR)]
    reason = (
        "The Nu Html Checker needs java and node_modules (`npm ci`; `make test-browser` runs it)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} CI must run it, not skip it.")
    pytest.skip(reason)


def test_every_kind_of_page_is_valid_html(client, checker, tmp_path):
    call_command("load_demo", stdout=StringIO())
    files = []
    for name, url in PAGES.items():
        page = tmp_path / f"{name}.html"
        page.write_bytes(client.get(url).content)
        files.append(str(page))
    # One JVM for every file; the report comes on stderr.
    result = subprocess.run(
        [*checker, "--format", "json", "--also-check-css", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    assert errors == [], json.dumps(errors, indent=1, ensure_ascii=False)
    assert result.returncode == 0

"""Faults, for real: the database cut from under a live gunicorn, and Redis killed while
readers keep coming.

With the database gone, pages already in the page cache keep answering 200 (marked
"X-Page-Cache: stale"), every other page answers the 503 page, and the site is whole
again as soon as the database is back, without a restart. With Redis gone, nothing
answers a 5xx: pages and fragments are rendered afresh, uncached, and cached again once
it is back.
"""

import os
import shutil
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest

from tests.live_site import LiveSite, cuttable, private_postgres_database, private_redis

SEED_ARTICLE = "/articles/songs-for-when-you-want-to-cry/"
SEED_TITLE = "Tear-Jerking Masterpieces to Soothe the Heart"
UNCACHED_PAGE = "/artists/"
READERS = 6
LOAD_SECONDS = 4.0
KILL_AFTER_SECONDS = 1.5


@pytest.fixture(scope="module")
def demo_sqlite(tmp_path_factory):
    """The demo content migrated and loaded once into a SQLite file, for tests to copy."""
    folder = tmp_path_factory.mktemp("demo-site")
    LiveSite(folder).prepare()
    return folder / "site.sqlite3"


def postgres_server_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip(
            "The database-outage test cuts a real PostgreSQL connection: it runs in the "
            "PostgreSQL run of the suite (DATABASE_URL=postgres://…)."
        )
    return url


def test_with_the_database_cut_cached_pages_answer_others_are_503_until_it_is_back(tmp_path):
    server = postgres_server_url()
    name = f"{urlsplit(server).path.strip('/') or 'liner'}_faults_{os.getpid()}"
    with private_postgres_database(server, name) as database, cuttable(database) as (proxy, url):
        # Each worker's own memory for the page cache: the cut is the database's alone.
        # No generation token: every hit asks the database, as after any save.
        site = LiveSite(tmp_path, database_url=url, REDIS_URL="", CACHE_GENERATION_FILE="")
        site.prepare()
        try:
            site.start_app(workers=2)
            site.warm(SEED_ARTICLE)

            proxy.cut()
            for _ in range(10):  # new connections: both workers answer
                cached = site.get(SEED_ARTICLE)
                assert cached.status == 200
                assert cached.getheader("X-Page-Cache") == "stale"
                assert SEED_TITLE in cached.text
            for path in (
                UNCACHED_PAGE,
                f"{SEED_ARTICLE}?page=2",
                "/search/?q=lemon",
                "/feed/",
                "/readyz",
            ):
                down = site.get(path)
                assert down.status == 503, path
            down = site.get(UNCACHED_PAGE)
            assert down.getheader("Retry-After") == "30"
            assert "cannot reach its database" in down.text
            # A signed-in editor is never served from the page cache: 503 too.
            assert site.get(SEED_ARTICLE, headers={"Cookie": "sessionid=x"}).status == 503
            assert site.get("/healthz").status == 200  # the process itself is fine

            proxy.restore()  # no restart: the workers reconnect by themselves
            for _ in range(10):
                assert site.get(UNCACHED_PAGE).status == 200
                assert site.get(SEED_ARTICLE).getheader("X-Page-Cache") == "hit"
            assert site.get("/readyz").status == 200
        finally:
            site.stop()


def load(site, path, seconds, on_the_way):
    """`READERS` readers requesting `path` for `seconds`; `on_the_way()` runs in the middle.
    Returns the count of each status answered, and the bodies that lacked the title."""
    statuses = Counter()
    wrong_bodies = []
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def reader():
        while time.monotonic() < deadline:
            response = site.get(path)
            with lock:
                statuses[response.status] += 1
                if SEED_TITLE not in response.text:
                    wrong_bodies.append(response.status)

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER_SECONDS)
    on_the_way()
    for thread in threads:
        thread.join()
    return statuses, wrong_bodies


@pytest.mark.parametrize(
    "page_cache", ["1", "0"], ids=["page cache in Redis", "fragments only in Redis"]
)
def test_killing_redis_under_load_answers_no_5xx(tmp_path, demo_sqlite, page_cache):
    shutil.copy(demo_sqlite, tmp_path / "site.sqlite3")
    with private_redis() as redis:
        site = LiveSite(tmp_path, REDIS_URL=redis.url, PAGE_CACHE=page_cache)
        try:
            site.start_app(workers=2)
            site.warm(SEED_ARTICLE)
            if page_cache == "1":
                assert site.get(SEED_ARTICLE).getheader("X-Page-Cache") == "hit"

            statuses, wrong_bodies = load(site, SEED_ARTICLE, LOAD_SECONDS, redis.kill)

            assert redis.process.poll() is not None  # it really died mid-load
            assert set(statuses) == {200}, statuses
            assert wrong_bodies == []
            assert sum(statuses.values()) >= READERS * 4  # readers got answers all along
            assert site.get("/readyz").status == 503  # and the probe tells the operator

            redis.start()  # back, empty, on the same port: no restart of the app
            assert site.get("/readyz").status == 200
            if page_cache == "1":
                site.warm(SEED_ARTICLE)
                assert site.get(SEED_ARTICLE).getheader("X-Page-Cache") == "hit"
        finally:
            site.stop()

"""Page-cache hits vouched for by the generation token: no query until something changes.

These tests commit (transactional_db), as production does: the token is rewritten when
an invalidation commits. Across real processes, tests/test_live_invalidation.py runs
the same path in two gunicorn workers.
"""

import logging
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from core import cache_generation
from core.cache import invalidate
from tests.factories import add_entries, make_article, make_song
from tests.test_settings import load_settings

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def token_file(settings, tmp_path):
    settings.CACHE_GENERATION_FILE = str(tmp_path / "site.cache-generation")
    return tmp_path / "site.cache-generation"


def test_a_copy_checked_once_is_served_with_no_query_until_a_change(
    client, django_assert_num_queries
):
    article = make_article("Rainy day songs")
    add_entries(article, [make_song("Umbrella")])
    url = article.get_absolute_url()
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the database vouches for the copy once
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_save_shows_on_the_very_next_request_and_other_pages_stay_hits(
    client, django_assert_num_queries
):
    shown = make_article("Before the edit")
    other = make_article("Untouched list")
    for article in (shown, other):
        for _ in range(2):
            client.get(article.get_absolute_url())

    shown.title = "After the edit"
    shown.save()

    assert "After the edit" in client.get(shown.get_absolute_url()).text
    with django_assert_num_queries(1):  # asked again, and still fresh
        assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"
    with django_assert_num_queries(0):
        assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_go_live_planned_before_the_check_is_not_missed(client):
    make_article("Published list")
    scheduled = make_article("Scheduled list", when=timezone.now() + timedelta(seconds=1.5))
    for _ in range(3):
        assert "Scheduled list" not in client.get("/articles/").text
    time.sleep(1.7)  # the clock passes the publication time: nothing is saved
    assert "Scheduled list" in client.get("/articles/").text
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_change_planned_after_the_check_is_not_missed(client):
    article = make_article("A list with a future change")
    url = article.get_absolute_url()
    for _ in range(2):
        client.get(url)
    invalidate([f"article-{article.pk}"], at=timezone.now() + timedelta(seconds=1))
    assert client.get(url)["X-Page-Cache"] == "hit"
    time.sleep(1.2)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_removed_token_file_makes_hits_ask_the_database(
    client, token_file, django_assert_num_queries
):
    url = make_article().get_absolute_url()
    for _ in range(2):
        client.get(url)
    token_file.unlink()
    with django_assert_num_queries(1):
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert token_file.exists()  # made afresh, with a token no copy was checked at


def test_a_token_that_cannot_be_kept_leaves_every_hit_to_the_database(
    client, settings, tmp_path, caplog, django_assert_num_queries
):
    settings.CACHE_GENERATION_FILE = str(tmp_path)  # a folder: neither readable nor writable
    url = make_article().get_absolute_url()
    client.get(url)
    for _ in range(2):
        with django_assert_num_queries(1):
            assert client.get(url)["X-Page-Cache"] == "hit"
    with caplog.at_level(logging.ERROR, logger="core.cache_generation"):
        cache_generation.advance()
    assert "cached pages may be served stale" in caplog.text


def test_every_change_writes_a_new_token(token_file):
    before = cache_generation.current()
    make_article()
    assert cache_generation.current() != before
    assert len(token_file.read_bytes()) == cache_generation.TOKEN_BYTES


SQLITE = "sqlite:////srv/site/db.sqlite3"
POSTGRES = "postgres://db/site"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"DATABASE_URL": SQLITE}, "/srv/site/db.sqlite3.cache-generation"),
        ({"DATABASE_URL": POSTGRES}, ""),
        ({"DATABASE_URL": POSTGRES, "CACHE_GENERATION_FILE": "/run/site/gen"}, "/run/site/gen"),
        ({"DATABASE_URL": SQLITE, "CACHE_GENERATION_FILE": ""}, ""),
        # Redis copies are shared between hosts; a file is not.
        ({"DATABASE_URL": SQLITE, "REDIS_URL": "redis://cache:6379/0"}, ""),
    ],
)
def test_the_token_file_is_used_only_where_every_process_shares_one_host(environment, expected):
    result = load_settings(
        "from django.conf import settings; print(repr(settings.CACHE_GENERATION_FILE))",
        DEBUG="1",
        **environment,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(expected)

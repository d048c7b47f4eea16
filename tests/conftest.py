"""Fixtures every test may use, and what keeps the suite independent of its order.

Tests that commit for real (a live server for the browser, migrations run by a test) end
with Django flushing every table, which empties what the migrations wrote as data: the
content types, the permissions and the Editor and Writer roles. Django puts such tests
last to hide that. Here the database is brought back as migrations left it after each
of them instead, so the suite passes in any order (`pytest --random-order` shuffles it).
"""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from tests.factories import make_staff_user

# What pytest-django counts as a test that commits (and so ends with a flush).
COMMITTING_FIXTURES = {"transactional_db", "live_server"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # A parameter or fixture called "page" is pytest-playwright's browser page: it turns a
    # plain test into a browser-parametrized one, which pytest then groups with the
    # browser tests, in the middle of the others.
    strays = [item.nodeid for item in items if stray_browser_test(item)]
    if strays:
        raise pytest.UsageError(f"Not marked browser but asks for a browser page: {strays}")


def stray_browser_test(item):
    fixtures = set(getattr(item, "fixturenames", ()))
    return "browser_name" in fixtures and item.get_closest_marker("browser") is None


def commits_for_real(item):
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )
    return bool(transactional or COMMITTING_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, its migrated rows kept aside to restore after a committing test.

    pytest-django keeps them only when some test asks for serialized_rollback; keep them
    always."""
    if not hasattr(connection, "_test_serialized_contents"):
        with django_db_blocker.unblock():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # The test's fixtures are finished: a committing test has flushed the tables. After
    # the last test the session's fixtures are finished too: the test database is gone
    # and the connection names the real one again, which must not be flushed.
    last = nextitem is None
    if commits_for_real(item) and not last and hasattr(connection, "_test_serialized_contents"):
        with item.config.stash[blocking_manager_key].unblock():
            restore_migrated_rows()
    return result


def restore_migrated_rows():
    """Put back the rows the migrations made, with their keys, as Django's serialized
    rollback does, but after the test rather than before the next one that asks."""
    # A flush without serialized rollback has re-created content types and permissions
    # under new keys: empty the tables again, so the originals come back as they were.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, request, tmp_path_factory
):
    """A file for the SQLite test database instead of memory when a live server runs.

    With an in-memory database the live server's request threads share one
    connection, and the admin's autocomplete sends overlapping requests: "database
    table is locked". A file gives each thread its own connection (WAL, busy timeout)."""
    database = settings.DATABASES["default"]
    live = any("live_server" in getattr(item, "fixturenames", ()) for item in request.session.items)
    if live and database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("live-server-db")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture
def demo(_demo_for_the_module, db):
    """The demo content (`make run`'s), loaded once for all the tests of a module.

    load_demo takes about two seconds on PostgreSQL and some sixty tests read its
    content. Each test runs in a savepoint (pytest-django's `db`) inside the
    transaction that holds the demo, so whatever a test changes is undone after it."""


@pytest.fixture(scope="module")
def _demo_for_the_module(request, django_db_setup, django_db_blocker):
    """The demo, loaded in a transaction that stays open until the module's last test and
    is then rolled back.

    Every other test of the module would run inside that transaction too: one that
    commits would commit into it, and one that expects an empty database would find the
    demo, or not, by the order the tests ran in. So in a module that asks for the demo,
    every test that reads the database asks for it."""
    module = [item for item in request.session.items if item.path == request.node.path]
    others = [item.nodeid for item in module if uses_the_database(item) and not asks_for_demo(item)]
    if others:
        pytest.fail(f"In a module with the shared demo, every database test asks for it: {others}")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


def asks_for_demo(item):
    return "demo" in getattr(item, "fixturenames", ())


def uses_the_database(item):
    marked = item.get_closest_marker("django_db") is not None
    return marked or bool({"db", *COMMITTING_FIXTURES} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(autouse=True)
def _fresh_state():
    # The cache may be a shared Redis: no test sees another's pages.
    cache.clear()
    # A request under /ja/ leaves Japanese active in this thread (a server sets the
    # language afresh for each request); each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _media_outside_the_project(tmp_path_factory):
    """Committed saves draw covers and monograms into the media storage (articles/covers.py):
    never into the project's media/ folder. A test that looks at the files asks for
    `media_root`, a folder of its own."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(db):
    return make_staff_user("eddie", "Editor")


@pytest.fixture
def writer(db):
    return make_staff_user("wren", "Writer")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client

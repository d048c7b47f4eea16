import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.factories import make_staff_user


@pytest.fixture(autouse=True)
def _fresh_state():
    # The cache may be a shared Redis: no test sees another's pages.
    cache.clear()
    # A request under /ja/ leaves Japanese active in this thread (a server sets the
    # language afresh for each request); each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()


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

"""The production settings, as the tests run them.

Only what a test run cannot have differs: a throwaway secret key, and plain
static storage because hashed names need collectstatic's manifest.
"""

import os
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from site_config.settings import *  # noqa: F403
from site_config.settings import CACHES, REDIS_URL, STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Most tests run inside transactions that never commit, and the token is rewritten on
# commit: only processes told a file use one (the live sites of tests/live_site.py, and
# the tests of core/cache_generation.py, which commit).
if "CACHE_GENERATION_FILE" not in os.environ:
    CACHE_GENERATION_FILE = ""
# Fast hashing: tests log users in many times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A parallel run (`pytest -n 2`, pytest-xdist) gives each worker its own test database;
# with Redis, each gets its own Redis database too, or one worker's cache.clear() and
# cached pages would reach into the other's tests. The number comes from the worker's
# name, so the live sites a worker starts (tests/live_site.py) land in the same one.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _redis = urlsplit(REDIS_URL)
    _database = int(_redis.path.strip("/") or 0) + int(_worker[2:])
    CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_database}"))

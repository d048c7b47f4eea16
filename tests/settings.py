"""The production settings, as the tests run them.

Only what a test run cannot have differs: a throwaway secret key, and plain
static storage because hashed names need collectstatic's manifest.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from site_config.settings import *  # noqa: F403
from site_config.settings import STORAGES

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

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
# Fast hashing: tests log users in many times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

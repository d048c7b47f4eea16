"""The settings file as an operator meets it: environment in, a running site or a clear refusal."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def load_settings(code, **environment):
    """Run `code` after Django set up with `environment` alone; return the process."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "site_config.settings"}
    env.update(environment)
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings("print('started')", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_development_starts_without_a_secret_key():
    result = load_settings("print('started')", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_media_on_s3_compatible_storage():
    code = (
        'from django.core.files.storage import storages; s = storages["default"]; '
        "print(type(s).__name__, s.url('renditions/x.jpg'))"
    )
    result = load_settings(
        code,
        SECRET_KEY="x",
        MEDIA_STORAGE="s3",
        MEDIA_BUCKET="liner-notes-media",
        MEDIA_ENDPOINT_URL="https://objects.example.test",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "https://objects.example.test/liner-notes-media/renditions/x.jpg",
    ]


def test_database_and_cache_come_from_urls():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])"
    )
    result = load_settings(
        code,
        SECRET_KEY="x",
        DATABASE_URL="postgres://editor@db.internal:5432/liner",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "django_redis.cache.RedisCache",
    ]


def test_feed_guids_take_their_host_from_canonical_host():
    code = "from django.conf import settings as s; print(s.CANONICAL_HOST)"
    assert load_settings(code, DEBUG="1").stdout.strip() == "localhost"
    configured = load_settings(code, DEBUG="1", CANONICAL_HOST="LinerNotes.example")
    assert configured.stdout.strip() == "linernotes.example"


MEDIA_ORIGIN = (
    "from urllib.parse import urlsplit; "
    "from django.conf import settings; "
    "from django.core.files.storage import storages; "
    "url = urlsplit(storages['default'].url('renditions/x.jpg')); "
    "print(f'{url.scheme}://{url.netloc}' in settings.CONTENT_SECURITY_POLICY"
    "['DIRECTIVES']['img-src'])"
)


@pytest.mark.parametrize(
    "where",
    [
        {"MEDIA_REGION": "ap-northeast-1"},
        {"MEDIA_ENDPOINT_URL": "https://objects.example.test"},
        {"MEDIA_CUSTOM_DOMAIN": "media.example.test"},
    ],
)
def test_images_on_object_storage_are_allowed_by_the_policy(where):
    result = load_settings(
        MEDIA_ORIGIN,
        SECRET_KEY="x",
        MEDIA_STORAGE="s3",
        MEDIA_BUCKET="liner-notes-media",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
        **where,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"

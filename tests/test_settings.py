"""The settings file as an operator meets it: environment in, a running site or a clear refusal."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def load_settings(code, timeout=120, **environment):
    """Run `code` after Django set up with `environment` alone; return the process."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "site_config.settings"}
    env.update(environment)
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
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


def test_a_database_that_never_answers_fails_the_connection_after_the_timeout():
    # A server that takes the connection into its backlog and never says a word.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        started = time.monotonic()
        result = load_settings(
            "from django.db import connection; connection.ensure_connection()",
            SECRET_KEY="x",
            DATABASE_URL=f"postgres://editor@127.0.0.1:{port}/liner",
            DATABASE_CONNECT_TIMEOUT="2",
            timeout=30,  # without a connect timeout it would wait for ever
        )
        waited = time.monotonic() - started
    assert result.returncode != 0
    assert "OperationalError" in result.stderr
    assert waited < 15, waited


def test_feed_guids_take_their_host_from_canonical_host():
    code = "from django.conf import settings as s; print(s.CANONICAL_HOST)"
    assert load_settings(code, DEBUG="1").stdout.strip() == "localhost"
    configured = load_settings(code, DEBUG="1", CANONICAL_HOST="LinerNotes.example")
    assert configured.stdout.strip() == "linernotes.example"


# A key check --deploy accepts: long, varied, not Django's "insecure" one.
DEPLOY_SECRET_KEY = "k3Y-for-the-deploy-check_" + "aZ9x" * 10
STS_HEADER = (
    "from django.test import Client; "
    "print(Client().get('/healthz', secure=True, HTTP_HOST='localhost')"
    "['Strict-Transport-Security'])"
)


def test_https_only_sends_hsts_without_preload():
    result = load_settings(STS_HEADER, SECRET_KEY=DEPLOY_SECRET_KEY, HTTPS_ONLY="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains"


def test_hsts_preload_is_its_own_setting():
    result = load_settings(
        STS_HEADER, SECRET_KEY=DEPLOY_SECRET_KEY, HTTPS_ONLY="1", HSTS_PRELOAD="1"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains; preload"


def test_hsts_preload_without_https_only_is_refused():
    result = load_settings("print('started')", SECRET_KEY=DEPLOY_SECRET_KEY, HSTS_PRELOAD="1")
    assert result.returncode != 0
    assert "HSTS_PRELOAD=1 needs HTTPS_ONLY=1" in result.stderr


@pytest.mark.parametrize("preload", ["0", "1"])
def test_the_deploy_check_has_no_warnings_with_https_only(preload):
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": DEPLOY_SECRET_KEY,
        "HTTPS_ONLY": "1",
        "HSTS_PRELOAD": preload,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


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


CLIENT_ADDRESS = (
    "from django.test import RequestFactory; "
    "from axes.helpers import get_client_ip_address; "
    "print(get_client_ip_address(RequestFactory().post('/admin/login/', "
    "REMOTE_ADDR='10.0.0.2', HTTP_X_FORWARDED_FOR='6.6.6.6, 198.51.100.9, 10.0.0.1')))"
)


def test_without_a_proxy_setting_the_lockout_counts_the_connecting_address():
    result = load_settings(CLIENT_ADDRESS, SECRET_KEY="x")
    assert result.stdout.strip() == "10.0.0.2", result.stderr


@pytest.mark.parametrize(
    "count, client", [("1", "10.0.0.1"), ("2", "198.51.100.9"), ("3", "6.6.6.6")]
)
def test_the_proxy_header_is_read_from_the_right_past_our_proxies(count, client):
    result = load_settings(
        CLIENT_ADDRESS,
        SECRET_KEY="x",
        PROXY_CLIENT_IP_HEADER="X-Forwarded-For",
        TRUSTED_PROXY_COUNT=count,
    )
    assert result.stdout.strip() == client, result.stderr


@pytest.mark.parametrize(
    "environment, message",
    [
        ({"PROXY_CLIENT_IP_HEADER": "X-Forwarded-For: 1.2.3.4"}, "must be a header name"),
        ({"PROXY_CLIENT_IP_HEADER": "X-Real-IP", "TRUSTED_PROXY_COUNT": "0"}, "1 or more"),
        ({"PROXY_CLIENT_IP_HEADER": "X-Real-IP", "TRUSTED_PROXY_COUNT": "one"}, "1 or more"),
    ],
)
def test_a_bad_proxy_setting_is_refused_with_a_clear_error(environment, message):
    result = load_settings("print('started')", SECRET_KEY="x", **environment)
    assert result.returncode != 0
    assert message in result.stderr

"""Liner Notes settings: one file, read top to bottom.

Every setting that differs between a laptop and production comes from an
environment variable; the defaults make `make run` work with none set.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from site_config.header_policies import content_security_policy, permissions_policy
from site_config.media_storage import storages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment -------------------------------------------------------------

DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = os.environ.get("REDIS_URL", "")
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
HTTPS_ONLY = env_flag("HTTPS_ONLY")
# HSTS preload is a promise to browsers' built-in lists that every subdomain speaks HTTPS,
# for months after it is withdrawn: its own decision, not a side effect of HTTPS_ONLY.
HSTS_PRELOAD = env_flag("HSTS_PRELOAD")
if HSTS_PRELOAD and not HTTPS_ONLY:
    raise ImproperlyConfigured("HSTS_PRELOAD=1 needs HTTPS_ONLY=1: there is no HSTS to preload.")
# Behind a reverse proxy or CDN: the request header that carries the client's address
# (X-Forwarded-For, X-Real-IP, CF-Connecting-IP…) and how many proxies of ours append
# to it. Unset, the header is not trusted: anyone can send it.
PROXY_CLIENT_IP_HEADER = os.environ.get("PROXY_CLIENT_IP_HEADER", "").strip()
TRUSTED_PROXY_COUNT = os.environ.get("TRUSTED_PROXY_COUNT", "1").strip()
if PROXY_CLIENT_IP_HEADER and not re.fullmatch(r"[A-Za-z0-9-]+", PROXY_CLIENT_IP_HEADER):
    raise ImproperlyConfigured("PROXY_CLIENT_IP_HEADER must be a header name: X-Forwarded-For.")
if not TRUSTED_PROXY_COUNT.isdigit() or int(TRUSTED_PROXY_COUNT) < 1:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be a whole number, 1 or more.")
TRUSTED_PROXY_COUNT = int(TRUSTED_PROXY_COUNT)
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
NEW_BADGE_DAYS = int(os.environ.get("NEW_BADGE_DAYS", "30"))
# Whole-page cache for anonymous readers (core/page_cache.py); 0 turns it off.
PAGE_CACHE = env_flag("PAGE_CACHE", default=True)
# The shared HTTP cache in front (core/edge.py): where to send tag purges, comma-separated
# (e.g. http://127.0.0.1:6081/ for Varnish), and the header that carries a page's tags.
EDGE_PURGE_URLS = [url for url in os.environ.get("EDGE_PURGE_URLS", "").split(",") if url]
EDGE_PURGER = os.environ.get("EDGE_PURGER", "core.edge.varnish_xkey_purge")
EDGE_TAG_HEADER = os.environ.get("EDGE_TAG_HEADER", "xkey")
# The site's name, in page titles, feeds and bylines (templates get it as SITE_NAME).
SITE_NAME = "Liner Notes"
# The site's public host name, without scheme or port: feed GUIDs (tag:HOST,…) are built
# from it, so that an article keeps one GUID whatever Host header a request carried.
CANONICAL_HOST = os.environ.get("CANONICAL_HOST", "localhost").strip().lower()

# --- Applications --------------------------------------------------------------

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation requires.
    "modeltranslation",
    "site_config.apps.NewsroomAdminConfig",  # django.contrib.admin, with the desk
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "axes",
    "csp",
    "core",
    "songs",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page and 304 for a matching If-None-Match, cached pages included.
    "django.middleware.http.ConditionalGetMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    # Inside the page cache: a stored page keeps the headers it was rendered with, so a
    # hit carries them at no cost (and a page that needed a nonce is never stored).
    "csp.middleware.CSPMiddleware",
    "core.security_headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Language from the URL: English at the root, Japanese under /ja/; the admin's from
    # the editor's browser (Accept-Language).
    "core.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_config.urls"
WSGI_APPLICATION = "site_config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# --- Data ------------------------------------------------------------------------

# Persistent connections: opening one (and SQLite's PRAGMAs) costs more than a cached page.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while an editor saves; busy timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    # Parameters bound on the server, and a query run a few times on a connection kept as
    # a prepared statement: PostgreSQL then plans it once per connection, not per run
    # (the related-articles ranking spends longer planning than running). A pooler in
    # transaction mode that cannot carry prepared statements needs DATABASE_PREPARE=0.
    # A server that takes the connection but does not answer fails it after the connect
    # timeout (the 503 page), rather than holding a worker for the kernel's two minutes.
    # No parallel workers: each of a page's queries reads a few index entries, and a
    # worker takes longer to start than it saves (a commentary search at 20,000 articles:
    # 8 ms with one, under 1 ms without).
    DATABASES["default"]["OPTIONS"] = {
        "options": "-c max_parallel_workers_per_gather=0",
        "server_side_binding": True,
        "prepare_threshold": 5 if os.environ.get("DATABASE_PREPARE", "1") == "1" else None,
        "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    # django-redis rather than Django's RedisCache: with IGNORE_EXCEPTIONS a Redis
    # outage degrades to uncached pages instead of a 500 on every request.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "liner-notes",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Each worker's own memory. Django's default of 300 entries culls a third of them when
    # full: pages, and the fragments inside them, would drop out long before they change.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LOCAL_CACHE_ENTRIES", "5000"))},
        }
    }

# Page-cache hits skip the database while no invalidation has been written since the copy
# was last checked (core/cache_generation.py), told by a token in this file. Every
# process serving the site must share it, so it is set by default only where they all
# share one host anyway: a SQLite database and each worker's own memory. A single-host
# deployment on PostgreSQL may name a file; never with Redis, whose copies are shared
# between hosts.
CACHE_GENERATION_FILE = os.environ.get("CACHE_GENERATION_FILE")  # "" turns it off
if CACHE_GENERATION_FILE is None:
    _sqlite = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    _database_file = str(DATABASES["default"]["NAME"])
    CACHE_GENERATION_FILE = (
        f"{_database_file}.cache-generation" if _sqlite and os.path.isabs(_database_file) else ""
    )
if REDIS_URL:
    CACHE_GENERATION_FILE = ""

# --- Authentication ------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = f"/{ADMIN_URL}login/"
# django-axes first: it refuses a locked-out log-in before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords in a row for one username from one address lock that pair out
# for an hour (the sixth try is refused even with the right password); a right password
# before that resets the count. Pairing with the address means nobody elsewhere can
# lock an editor out. Behind a proxy every client has the proxy's address: set
# PROXY_CLIENT_IP_HEADER so that the real one is counted (below).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address django-axes counts (through django-ipware): REMOTE_ADDR, unless a proxy
# header is configured. Then the client is the TRUSTED_PROXY_COUNT-th address from the
# right of that header: our proxies append to it, so whatever a client wrote on the
# left is never read. (ipware counts the proxies after the client inside the header,
# one fewer than the proxies in front; IPWARE_STRICT off lets a client send its own
# X-Forwarded-For without losing its place.)
if PROXY_CLIENT_IP_HEADER:
    AXES_IPWARE_META_PRECEDENCE_ORDER = (
        "HTTP_" + PROXY_CLIENT_IP_HEADER.upper().replace("-", "_"),
        "REMOTE_ADDR",
    )
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_PROXY_ORDER = "left-most"
IPWARE_STRICT = False

# --- Internationalisation --------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "日本語")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Translated fields (songs/translation.py) read the reader's language, else the other.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "ja")
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Tokyo")
USE_I18N = True
USE_TZ = True

# --- Static files and media ----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the root (/favicon.ico), served by WhiteNoise as it serves
# static files: from memory, with ETag, Last-Modified and a short public max-age (their
# URLs carry no hash, so they cannot be cached for ever).
WHITENOISE_ROOT = BASE_DIR / "site_root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Where uploaded images are kept, and the origins they load from, for the
# Content-Security-Policy (below).
STORAGES, MEDIA_ORIGINS = storages(MEDIA_STORAGE, DEBUG)

# --- Security ------------------------------------------------------------------------------------

# Content-Security-Policy, Permissions-Policy, Cross-Origin-Resource-Policy: the
# policies, and why, are in site_config/header_policies.py.
CONTENT_SECURITY_POLICY = content_security_policy(MEDIA_ORIGINS)
PERMISSIONS_POLICY = permissions_policy()
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS_ONLY:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = HSTS_PRELOAD
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if not HSTS_PRELOAD:
        # check --deploy asks for preload; here it is a choice the operator makes.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Form fields besides files may total 12 MB; an upload over 12 MB is spooled to a temporary
# file rather than held in memory. Images over 10 MB are then refused by the form
# (core/images.py). Cap the request body itself in the web server in front.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- Third-party apps --------------------------------------------------------------------

TAGGIT_CASE_INSENSITIVE = True
# Commas separate moods and audiences; spaces do not ("Women in their 40s" is one tag).
TAGGIT_TAGS_FROM_STRING = "core.tagging.parse_tag_names"
TAGGIT_STRING_FROM_TAGS = "core.tagging.format_tag_names"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

"""The whole-page cache for anonymous readers, answered before anything else runs.

Pages are recorded and checked with the cache tags of core/cache.py: a hit is one cache
read and one indexed query asking whether any of the page's tags changed since. Where
core/cache_generation.py keeps its token, a copy already checked is served with no query
at all until the next invalidation anywhere, or until a change planned for its tags.
Requests carrying a session cookie (editors) are never served from or stored into it.

With the database down, a stored page cannot be checked, and is served anyway, marked
"X-Page-Cache: stale": readers keep getting what was there, while every page that needs
the database answers the 503 page (core/errors.py) until it is back.
"""

import hashlib
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from core import cache_generation, edge
from core.cache import (
    PAGE_TIMEOUT,
    collecting,
    first_invalidation_after,
    next_invalidation,
)

logger = logging.getLogger(__name__)

# How long a browser or shared cache may serve a copy while it fetches a fresh one.
STALE_WHILE_REVALIDATE = 60
CACHED_PARAMETERS = {"page"}
# A page number as the site's own links write it. Any other spelling of a page
# (?page=01, ?page=+1, ?page=١, ?page=1&page=1) is served fresh and never stored.
CANONICAL_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
# Paths that are never pages: probes must touch nothing, not even the cache.
UNCACHED_PREFIXES = ("/healthz", "/readyz", f"/{settings.ADMIN_URL}", settings.STATIC_URL)
HIT_HEADER = "X-Page-Cache"
UNCHECKED = "stale"  # HIT_HEADER's value for a copy served while the database is down


def cache_anonymous_page(view):
    """Mark a view whose pages may be cached for anonymous readers."""
    view.anonymous_page_cache = True
    return view


def _is_cacheable_request(request):
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


def page_key(request):
    """The cache key of the page `request` asks for, or None if it is not one to store.

    Pages hold absolute URLs (canonical links, feed GUIDs), so the scheme and host are
    part of the key. Only ?page=N varies a cacheable page: any other query string
    (tracking tags, made-up parameters, page numbers spelt otherwise) is served fresh
    and never stored, so nobody can fill the cache with copies of one page.

    The URL is hashed: it is the reader's to choose, and may be any length and hold
    any character, which a cache key may not (Django's caches warn past 250 characters
    or at a control character; memcached refuses them).
    """
    if set(request.GET) - CACHED_PARAMETERS:
        return None
    pages = request.GET.getlist("page")
    if pages and (len(pages) > 1 or not CANONICAL_PAGE_NUMBER.fullmatch(pages[0])):
        return None
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def _is_cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        # A nonce is good for one response: a stored copy would hand it to everyone.
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


@dataclass
class StoredPage:
    rendered_at: float
    expires_at: float
    tags: tuple
    response: object
    # Set when the database last found the copy fresh: the generation token read just
    # before asking, and the first change already planned for its tags (epoch), if any.
    checked_token: bytes | None = None
    checked_until: float = 0.0

    def is_vouched_for(self, token, now):
        return token is not None and token == self.checked_token and now < self.checked_until


class AnonymousPageCacheMiddleware:
    """Serve and store the pages of views marked with @cache_anonymous_page.

    A hit is answered here, before sessions, languages and URL resolution: one cache
    read, and one indexed query asking whether any of the page's tags changed since
    unless the copy's last answer still holds (core/cache_generation.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request) if settings.PAGE_CACHE and _is_cacheable_request(request) else None
        if key:
            stored = cache.get(key)
            # Only pages of marked views are ever stored: a path with nothing stored
            # costs no database read here.
            if stored is not None and time.time() < stored.expires_at:
                try:
                    if self._is_fresh(key, stored):
                        return stored.response
                except DatabaseError:
                    return self._unchecked(stored.response)
        request.page_cache_key = key
        response = self.get_response(request)
        collector = getattr(request, "page_collector", None)
        if collector is not None:
            self._finish(request, response, collector)
        return response

    @staticmethod
    def _is_fresh(key, stored):
        """Whether no tag of `stored` has been invalidated since it was rendered; when
        the database had to be asked, the answer is kept with the copy."""
        # Read before asking: an invalidation committed after the question changes it.
        token = cache_generation.current()
        if stored.is_vouched_for(token, time.time()):
            return True
        first_change = first_invalidation_after(stored.tags, stored.rendered_at)
        now = time.time()
        if first_change is not None and first_change <= now:
            return False
        if token is not None:
            stored.checked_token = token
            stored.checked_until = min(first_change or stored.expires_at, stored.expires_at)
            cache.set(key, stored, int(stored.expires_at - now) + 1)
        return True

    @staticmethod
    def _unchecked(response):
        """The stored copy, served without its freshness check: the database did not
        answer, and the copy is the best answer there is (rendering would fail too)."""
        logger.warning("Serving a cached page unchecked: the database did not answer.")
        response[HIT_HEADER] = UNCHECKED
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "anonymous_page_cache", False):
            # Begin before the view reads anything: an edit committed meanwhile is
            # stamped later than this, so it makes this copy stale.
            request.page_rendered_at = time.time()
            request.page_collection = collecting(PAGE_TIMEOUT)
            request.page_collector = request.page_collection.__enter__()

    def _finish(self, request, response, collector):
        request.page_collection.__exit__(None, None, None)
        if response.status_code != 200:
            return
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(request.page_rendered_at)
        if not request.page_cache_key or not _is_cacheable_response(response):
            return
        tags = tuple(sorted(collector.tags))
        expires_at = collector.expires_at
        # Browsers revalidate every time (ETag, 304). A shared cache is invited to keep
        # the page only when it can be purged: then until the next change already
        # planned for its tags (a go-live, a badge running out), which nothing purges.
        patch_cache_control(response, public=True, max_age=0)
        if edge.is_configured():
            expires_at = min(expires_at, next_invalidation(tags) or expires_at)
            edge.tag_response(response, tags)
            patch_cache_control(
                response,
                s_maxage=max(int(expires_at - time.time()), 0),
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
            )
        max_age = max(int(expires_at - time.time()), 0)
        if not response.has_header("ETag"):
            set_response_etag(response)  # computed once, not on every hit
        # The cache stores a pickled snapshot: the stored copy says "hit", this one "miss".
        response[HIT_HEADER] = "hit"
        stored = StoredPage(request.page_rendered_at, expires_at, tags, response)
        cache.set(request.page_cache_key, stored, max_age + 1)
        response[HIT_HEADER] = "miss"

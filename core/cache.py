"""Whole-page and fragment caching for anonymous readers, invalidated by cache tags.

Every cached page and fragment records what it shows as tags: "article-12",
"song-7", "artist-3", and list-level tags such as "articles" (any list of the
newest articles) or "articles:mood-5" (the articles carrying mood 5). Instances
record themselves: a model registered with `track()` adds its tags to every page
being rendered when a row of it is loaded. Views add the list-level tags a
query implies with `tag_page()`.

A save or delete calls `invalidate(tags)`: one row per tag in CacheInvalidation,
stamped with the moment it takes effect. A cached copy is stale when any of its
tags was invalidated after the copy's render began and before now, so

- an editor's change shows on the very next request in every worker and on every
  app server (the rows are in the database; the copies may be in local memory);
- everything that does not carry a changed tag stays a hit;
- a change that takes effect later (a scheduled article going live, a NEW! badge
  running out) is a row stamped in the future: it needs no job to run.

Immediate invalidations are also sent to the shared HTTP cache in front (core/edge.py).
Requests carrying a session cookie (editors) are never served from or stored into the cache.
"""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from core import edge
from core.models import CacheInvalidation

logger = logging.getLogger(__name__)

PAGE_TIMEOUT = 24 * 60 * 60
# How long a browser or shared cache may serve a copy while it fetches a fresh one.
STALE_WHILE_REVALIDATE = 60
CACHED_PARAMETERS = {"page"}
# Paths that are never pages: probes must touch nothing, not even the cache.
UNCACHED_PREFIXES = ("/healthz", "/readyz", f"/{settings.ADMIN_URL}", settings.STATIC_URL)
HIT_HEADER = "X-Page-Cache"
# Every cached copy carries this tag: a change written without save() across the whole
# content (a bulk load, a restore) invalidates it to make them all stale at once.
EVERYTHING = "everything"

# The tag sets of the pages and fragments being rendered in this context, innermost last.
_collectors = ContextVar("cache_tag_collectors", default=())


# --- Recording what a page shows ---------------------------------------------------


@dataclass
class Collector:
    tags: set
    expires_at: float  # epoch seconds: the earliest expiry of any fragment inside


@contextmanager
def collecting(timeout):
    """Record the tags of everything loaded or tagged inside the block."""
    collector = Collector({EVERYTHING}, time.time() + timeout)
    token = _collectors.set((*_collectors.get(), collector))
    try:
        yield collector
    finally:
        _collectors.reset(token)


def tag_page(*tags):
    """Add `tags` to every page and fragment being rendered."""
    for collector in _collectors.get():
        collector.tags.update(tags)


def _limit_expiry(expires_at):
    for collector in _collectors.get():
        collector.expires_at = min(collector.expires_at, expires_at)


def object_tag(instance):
    """The tag of one row: "<model name>-<pk>"."""
    return f"{instance._meta.model_name}-{instance.pk}"


def track(model, tags=None):
    """Record a tag for every row of `model` a page loads; `tags(instance)` overrides
    the default "<model name>-<pk>" (an entry, say, is part of its article)."""
    name = model._meta.model_name
    instance_tags = tags or (lambda instance: (object_tag(instance),))

    def record(sender, instance, **kwargs):
        collectors = _collectors.get()
        if collectors and instance.pk is not None:
            for tag in instance_tags(instance):
                for collector in collectors:
                    collector.tags.add(tag)

    post_init.connect(record, sender=model, weak=False, dispatch_uid=f"cache-tags-{name}")


# --- Invalidation ------------------------------------------------------------------


def invalidate(tags, at=None):
    """Make every cached copy carrying one of `tags` stale, now or at the moment `at`.

    The rows are written with the change, in its transaction, and once more when it
    commits: a render that began between the first stamp and the commit read the old
    rows, and the second stamp, later than its start, makes its copy stale too. The
    edge is purged once the change is committed, so it cannot fetch the old page again.
    """
    tags = sorted(set(tags))
    if not tags:
        return
    if at is not None and at > timezone.now():
        _stamp(tags, at)
        return
    _stamp(tags, timezone.now())
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _after_commit(tags))
    else:
        edge.purge(tags)
        _forget_old_invalidations()


def _stamp(tags, moment):
    CacheInvalidation.objects.bulk_create([CacheInvalidation(tag=tag, at=moment) for tag in tags])


def _after_commit(tags):
    _stamp(tags, timezone.now())
    edge.purge(tags)
    _forget_old_invalidations()


def invalidate_everything():
    """Make every cached page and fragment stale, here and at the edge."""
    invalidate([EVERYTHING])


def on_change(model, tags_for, watched=()):
    """After each save and delete of `model`, invalidate `tags_for(instance, changed)`.

    `changed` names the `watched` fields whose value the save changed: all of them for a
    new row, none for a save whose update_fields leave them out; None when the row was
    deleted.
    """
    uid = f"cache-tags-{model._meta.label}-{tags_for.__module__}.{tags_for.__name__}"
    attnames = {name: model._meta.get_field(name).attname for name in watched}

    def remember(sender, instance, raw=False, update_fields=None, **kwargs):
        instance._values_before_save = None
        if raw or instance.pk is None or not watched:
            return
        if update_fields is not None and not set(update_fields) & set(watched):
            instance._values_before_save = {}  # nothing watched is written
            return
        instance._values_before_save = (
            model._default_manager.filter(pk=instance.pk).values(*attnames.values()).first()
        )

    def saved(sender, instance, created, raw=False, **kwargs):
        if raw:
            return  # loaddata: fixtures say nothing about what pages show
        before = getattr(instance, "_values_before_save", None)
        if created or before is None:
            changed = set(watched)
        else:
            changed = {
                name
                for name, attname in attnames.items()
                if attname in before and before[attname] != getattr(instance, attname)
            }
        invalidate(tags_for(instance, changed))

    def deleted(sender, instance, **kwargs):
        invalidate(tags_for(instance, None))

    pre_save.connect(remember, sender=model, weak=False, dispatch_uid=f"{uid}-pre")
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def _forget_old_invalidations():
    # No copy outlives PAGE_TIMEOUT, so older rows can no longer make one stale.
    cutoff = timezone.now() - timezone.timedelta(seconds=PAGE_TIMEOUT)
    CacheInvalidation.objects.filter(at__lt=cutoff).delete()


def _epoch(moment):
    return moment.timestamp()


def _moment(epoch):
    return datetime.fromtimestamp(epoch, tz=UTC)


def is_fresh(tags, rendered_at):
    """No tag of a copy rendered at `rendered_at` (epoch) has been invalidated since."""
    if not tags:
        return True
    return not CacheInvalidation.objects.filter(
        tag__in=tags, at__gt=_moment(rendered_at), at__lte=timezone.now()
    ).exists()


def next_invalidation(tags):
    """When the next invalidation already planned for `tags` takes effect (epoch), or None."""
    if not tags:
        return None
    moment = CacheInvalidation.objects.filter(tag__in=tags, at__gt=timezone.now()).aggregate(
        next=Min("at")
    )["next"]
    return _epoch(moment) if moment else None


# --- Fragments ------------------------------------------------------------------------


def cached_fragment(key, compute, timeout=PAGE_TIMEOUT):
    """`compute()`, cached under `key` with the tags of what it loaded.

    A stored fragment is checked like a page; its tags and expiry pass on to the page
    being rendered around it, so the page goes stale with it.
    """
    stored = cache.get(key)
    if stored is not None:
        rendered_at, expires_at, tags, value = stored
        if time.time() < expires_at and is_fresh(tags, rendered_at):
            tag_page(*tags)
            _limit_expiry(expires_at)
            return value
    rendered_at = time.time()
    with collecting(timeout) as collector:
        value = compute()
    tag_page(*collector.tags)
    _limit_expiry(collector.expires_at)
    remaining = collector.expires_at - rendered_at
    if remaining > 0:
        stored = (rendered_at, collector.expires_at, tuple(collector.tags), value)
        cache.set(key, stored, int(remaining) + 1)
    return value


# --- Pages ----------------------------------------------------------------------------


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
    part of the key. Only ?page= varies a cacheable page: any other query string
    (tracking tags, made-up parameters) is served fresh and never stored, so nobody
    can fill the cache with copies of one page.
    """
    if set(request.GET) - CACHED_PARAMETERS:
        return None
    return f"page:{request.scheme}://{request.get_host()}{request.get_full_path()}"


def _is_cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


@dataclass
class StoredPage:
    rendered_at: float
    expires_at: float
    tags: tuple
    response: object


class AnonymousPageCacheMiddleware:
    """Serve and store the pages of views marked with @cache_anonymous_page.

    A hit is answered here, before sessions, languages and URL resolution: one cache
    read and one indexed query asking whether any of the page's tags changed since.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request) if settings.PAGE_CACHE and _is_cacheable_request(request) else None
        if key:
            stored = cache.get(key)
            # Only pages of marked views are ever stored: a path with nothing stored
            # costs no database read here.
            if stored is not None and self._still_good(stored):
                return stored.response
        request.page_cache_key = key
        response = self.get_response(request)
        collector = getattr(request, "page_collector", None)
        if collector is not None:
            self._finish(request, response, collector)
        return response

    @staticmethod
    def _still_good(stored):
        if time.time() >= stored.expires_at:
            return False
        try:
            return is_fresh(stored.tags, stored.rendered_at)
        except DatabaseError:
            # The database is down: the copy is the best answer there is.
            logger.warning("Serving a cached page unchecked: the database did not answer.")
            return True

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

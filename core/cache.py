"""Whole-page cache for anonymous readers, invalidated by content changes.

Pages are stored with the ContentVersion they were rendered at, so a save
anywhere in the content (signals below) or a scheduled article's go-live time
makes every cached page stale at once. Requests carrying a session cookie (editors) are
never served from or stored into the cache.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import set_response_etag
from django.utils.http import http_date

PAGE_TIMEOUT = 24 * 60 * 60
CACHED_PARAMETERS = {"page"}
# Paths that are never pages: probes must touch nothing, not even the cache.
UNCACHED_PREFIXES = ("/healthz", "/readyz", f"/{settings.ADMIN_URL}", settings.STATIC_URL)
CONTENT_APPS = ("songs", "articles", "taggit")


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


class AnonymousPageCacheMiddleware:
    """Serve and store pages of views marked with @cache_anonymous_page.

    Each cached page is stored under its path with the content version it was
    rendered at. A hit is answered here, before sessions, languages and URL
    resolution: the only work is one cache read and one read of the version.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = settings.PAGE_CACHE and _is_cacheable_request(request)
        key = page_key(request) if cacheable else None
        if key:
            stored = cache.get(key)
            # Only pages of marked views are ever stored, so a path with nothing
            # stored costs no database read here.
            if stored is not None:
                version, page = stored
                if version == current_content_version(request):
                    return page
        response = self.get_response(request)
        is_page = getattr(request, "page_cache_store", False)
        if is_page and response.status_code == 200 and not response.has_header("Last-Modified"):
            # No content has changed since the version did: a safe, if cautious, date.
            response["Last-Modified"] = http_date(request.content_changed_at.timestamp())
        if key and is_page and _is_cacheable_response(response):
            if not response.has_header("ETag"):
                set_response_etag(response)  # computed once, not on every hit
            cache.set(key, (request.content_version, response), PAGE_TIMEOUT)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "anonymous_page_cache", False):
            # Read before rendering: an edit made meanwhile leaves this copy stale.
            current_content_version(request)
            request.page_cache_store = True


def current_content_version(request):
    """The content version, read once per request and kept on it for later callers."""
    if getattr(request, "content_version", None) is None:
        state = content_version_model().current()
        request.content_version = state.version
        request.content_changed_at = state.changed_at
    return request.content_version


def content_version_model():
    return apps.get_model("articles", "ContentVersion")


def content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and sender is not content_version_model():
        content_version_model().bump()


def connect_invalidation():
    """Bump the content version on every save, delete and tag change of content models."""
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label == "articles.ContentVersion":
                continue
            uid = f"content-version-{model._meta.label}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(content_changed, dispatch_uid="content-version-m2m")
    # Article pages show their author's name.
    user_model = get_user_model()
    post_save.connect(author_changed, sender=user_model, dispatch_uid="content-version-user")
    post_delete.connect(author_changed, sender=user_model, dispatch_uid="content-version-user-del")


def author_changed(sender, update_fields=None, **kwargs):
    # Logging in saves last_login alone: that shows nowhere.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    content_version_model().bump()

"""The shared HTTP cache in front of the app servers (Varnish here, a CDN in production).

Cacheable responses carry their cache tags in a header (`EDGE_TAG_HEADER`, `xkey`
for Varnish's xkey vmod); an invalidation sends those tags to every purge URL in
`EDGE_PURGE_URLS`, so the edge drops exactly the pages that show what changed.

The request a purge sends is Varnish's: `PURGE /` with the tags, space-separated,
in an `xkey-purge` header (deploy/varnish.vcl answers it). Fastly reads the same
tags from a `Surrogate-Key` header (set EDGE_TAG_HEADER=Surrogate-Key) and purges
by key with `POST /service/<id>/purge/<key>`; Cloudflare's cache tags come from a
`Cache-Tag` header and are purged through its API: each is one `EDGE_PURGER` away.
"""

import logging
import urllib.request
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

PURGE_TIMEOUT_SECONDS = 2


def is_configured():
    return bool(settings.EDGE_PURGE_URLS)


def tag_response(response, tags):
    if settings.EDGE_TAG_HEADER and tags:
        response[settings.EDGE_TAG_HEADER] = " ".join(tags)


def purge(tags):
    """Ask the edge to drop every copy carrying one of `tags`. Never raises: an edge
    that does not answer keeps its copies until their s-maxage runs out."""
    if is_configured() and tags:
        _purger()(settings.EDGE_PURGE_URLS, tags)


@cache
def _purger():
    return import_string(settings.EDGE_PURGER)


def varnish_xkey_purge(urls, tags):
    """PURGE with an `xkey-purge` header, to each Varnish in `urls`."""
    for url in urls:
        request = urllib.request.Request(
            url, method="PURGE", headers={"xkey-purge": " ".join(tags)}
        )
        try:
            with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS) as answer:
                answer.read()
        except OSError as error:
            logger.warning("Purging %s at %s failed: %s", len(tags), url, error)

"""Work a page starts but its reader need not wait for: run once the response is sent.

WSGI servers send `request_finished` when they close the response, after its last byte
has gone out, so work queued while rendering runs then, in the same worker. Outside a
request (a shell, a management command) there is no one to wait: the work runs at once.
"""

import logging
import threading

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

# The work queued by the request this thread is serving, by key; None outside a request.
_state = threading.local()


def after_response(key, work):
    """Run `work()` once the current response is sent; work queued under the same `key`
    during one request runs once."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        work()
    else:
        pending.setdefault(key, work)


def _start(**kwargs):
    _state.pending = {}


def _finish(**kwargs):
    pending, _state.pending = getattr(_state, "pending", None) or {}, None
    for key, work in pending.items():
        try:
            work()
        except Exception:
            # The reader has their page: a failure here must not reach them, and the
            # next request that needs the work queues it again.
            logger.exception("Work after the response failed: %s", key)


request_started.connect(_start, dispatch_uid="after-response-start")
request_finished.connect(_finish, dispatch_uid="after-response-finish")

"""A token that every invalidation changes, readable without the database.

A page-cache hit asks the database whether any of the page's tags changed since it was
rendered (core/cache.py `first_invalidation_after`). Once asked, the answer holds for as
long as no invalidation has been written since: the copy remembers the token it was
checked at, and while the token is the same it is served with no query at all.

The token lives in a small file that every invalidation rewrites with random bytes. It
is shared by the processes of one host only, so it is used only where every process
serving the site is on one host and keeps its own local-memory cache:
`CACHE_GENERATION_FILE` (site_config/settings.py) is set by default beside a SQLite
database, and is never used with Redis, whose copies are shared between hosts.

Lost writes would serve stale pages, so a token that cannot be rewritten is removed:
with no file, every hit asks the database again.
"""

import logging
import os

from django.conf import settings

logger = logging.getLogger(__name__)

TOKEN_BYTES = 16


def current():
    """The token now, or None when there is none (every hit then asks the database).

    The file is opened afresh on every read, so one replaced or removed by hand is never
    read through a stale descriptor.
    """
    path = settings.CACHE_GENERATION_FILE
    if not path:
        return None
    try:
        with open(path, "rb") as file:
            token = file.read(TOKEN_BYTES)
    except FileNotFoundError:
        return _create(path)
    except OSError:
        return None
    return token if len(token) == TOKEN_BYTES else None


def _create(path):
    token = os.urandom(TOKEN_BYTES)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return None  # another process made it first: its token is read next time
    except OSError:
        logger.warning("Cannot create %s: every page-cache hit will ask the database.", path)
        return None
    with os.fdopen(descriptor, "wb") as file:
        file.write(token)
    return token


def advance():
    """Change the token: every copy checked before now is asked about again.

    Rewritten in place rather than replaced, in one write of a few bytes: a reader sees
    either the old token or the new one, or a mix of them, which differs from the old.
    """
    path = settings.CACHE_GENERATION_FILE
    if not path:
        return
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            os.pwrite(descriptor, os.urandom(TOKEN_BYTES), 0)
        finally:
            os.close(descriptor)
    except OSError:
        logger.exception("Cannot rewrite %s; removing it so no copy is served unchecked.", path)
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
        except OSError:
            logger.critical("Cannot remove %s either: cached pages may be served stale.", path)

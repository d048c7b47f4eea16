"""Liveness and readiness probes for load balancers and orchestrators."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

READINESS_KEY = "readyz-probe"


@never_cache
def healthz(request):
    """The process answers; touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """200 when the database and the cache both answer, 503 otherwise."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    status = 200 if all(checks.values()) else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "unavailable", **checks}, status=status
    )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _cache_answers():
    # django-redis with IGNORE_EXCEPTIONS returns None instead of raising when Redis is down.
    try:
        cache.set(READINESS_KEY, "1", 5)
        return cache.get(READINESS_KEY) == "1"
    except Exception:
        return False

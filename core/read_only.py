"""Reader-facing views answer GET and HEAD; any other method gets 405 with an Allow header."""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


def read_only(view):
    """`view`, refusing every method but GET and HEAD with 405 Method Not Allowed.

    CSRF protection guards only the methods refused here, and would otherwise answer
    a POST with 403 before the refusal: a reader's page has no form to protect.
    """
    return csrf_exempt(require_safe(view))

"""The server-error page, which tells a database outage (503, try again) from a bug (500)."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    """Django's handler500, called while the exception is being handled.

    Both pages render without a request context: no context processor, nothing that
    could touch the database that just failed. Their one inline style carries the
    Content-Security-Policy nonce (none when the failure came before django-csp ran,
    and then there is no policy either).
    """
    context = {"SITE_NAME": settings.SITE_NAME, "CSP_NONCE": getattr(request, "csp_nonce", "")}
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html", context))

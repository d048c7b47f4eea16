"""A URLconf for test_errors: one view that fails as a database outage does."""

from django.db import OperationalError
from django.urls import path


def outage(request):
    raise OperationalError("could not connect to server: Connection refused")


urlpatterns = [path("outage/", outage)]
handler500 = "core.errors.server_error"

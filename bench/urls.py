"""The site's URLs plus /bench/floor/: a constant response through the site's whole
middleware stack, the most requests a second any page of ours could hope for."""

from django.http import HttpResponse
from django.urls import path

from site_config import urls as site

handler500 = site.handler500

FLOOR_BODY = b"<!doctype html><title>floor</title><p>A constant page.</p>\n"


def floor(request):
    return HttpResponse(FLOOR_BODY)


urlpatterns = [path("bench/floor/", floor), *site.urlpatterns]

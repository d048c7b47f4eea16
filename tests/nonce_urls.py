"""A URLconf for test_security_headers: two cacheable pages, one asking for a CSP nonce."""

from django.http import HttpResponse
from django.urls import path

from core.page_cache import cache_anonymous_page


@cache_anonymous_page
def plain(request):
    return HttpResponse("<p>No inline code.</p>")


@cache_anonymous_page
def with_nonce(request):
    return HttpResponse(f'<style nonce="{request.csp_nonce}">p {{ color: teal }}</style>')


urlpatterns = [path("plain/", plain), path("with-nonce/", with_nonce)]

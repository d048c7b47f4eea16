"""Permissions-Policy and Cross-Origin-Resource-Policy on every response Django makes.

Content-Security-Policy comes from django-csp and the rest from Django's
SecurityMiddleware; these two have no home there. Both are fixed strings, built once.
"""

from django.conf import settings


def permissions_policy(features):
    """The header value for {feature: [origins, or the keyword "self"]}: an empty list
    denies the feature."""
    return ", ".join(
        f"{feature}=({' '.join(allowlist_item(origin) for origin in origins)})"
        for feature, origins in features.items()
    )


def allowlist_item(origin):
    """The header's syntax: origins are quoted strings, `self` a bare token."""
    return origin if origin == "self" else f'"{origin}"'


class SecurityHeadersMiddleware:
    """Add the two headers to every response that does not set them itself."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": permissions_policy(settings.PERMISSIONS_POLICY),
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response

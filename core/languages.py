"""Which language a request is answered in."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class LanguageMiddleware(LocaleMiddleware):
    """The reader's site takes its language from the URL (English at the root, Japanese
    under /ja/); the admin, which has no language in its URLs, from the editor's browser.

    Django's LocaleMiddleware answers every unprefixed URL in LANGUAGE_CODE when
    i18n_patterns(prefix_default_language=False) is used, the admin included, so a
    Japanese editor would always get an English admin.
    """

    def process_request(self, request):
        if not is_admin(request):
            return super().process_request(request)
        # The django_language cookie first, then Accept-Language, then LANGUAGE_CODE.
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not is_admin(request):
            # A reader's page is in the language of its URL, whatever the browser asks
            # for: Vary on Accept-Language would only split shared caches for nothing.
            vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
            kept = [v for v in vary if v.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            elif "Vary" in response:
                del response["Vary"]
        return response


def is_admin(request):
    return request.path_info.startswith(f"/{settings.ADMIN_URL}")

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
        if not request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            return super().process_request(request)
        # The django_language cookie first, then Accept-Language, then LANGUAGE_CODE.
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        return None

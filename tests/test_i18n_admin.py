"""The editors' admin in Japanese for a browser that asks for it, in English otherwise.

The admin is outside i18n_patterns: site_config.languages.LanguageMiddleware takes its
language from the browser's Accept-Language (or the django_language cookie)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

JAPANESE = {"HTTP_ACCEPT_LANGUAGE": "ja"}


def test_the_admin_follows_the_browsers_language(editor_client):
    page = editor_client.get(reverse("admin:index"), **JAPANESE).content.decode()
    assert '<html lang="ja"' in page
    assert "サイト管理" in page


def test_the_admin_is_english_by_default(editor_client):
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert '<html lang="en"' in page
    assert "Site administration" in page


def test_the_language_cookie_chooses_the_admins_language_too(editor_client, settings):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ja"
    page = editor_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "サイト管理" in page


def test_the_readers_site_ignores_the_browsers_language(client):
    """A reader's language is in the URL: English at the root, whatever the browser says."""
    html = client.get("/", **JAPANESE).content.decode()
    assert '<html lang="en">' in html

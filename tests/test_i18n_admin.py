"""The editors' admin in Japanese for a browser that asks for it, in English otherwise.

The admin is outside i18n_patterns: core.languages.LanguageMiddleware takes its
language from the browser's Accept-Language (or the django_language cookie)."""

from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from songs.models import Artist
from tests.factories import admin_url, form_data, image_bytes, make_article, make_artist

pytestmark = pytest.mark.django_db

JAPANESE = {"HTTP_ACCEPT_LANGUAGE": "ja"}


def scheduled_article():
    when = timezone.make_aware(datetime(2099, 4, 1, 9, 0))  # Asia/Tokyo, the site's zone
    return make_article("Songs for spring", when=when)


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


def test_article_list_speaks_japanese_to_a_japanese_browser(editor_client):
    scheduled_article()
    page = editor_client.get(admin_url(Article, "changelist"), **JAPANESE).content.decode()
    assert '<html lang="ja"' in page
    assert "今すぐ公開" in page  # the "Publish now" action
    assert "ステータス (Asia/Tokyo)" in page  # the status column, with the schedule
    assert "公開予定・2099年4月1日 09:00" in page
    assert "Publish now" not in page


def test_article_list_stays_english_by_default(editor_client):
    scheduled_article()
    page = editor_client.get(admin_url(Article, "changelist")).content.decode()
    assert "Publish now" in page
    assert "Scheduled · 1 Apr 2099, 09:00" in page
    assert "今すぐ公開" not in page


def test_article_form_labels_and_help_are_japanese(editor_client):
    article = scheduled_article()
    page = editor_client.get(admin_url(article), **JAPANESE).content.decode()
    assert "タイトル" in page
    assert "メイン画像の代替テキスト" in page
    assert "公開設定" in page  # the "Publishing" fieldset
    assert "未来の日時にすると公開予約になり" in page  # published_at's help text
    assert "2099年4月1日（水）09:00 (Asia/Tokyo)に公開予定です。" in page
    assert "Asia/Tokyoの時刻（UTC+09:00）" in page


def test_an_upload_error_is_japanese_for_a_japanese_editor(editor_client, media_root):
    data = form_data(editor_client.get(admin_url(Artist, "add"), **JAPANESE))
    data.update(
        name="Aimyon",
        photo_alt="The artist on stage",
        photo=SimpleUploadedFile("photo.bmp", image_bytes(image_format="BMP")),
    )
    response = editor_client.post(admin_url(Artist, "add"), data, **JAPANESE)
    errors = [str(error) for error in response.context["adminform"].form.errors["photo"]]
    assert errors == ["JPEG、PNG、WebP、GIFのいずれかの画像をアップロードしてください。"]
    assert not Artist.objects.exists()


def test_artist_kind_labels_are_translated(editor_client):
    make_artist("Yorushika", kind=Artist.Kind.GROUP)
    with translation.override("ja"):
        assert str(Artist.Kind.SOLO.label) == "ソロアーティスト"
    assert str(Artist.Kind.SOLO.label) == "Solo artist"
    page = editor_client.get(admin_url(Artist, "changelist"), **JAPANESE).content.decode()
    assert "グループ" in page


def test_admin_javascript_catalog_carries_our_words_in_japanese(editor_client):
    catalog = editor_client.get(reverse("admin:jsi18n"), **JAPANESE).content.decode()
    assert '"Move up": "\\u4e0a\\u3078"' in catalog  # 上へ
    assert "%(count)s\\u6587\\u5b57" in catalog  # %(count)s文字
    assert "Move up" not in editor_client.get(reverse("admin:jsi18n")).content.decode()


def test_the_catalog_loads_before_our_admin_scripts(editor_client):
    page = editor_client.get(admin_url(Article, "add")).content.decode()
    catalog = page.index(reverse("admin:jsi18n"))
    assert catalog < page.index("admin_ext/entry_order.js")
    assert catalog < page.index("admin_ext/character_count.js")

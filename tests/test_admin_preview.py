"""Preview: drafts and scheduled articles at their own URL, for those who may change them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tests.factories import (
    add_entries,
    admin_url,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    make_staff_user,
)

pytestmark = pytest.mark.django_db

BANNER = "Preview — not published"


@pytest.fixture(params=["draft", "scheduled"])
def unpublished_article(request):
    if request.param == "draft":
        article = make_article("Still a draft", published=False)
    else:
        article = make_article("Not yet", when=timezone.now() + timedelta(days=1))
    add_entries(article, [make_song("In the preview")])
    return article


def test_anonymous_reader_gets_404_for_an_unpublished_article(client, unpublished_article):
    assert client.get(unpublished_article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role_client", ["editor_client", "writer_client"])
def test_editors_and_writers_preview_with_a_banner(request, role_client, unpublished_article):
    client = request.getfixturevalue(role_client)
    response = client.get(unpublished_article.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert BANNER in page
    assert "In the preview" in page
    # The entries are the page's markup, not text showing it.
    assert '<ol class="entry-list"' in page
    assert "&lt;ol" not in page


def test_a_preview_is_private_and_not_indexed(editor_client, unpublished_article):
    response = editor_client.get(unpublished_article.get_absolute_url())
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex"


def test_a_published_article_is_not_marked_private(editor_client):
    response = editor_client.get(make_article("Live").get_absolute_url())
    assert "private" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response


def test_staff_without_change_permission_on_articles_gets_404(client, unpublished_article):
    staff = make_staff_user("catalogue-clerk")
    staff.user_permissions.add(Permission.objects.get(codename="change_song"))
    client.force_login(staff)
    assert client.get(unpublished_article.get_absolute_url()).status_code == 404


def test_logged_in_non_staff_user_gets_404(client, django_user_model, unpublished_article):
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(unpublished_article.get_absolute_url()).status_code == 404


def test_inactive_editor_gets_404(client, editor, unpublished_article):
    client.force_login(editor)
    editor.is_active = False
    editor.save()
    assert client.get(unpublished_article.get_absolute_url()).status_code == 404


def test_published_article_has_no_preview_banner(editor_client):
    article = make_article("Live")
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert BANNER not in response.content.decode()


def test_view_on_site_of_a_draft_leads_to_its_preview(editor_client):
    article = make_article("Draft", published=False)
    page = editor_client.get(admin_url(article)).content.decode()
    assert "View on site" in page
    response = editor_client.get(f"/admin/r/{content_type_id(article)}/{article.pk}/", follow=True)
    assert response.redirect_chain[-1][0].endswith(article.get_absolute_url())
    assert BANNER in response.content.decode()


def content_type_id(obj):
    return ContentType.objects.get_for_model(obj).pk


@pytest.mark.parametrize(
    "make",
    [
        lambda: make_artist("Aimyon"),
        lambda: make_song("Marigold"),
        lambda: make_mood("Nostalgic"),
        lambda: make_audience("Students"),
        lambda: make_article("Live"),
    ],
    ids=["artist", "song", "mood", "audience", "article"],
)
def test_every_model_with_a_page_has_view_on_site(editor_client, make):
    obj = make()
    page = editor_client.get(admin_url(obj)).content.decode()
    link = f'href="/admin/r/{content_type_id(obj)}/{obj.pk}/"'
    assert link in page
    assert "View on site" in page
    response = editor_client.get(f"/admin/r/{content_type_id(obj)}/{obj.pk}/")
    assert response.status_code == 302
    assert response.url.endswith(obj.get_absolute_url())
    assert editor_client.get(obj.get_absolute_url()).status_code == 200

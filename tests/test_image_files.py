"""A replaced or removed image leaves no file behind: its original and every rendition
are deleted from storage once the save commits, and a failed save deletes nothing."""

import pytest
import reversion
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from reversion.models import Version

from articles.models import Article
from songs.models import Artist
from tests.factories import (
    admin_url,
    form_data,
    form_errors,
    image_bytes,
    image_upload,
    make_article,
    make_artist,
)

pytestmark = pytest.mark.django_db


def stored_files(root):
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def files_of(article):
    article.refresh_from_db()
    names = {rendition.name for rendition in article.hero.webp + article.hero.jpeg}
    return names | {article.hero_image.name} if article.hero_image else names


def test_replacing_a_hero_image_deletes_the_old_original_and_renditions_on_commit(
    media_root, django_capture_on_commit_callbacks
):
    article = make_article(hero_image=image_upload("old.png", size=(1200, 600)), hero_alt="Old")
    old_files = files_of(article)
    assert len(old_files) == 7  # the original, and WebP and JPEG at 480, 960 and 1200 px

    with django_capture_on_commit_callbacks() as commit:
        article.hero_image = image_upload("new.png", size=(1000, 500), color=(0, 90, 200))
        article.save()
    assert old_files <= stored_files(media_root)  # nothing goes before the commit
    for callback in commit:
        callback()

    assert stored_files(media_root) == files_of(article)
    assert not old_files & stored_files(media_root)


def test_clearing_a_hero_image_in_the_admin_deletes_its_files(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    article = make_article(hero_image=image_upload("hero.png", size=(800, 400)), hero_alt="A")
    assert len(stored_files(media_root)) == 5
    data = form_data(editor_client.get(admin_url(article)))
    data.update({"hero_image-clear": "on", "hero_alt": ""})
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert not article.hero_image
    assert not article.hero
    # What is left is the cover drawn in its place (articles/covers.py).
    assert article.cover
    assert stored_files(media_root) == article.cover.file_names


def test_replacing_an_artist_photo_in_the_admin_keeps_only_the_new_files(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    artist = make_artist(photo=image_upload("me.png", size=(600, 600)), photo_alt="Portrait")
    old_files = stored_files(media_root)
    data = form_data(editor_client.get(admin_url(artist)))
    data["photo"] = SimpleUploadedFile("new.jpg", image_bytes((700, 700), "JPEG"))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(admin_url(artist), data)
    assert response.status_code == 302, form_errors(response)
    artist = Artist.objects.get(pk=artist.pk)
    kept = {r.name for r in artist.portrait.webp + artist.portrait.jpeg} | {artist.photo.name}
    assert stored_files(media_root) == kept
    assert not old_files & kept


def test_a_save_that_fails_deletes_nothing(media_root, django_capture_on_commit_callbacks):
    article = make_article(hero_image=image_upload("hero.png", size=(800, 400)), hero_alt="A")
    old_files = files_of(article)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        article.hero_image = image_upload("new.png", size=(900, 450))
        article.save()
        raise RuntimeError("the rest of the edit failed")
    assert old_files <= stored_files(media_root)
    assert files_of(Article.objects.get(pk=article.pk)) == old_files


def test_a_save_that_keeps_the_image_deletes_nothing(
    media_root, django_capture_on_commit_callbacks
):
    article = make_article(hero_image=image_upload("hero.png", size=(800, 400)), hero_alt="A")
    before = stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Renamed"
        article.save()
    assert stored_files(media_root) == before == files_of(article)


def test_restoring_a_version_whose_image_was_replaced_shows_no_image_rather_than_a_broken_one(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    with reversion.create_revision():
        article = make_article(hero_image=image_upload("old.png", size=(800, 400)), hero_alt="A")
    with django_capture_on_commit_callbacks(execute=True), reversion.create_revision():
        article.hero_image = image_upload("new.png", size=(900, 450))
        article.save()
    first_version = Version.objects.get_for_object(article).last()

    # History › the first version › Save, as an editor restores it.
    url = admin_url(Article, "revision", article.pk, first_version.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, form_data(editor_client.get(url)))
    assert response.status_code == 302, form_errors(response)

    article.refresh_from_db()
    assert not article.hero_image
    assert not article.hero
    # The replacement went with the restore; the cover drawn in its place is all there is.
    assert article.cover
    assert stored_files(media_root) == article.cover.file_names

"""export_content and import_content: an archive restores the content exactly (rows with
their keys, tag links, history, bylines, media files byte for byte, the same pages), and a
damaged or foreign archive, or a database that has content, is refused with a message and
nothing changed."""

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import connection
from django.test import Client
from reversion.models import Revision, Version

from articles.backups import content_models
from articles.models import Article
from articles.related_models import RelatedPick
from articles.tag_models import TaggedArticleAudience, TaggedArticleMood
from core.backups import with_history
from songs.models import Artist, Song, TaggedSongAudience, TaggedSongMood
from tests.factories import (
    add_entries,
    admin_url,
    box,
    form_data,
    form_errors,
    image_bytes,
    make_article,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db

MAGAZINE_ARTICLES = 200
TAG_LINKS = (TaggedSongMood, TaggedSongAudience, TaggedArticleMood, TaggedArticleAudience)


def export(path):
    err = io.StringIO()
    call_command("export_content", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def restore(path):
    err = io.StringIO()
    call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def delete_all_content(media_root):
    """Leave the database as a new one is, without its content: plain DELETEs (no signal,
    no cache invalidation: the import must make the cached pages stale itself), the key
    sequences back at 1, and no media files."""
    models = with_history(content_models())
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    shutil.rmtree(media_root, ignore_errors=True)


def every_row():
    """Every row of every exported model, every column, by model."""
    return {
        model._meta.label_lower: list(
            model._base_manager.order_by("pk").values_list(
                *(f.attname for f in model._meta.concrete_fields)
            )
        )
        for model in with_history(content_models())
    }


def tag_pairs():
    return {
        (links._meta.label_lower, object_id, tag)
        for links in TAG_LINKS
        for object_id, tag in links.objects.values_list("content_object_id", "tag__name")
    }


def media_files(media_root):
    return {
        path.relative_to(media_root).as_posix(): path.read_bytes()
        for path in Path(media_root).rglob("*")
        if path.is_file()
    }


def page(url):
    """An article page as an anonymous reader gets it, rendered afresh."""
    cache.clear()
    response = Client().get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return response.content.decode()


def save_in_admin(client, url, **changes):
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)


def hero(color):
    return SimpleUploadedFile("hero.png", image_bytes((640, 320), color=color))


@pytest.fixture
def magazine(editor_client, media_root):
    """200 synthetic articles, and images uploaded through the admin: two artists' photos
    and two short lists' hero images, one of them replaced, so that an earlier version of
    that list refers to a file no current row does; a related pick and a draft besides.
    The pages to compare: the two lists with pictures and a synthetic one."""
    call_command("make_bulk", "--articles", str(MAGAZINE_ARTICLES), stdout=io.StringIO())
    artists = Artist.objects.order_by("pk")[:2]
    for artist, color in zip(artists, [(10, 90, 200), (240, 200, 0)], strict=True):
        save_in_admin(
            editor_client,
            admin_url(artist),
            photo=SimpleUploadedFile("photo.jpg", image_bytes((500, 500), "JPEG", color)),
            photo_alt=f"{artist.name} on stage",
        )
    synthetic = Article.objects.order_by("pk").first()
    songs = list(Song.objects.filter(artist__in=artists)[:4])
    assert len(songs) == 4
    pictured = [make_article(title, author=synthetic.author) for title in ["Rain", "Stage"]]
    for article in pictured:
        add_entries(article, songs)
    rain, stage = pictured
    save_in_admin(
        editor_client,
        admin_url(rain),
        hero_image=hero((200, 30, 60)),
        **{box(Article, "hero_alt"): "Rain"},
    )
    save_in_admin(
        editor_client,
        admin_url(rain),
        hero_image=hero((30, 200, 60)),
        **{box(Article, "hero_alt"): "Sun"},
    )
    save_in_admin(
        editor_client,
        admin_url(stage),
        hero_image=hero((90, 90, 90)),
        **{box(Article, "hero_alt"): "A stage"},
        **{
            "pick_links-TOTAL_FORMS": "1",
            "pick_links-0-position": "1",
            "pick_links-0-to_article": str(synthetic.pk),
        },
    )
    add_entries(make_article("Not yet", published=False), songs)
    return [rain, stage, synthetic]


def test_a_magazine_comes_back_exactly_from_its_archive(magazine, media_root, tmp_path):
    assert Article.objects.count() == MAGAZINE_ARTICLES + 3
    assert RelatedPick.objects.exists() and Version.objects.exists()
    assert Song.featured_artists.through.objects.exists()
    rows, pairs, files = every_row(), tag_pairs(), media_files(media_root)
    # 5 uploads (one replaced, still on disk), each with WebP and JPEG in 2 widths.
    assert len(files) == 5 * (1 + 2 * 2)
    urls = [article.get_absolute_url() for article in magazine]
    pages = [page(url) for url in urls]
    rain = Article.objects.get(pk=magazine[0].pk)
    assert rain.hero.largest_jpeg.url in pages[0]
    archive = tmp_path / "content.zip"
    assert export(archive) == ""

    delete_all_content(media_root)
    assert not Article.objects.exists() and media_files(media_root) == {}
    assert restore(archive) == ""

    assert {label: len(r) for label, r in every_row().items()} == {
        label: len(r) for label, r in rows.items()
    }
    assert every_row() == rows
    assert tag_pairs() == pairs
    assert media_files(media_root) == files
    assert [page(url) for url in urls] == pages


def test_a_natural_primary_key_dump_cannot_restore_tag_links_and_our_archive_does(
    media_root, tmp_path
):
    sad, happy, students = make_mood("Sad"), make_mood("Happy"), make_audience("Students")
    songs = [
        make_song("One", moods=[sad, happy], audiences=[students]),
        make_song("Two", moods=[sad]),
        make_song("Three", moods=[happy], audiences=[students]),
    ]
    article = make_article()
    article.moods.set([sad, happy])
    article.audiences.set([students])
    add_entries(article, songs)
    pairs = tag_pairs()
    assert len(pairs) == 9

    fixture, archive = tmp_path / "content.json", tmp_path / "content.zip"
    call_command(
        "dumpdata", "songs", "articles", "--natural-foreign", "--natural-primary",
        output=str(fixture), verbosity=0,
    )  # fmt: skip
    export(archive)
    delete_all_content(media_root)

    # django-taggit gives its link models a natural key, so --natural-primary writes the
    # links without their keys, and their natural key names no row: loaddata cannot
    # bring them back.
    dumped = json.loads(fixture.read_text())
    links = [row for row in dumped if row["model"].split(".")[1].startswith("tagged")]
    assert len(links) == 9 and not any("pk" in row for row in links)
    with pytest.raises(DeserializationError):
        call_command("loaddata", str(fixture), verbosity=0)
    assert tag_pairs() == set()

    restore(archive)
    assert tag_pairs() == pairs


def test_rows_added_after_an_import_get_keys_of_their_own(media_root, tmp_path):
    song = make_song("Lemon", moods=[make_mood()])
    article = make_article()
    add_entries(article, [song])
    archive = tmp_path / "content.zip"
    export(archive)
    delete_all_content(media_root)
    restore(archive)

    # Without the sequences reset after the import, PostgreSQL would number these from 1
    # again, into the restored rows' keys.
    new_song = make_song("Eine Kleine", moods=[make_mood("Uplifting")])
    new_article = make_article("Another list")
    new_entry, *_ = add_entries(new_article, [new_song, song])
    assert new_song.pk > song.pk and new_article.pk > article.pk
    assert new_entry.pk > article.entries.get().pk


def test_bylines_and_history_find_their_users_by_username(editor, media_root, tmp_path):
    author = get_user_model().objects.create_user("mika", first_name="Mika", last_name="Aoi")
    article = make_article(author=author)
    with reversion.create_revision():
        reversion.set_user(editor)
        article.save()
    archive = tmp_path / "content.zip"
    export(archive)
    delete_all_content(media_root)

    # Another site's users: the byline's old key now belongs to someone else.
    old_author_key = author.pk
    get_user_model().objects.filter(pk__in=[author.pk, editor.pk]).delete()
    get_user_model().objects.create_user("intruder", pk=old_author_key)
    editor_here = get_user_model().objects.create_user(editor.username, first_name="Ed")
    restore(archive)

    restored = Article.objects.get(pk=article.pk)
    assert restored.author.username == "mika"
    assert restored.author.get_full_name() == "Mika Aoi"
    assert restored.author.pk != old_author_key
    assert not restored.author.has_usable_password()
    version = Version.objects.get_for_object(restored).get()
    assert version.revision.user == editor_here
    assert version.field_dict["author_id"] == restored.author.pk


def test_pages_cached_before_an_import_are_stale_after_it(client, media_root, tmp_path):
    article = make_article()
    add_entries(article, [make_song()])
    archive = tmp_path / "content.zip"
    export(archive)
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    delete_all_content(media_root)
    restore(archive)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_an_import_into_a_database_with_content_is_refused(media_root, tmp_path):
    make_article("Already here")
    archive = tmp_path / "content.zip"
    export(archive)
    with pytest.raises(CommandError, match="already holds content"):
        restore(archive)
    assert list(Article.objects.values_list("title", flat=True)) == ["Already here"]


def test_an_export_does_not_overwrite_a_file(tmp_path):
    archive = tmp_path / "content.zip"
    archive.write_bytes(b"yesterday's backup")
    with pytest.raises(CommandError, match="already exists"):
        export(archive)
    assert archive.read_bytes() == b"yesterday's backup"


def test_an_export_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"Could not write .*: No such file or directory"):
        export(tmp_path / "no-such-folder" / "content.zip")


def test_a_media_file_missing_from_storage_is_reported_and_the_rest_exported(
    editor_client, media_root, tmp_path
):
    artist = make_song().artist
    photo = SimpleUploadedFile("photo.png", image_bytes((600, 600)))
    save_in_admin(editor_client, admin_url(artist), photo=photo, photo_alt="On stage")
    artist.refresh_from_db()
    lost = artist.portrait.webp[0].name
    (Path(media_root) / lost).unlink()
    archive = tmp_path / "content.zip"
    assert lost in export(archive)
    files = media_files(media_root)

    delete_all_content(media_root)
    assert lost in restore(archive)
    assert media_files(media_root) == files


# --- Archives refused ---------------------------------------------------------------------


@pytest.fixture
def archive(editor_client, media_root, tmp_path):
    """An archive of one article with a hero image; the database emptied after it."""
    article = make_article()
    add_entries(article, [make_song()])
    save_in_admin(
        editor_client,
        admin_url(article),
        hero_image=hero((1, 2, 3)),
        **{box(Article, "hero_alt"): "Dots"},
    )
    path = tmp_path / "content.zip"
    export(path)
    delete_all_content(media_root)
    return path


def rewritten(path, change_manifest=None, extra=None, change_rows=None):
    """A copy of the archive `path` with its manifest changed, files added, and the rows of
    one model changed: `change_rows` is (label, function changing one row's dict)."""
    copy = path.with_name("changed.zip")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "manifest.json" and change_manifest:
                manifest = json.loads(content)
                change_manifest(manifest)
                content = json.dumps(manifest)
            if change_rows and name == f"data/{change_rows[0]}.jsonl":
                rows = [json.loads(line) for line in content.splitlines()]
                for row in rows:
                    change_rows[1](row)
                content = "\n".join(json.dumps(row) for row in rows)
            target.writestr(name, content)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return copy


def refused(path, message, media_root):
    with pytest.raises(CommandError, match=message):
        restore(path)
    assert not Article.objects.exists() and not Revision.objects.exists()
    assert media_files(media_root) == {}


def test_a_truncated_archive_is_refused(archive, media_root):
    content = archive.read_bytes()
    archive.write_bytes(content[: len(content) // 2])
    refused(archive, "not a readable zip file", media_root)


def test_a_damaged_media_file_is_refused(archive, media_root):
    with zipfile.ZipFile(archive) as opened:
        image = next(n for n in opened.namelist() if n.startswith("media/articles/"))
        image_bytes_ = opened.read(image)
    content = bytearray(archive.read_bytes())
    at = content.find(image_bytes_[40:80]) + 10  # images are stored as they are
    content[at] ^= 0xFF
    archive.write_bytes(bytes(content))
    refused(archive, r"damaged: media/articles/.* fails its checksum", media_root)


def test_a_zip_of_something_else_is_refused(media_root, tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as other:
        other.writestr("holiday.txt", "not content")
    refused(
        path, "not a content archive made by export_content: it has no manifest.json", media_root
    )


def test_an_archive_of_another_kind_is_refused(archive, media_root):
    other = rewritten(archive, lambda manifest: manifest.update(format="someone-elses"))
    refused(other, "describes something else", media_root)


def test_an_archive_from_another_schema_is_refused(archive, media_root):
    def older(manifest):
        manifest["migrations"]["articles"].pop()

    refused(rewritten(archive, older), "another version of the database schema", media_root)


def test_an_archive_with_files_its_manifest_does_not_list_is_refused(archive, media_root):
    other = rewritten(archive, extra={"media/evil.html": "<script>alert(1)</script>"})
    refused(other, "does not hold what its manifest lists", media_root)


def test_an_archive_carrying_media_no_content_refers_to_is_refused(archive, media_root):
    def listed(manifest):
        manifest["media"]["evil.html"] = {"bytes": 25, "sha256": "0" * 64}

    other = rewritten(archive, listed, extra={"media/evil.html": "<script>alert(1)</script>"})
    refused(other, "a media file no content refers to: evil.html", media_root)


def test_an_archive_whose_rows_point_at_rows_it_lacks_is_refused(archive, media_root):
    def elsewhere(entry):
        entry["fields"]["song"] = 999_999

    other = rewritten(archive, change_rows=("articles.entry", elsewhere))
    refused(other, "rows do not fit this database", media_root)


def test_media_written_before_a_damaged_file_is_found_are_removed_again(archive, media_root):
    def last_file_damaged(manifest):
        last = sorted(manifest["media"])[-1]
        manifest["media"][last]["sha256"] = "0" * 64

    refused(rewritten(archive, last_file_damaged), "does not match the manifest", media_root)


def test_a_bad_archive_is_refused_on_the_command_line_without_a_traceback(tmp_path):
    path = tmp_path / "content.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_content", str(path)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "SECRET_KEY": "test-only-secret-key"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("CommandError:")
    assert "not a readable zip file" in result.stderr
    assert "Traceback" not in result.stderr

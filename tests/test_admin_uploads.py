"""Image uploads through the admin: real images only, within size, with alt text.
Every bad file is a form error on its field, never a 500, and nothing is stored."""

import io
import os
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from songs.models import Artist
from tests.factories import admin_url, box, form_data, form_errors, image_bytes, make_artist

pytestmark = pytest.mark.django_db


def png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_claiming(width, height):
    """A valid, tiny PNG whose header claims width×height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + png_chunk(b"IEND", b"")
    )


def noise_png(side):
    """A real PNG of random pixels: it does not compress, so its size follows `side`."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(
        buffer, format="PNG", compress_level=0
    )
    return buffer.getvalue()


def truncated_png():
    whole = noise_png(64)
    return whole[: len(whole) // 2]


def huge_real_png():
    """A real 7000×6000 image (42 megapixels); one bit a pixel keeps it small in memory."""
    buffer = io.BytesIO()
    Image.new("1", (7000, 6000), 1).save(buffer, format="PNG")
    return buffer.getvalue()


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload_artist_photo(client, name, content, alt="The artist on stage"):
    data = form_data(client.get(admin_url(Artist, "add")))
    data.update({box(Artist, "name"): "Aimyon"})
    data.update(photo_alt=alt, photo=SimpleUploadedFile(name, content))
    return client.post(admin_url(Artist, "add"), data)


def photo_errors(response):
    assert response.status_code == 200, "a bad upload must come back as the form, with errors"
    return [str(error) for error in response.context["adminform"].form.errors.get("photo", [])]


def test_a_text_file_named_jpg_is_refused(editor_client, media_root):
    response = upload_artist_photo(editor_client, "photo.jpg", b"Not an image, just text.\n")
    assert photo_errors(response)
    assert not Artist.objects.exists()
    assert stored_files(media_root) == []


def test_a_truncated_png_is_refused(editor_client, media_root):
    response = upload_artist_photo(editor_client, "photo.png", truncated_png())
    assert photo_errors(response)
    assert not Artist.objects.exists()
    assert stored_files(media_root) == []


# In production Pillow only warns about a "decompression bomb"; the test settings turn
# warnings into errors, so let it warn here, as it would in production.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_tiny_png_claiming_10000_by_10000_pixels_is_refused(editor_client, media_root):
    content = png_claiming(10_000, 10_000)
    assert len(content) < 100
    response = upload_artist_photo(editor_client, "small.png", content)
    assert photo_errors(response) == ["The image is larger than 40 megapixels."]
    assert stored_files(media_root) == []


def test_a_real_7000_by_6000_image_is_refused(editor_client, media_root):
    response = upload_artist_photo(editor_client, "big.png", huge_real_png())
    assert photo_errors(response) == ["The image is larger than 40 megapixels."]
    assert stored_files(media_root) == []


def test_an_image_over_10_mb_is_refused(editor_client, media_root):
    content = noise_png(1900)
    assert len(content) > 10 * 1024 * 1024
    response = upload_artist_photo(editor_client, "heavy.png", content)
    assert photo_errors(response) == ["The image is larger than 10 MB."]
    assert stored_files(media_root) == []


def test_a_photo_needs_alt_text(editor_client, media_root):
    response = upload_artist_photo(editor_client, "photo.png", image_bytes(), alt="  ")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["photo_alt"] == ["Describe the image for readers who cannot see it."]
    assert stored_files(media_root) == []


def test_a_good_photo_is_stored_under_a_random_name_with_its_real_type(editor_client, media_root):
    # A PNG sent with a .jpg name and a personal file name.
    response = upload_artist_photo(editor_client, "IMG_my_home_address.jpg", image_bytes())
    assert response.status_code == 302, form_errors(response)
    artist = Artist.objects.get()
    assert artist.photo.name.startswith("artists/")
    assert artist.photo.name.endswith(".png")
    assert "address" not in artist.photo.name
    # The upload itself, under artists/ (renditions are stored beside it, under renditions/).
    assert len(stored_files(media_root / "artists")) == 1


def test_two_photos_with_one_name_do_not_overwrite_each_other(editor_client, media_root):
    upload_artist_photo(editor_client, "photo.png", image_bytes(color=(1, 2, 3)))
    make_artist("Someone")  # a second artist needs a distinct name and slug
    data = form_data(editor_client.get(admin_url(Artist, "add")))
    data.update(
        **{box(Artist, "name"): "Yorushika"},
        photo_alt="The band",
        photo=SimpleUploadedFile("photo.png", image_bytes(color=(4, 5, 6))),
    )
    editor_client.post(admin_url(Artist, "add"), data)
    names = set(Artist.objects.exclude(photo="").values_list("photo", flat=True))
    assert len(names) == 2
    assert len(stored_files(media_root / "artists")) == 2


def test_the_artist_admin_shows_the_photo_thumbnail_and_aliases(editor_client, media_root):
    upload_artist_photo(editor_client, "photo.png", image_bytes())
    artist = Artist.objects.get()
    artist.aliases = "あいみょん, Aimyon"
    artist.save()
    changelist = editor_client.get(admin_url(Artist, "changelist")).content.decode()
    assert f'src="{artist.photo.url}"' in changelist
    assert "あいみょん, Aimyon" in changelist
    change = editor_client.get(admin_url(artist)).content.decode()
    preview = f'class="admin-photo-preview" src="{artist.photo.url}" alt="The artist on stage"'
    assert preview in change


def test_a_bad_hero_image_is_refused_on_the_article_form(editor_client, media_root):
    data = form_data(editor_client.get(admin_url(Article, "add")))
    data.update(
        **{box(Article, "title"): "With a hero", box(Article, "hero_alt"): "A rainy street"},
        hero_image=SimpleUploadedFile("hero.jpg", b"GIF89a but not really"),
    )
    response = editor_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["hero_image"]
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_a_hero_image_needs_alt_text_in_one_language(editor_client, media_root):
    data = form_data(editor_client.get(admin_url(Article, "add")))
    data.update(
        **{box(Article, "title"): "With a hero"},
        hero_image=SimpleUploadedFile("hero.png", image_bytes(), content_type="image/png"),
    )
    response = editor_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    for language in ("en", "ja"):
        assert errors[f"hero_alt_{language}"] == [
            "Describe the image for readers who cannot see it."
        ]
    assert not Article.objects.exists()

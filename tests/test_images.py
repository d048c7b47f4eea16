import re

import pytest
from PIL import Image

from tests.conftest import image_upload, make_article, make_artist

pytestmark = pytest.mark.django_db


def test_hero_image_gets_webp_and_jpeg_renditions_in_several_widths(media_root):
    article = make_article(
        hero_image=image_upload("hero.png", size=(2000, 1000)), hero_alt="A stage"
    )
    renditions = article.hero_renditions
    assert [width for width, _ in renditions["webp"]] == [480, 960, 1600]
    assert (renditions["width"], renditions["height"]) == (1600, 800)
    for width, name in renditions["webp"] + renditions["jpeg"]:
        with Image.open(media_root / name) as image:
            assert image.width == width
            assert image.format in {"WEBP", "JPEG"}


def test_small_image_is_not_enlarged(media_root):
    article = make_article(hero_image=image_upload("small.png", size=(300, 200)), hero_alt="Small")
    assert [w for w, _ in article.hero_renditions["jpeg"]] == [300]


def test_article_page_serves_a_responsive_picture_not_the_original(client, media_root):
    article = make_article(
        hero_image=image_upload("hero.png", size=(1200, 600)), hero_alt="A stage"
    )
    html = client.get(article.get_absolute_url()).text
    picture = re.search(r"<picture.*?</picture>", html, re.S).group(0)
    assert 'type="image/webp"' in picture
    assert 'width="1200" height="600"' in picture
    assert 'alt="A stage"' in picture
    assert " 480w" in picture
    assert article.hero_image.url not in html


def test_renditions_are_kept_while_the_image_is_unchanged(media_root):
    article = make_article(hero_image=image_upload("hero.png", size=(800, 400)), hero_alt="A")
    before = article.hero_renditions
    article.title = "Renamed"
    article.save()
    assert article.hero_renditions == before


def test_artist_photo_is_shown_as_a_picture_with_alt_text(client, media_root):
    artist = make_artist(photo=image_upload("me.png", size=(600, 600)), photo_alt="Portrait")
    html = client.get(artist.get_absolute_url()).text
    assert "<picture" in html
    assert 'alt="Portrait"' in html

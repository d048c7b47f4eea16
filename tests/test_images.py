import importlib
import re

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Article
from core.renditions import Renditions
from tests.factories import image_upload, make_article, make_artist, update_bypassing_save

pytestmark = pytest.mark.django_db


def test_hero_image_gets_webp_and_jpeg_renditions_in_several_widths(media_root):
    article = make_article(
        hero_image=image_upload("hero.png", size=(2000, 1000)), hero_alt="A stage"
    )
    hero = article.hero
    assert [rendition.width for rendition in hero.webp] == [480, 960, 1600]
    assert (hero.width, hero.height) == (1600, 800)
    for rendition in hero.webp + hero.jpeg:
        with Image.open(media_root / rendition.name) as image:
            assert image.width == rendition.width
            assert image.format in {"WEBP", "JPEG"}


def test_small_image_is_not_enlarged(media_root):
    article = make_article(hero_image=image_upload("small.png", size=(300, 200)), hero_alt="Small")
    assert [rendition.width for rendition in article.hero.jpeg] == [300]


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
    before = article.hero
    article.title = "Renamed"
    article.save()
    assert article.hero == before


def test_artist_photo_is_shown_as_a_picture_with_alt_text(client, media_root):
    artist = make_artist(photo=image_upload("me.png", size=(600, 600)), photo_alt="Portrait")
    html = client.get(artist.get_absolute_url()).text
    assert "<picture" in html
    assert 'alt="Portrait"' in html


def test_each_rendition_stores_its_size_in_bytes(media_root):
    article = make_article(hero_image=image_upload("hero.png", size=(1000, 500)), hero_alt="A")
    for rendition in article.hero.webp + article.hero.jpeg:
        assert rendition.size == (media_root / rendition.name).stat().st_size > 0


def test_an_article_without_hero_image_has_no_renditions():
    article = make_article()
    assert not article.hero
    assert article.hero.largest_jpeg is None
    assert article.hero_renditions == {}


def test_renditions_stored_before_sizes_were_read_as_unknown_size():
    stored = {
        "source": "articles/hero.png",
        "width": 960,
        "height": 480,
        "webp": [[480, "renditions/hero-480.webp"], [960, "renditions/hero-960.webp"]],
        "jpeg": [[480, "renditions/hero-480.jpg"], [960, "renditions/hero-960.jpg"]],
    }
    hero = Renditions.from_json(stored)
    assert hero.largest_jpeg.name == "renditions/hero-960.jpg"
    assert hero.largest_jpeg.size == 0
    assert (hero.width, hero.height) == (960, 480)


def test_the_data_migration_fills_in_the_sizes_of_existing_renditions(media_root):
    article = make_article(hero_image=image_upload("hero.png", size=(1000, 500)), hero_alt="A")
    stored = article.hero_renditions
    without_sizes = {
        **stored,
        "webp": [[width, name] for width, name, _ in stored["webp"]],
        "jpeg": [[width, name] for width, name, _ in stored["jpeg"]],
    }
    update_bypassing_save(Article.objects.all(), hero_renditions=without_sizes)
    default_storage.delete(stored["webp"][0][1])  # gone from storage: size unknown

    migration = importlib.import_module("articles.migrations.0010_hero_rendition_sizes")
    migration.add_sizes(apps, schema_editor=None)

    hero = Article.objects.get().hero
    assert hero.webp[0].size == 0
    assert [r.size for r in hero.webp[1:] + hero.jpeg] == [
        (media_root / r.name).stat().st_size for r in hero.webp[1:] + hero.jpeg
    ]

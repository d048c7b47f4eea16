"""load_demo in both languages: the Japanese edition goes into the Japanese columns, and
the seed article reads in Japanese under /ja/."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.html import escape

from articles.demo.japanese_articles import ARTICLES_JA
from articles.models import Article, Entry
from songs.models import Artist, Mood, Song

pytestmark = pytest.mark.django_db

SEED = "songs-for-when-you-want-to-cry"


def test_the_seed_article_reads_in_japanese_under_ja(client, demo):
    page = client.get(f"/ja/articles/{SEED}/").content.decode()
    assert f"<h1>{escape(ARTICLES_JA[SEED]['title'])}</h1>" in page
    assert ">米津玄師</a>" in page and ">アイネクライネ</a>" in page
    assert ">Mr.Children</a>" in page and ">終わりなき旅</a>" in page
    assert "2014年に発表された米津玄師の「アイネクライネ」" in page
    assert "Kenshi Yonezu</a>" not in page


def test_the_seed_article_reads_in_english_at_the_root(client, demo):
    page = client.get(f"/articles/{SEED}/").content.decode()
    assert ">Kenshi Yonezu</a>" in page and ">Eine Kleine</a>" in page
    assert "米津玄師</a>" not in page


def test_every_demo_article_and_entry_has_both_languages(demo):
    assert not Article.objects.filter(title_ja__isnull=True).exists()
    assert not Entry.objects.filter(commentary_ja__isnull=True).exists()
    assert not Entry.objects.filter(commentary_html_ja="").exists()


def test_artists_carry_their_japanese_name_and_reading(demo):
    yonezu = Artist.objects.get(slug="kenshi-yonezu")
    assert (yonezu.name_en, yonezu.name_ja, yonezu.name_kana) == (
        "Kenshi Yonezu",
        "米津玄師",
        "よねづけんし",
    )
    assert Song.objects.get(slug="eine-kleine").title_ja == "アイネクライネ"
    assert Mood.objects.get(slug="tearjerker").label_ja == "泣ける歌"


def test_load_demo_again_keeps_a_translators_edit_unless_reset(demo):
    article = Article.objects.get(slug=SEED)
    article.title_ja = "編集部の見出し"
    article.save()
    call_command("load_demo", stdout=StringIO())
    assert Article.objects.get(pk=article.pk).title_ja == "編集部の見出し"
    call_command("load_demo", "--reset", stdout=StringIO())
    assert Article.objects.get(pk=article.pk).title_ja == ARTICLES_JA[SEED]["title"]


def test_load_demo_reset_changes_nothing_the_second_time(demo):
    before = {a.pk: a.updated_at for a in Article.objects.all()}
    call_command("load_demo", "--reset", stdout=StringIO())
    assert {a.pk: a.updated_at for a in Article.objects.all()} == before

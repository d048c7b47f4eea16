from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Entry
from articles.related_models import RelatedPick
from songs.models import Artist, Audience, Mood, Song

pytestmark = pytest.mark.django_db

DEMO_MODELS = [Artist, Song, Mood, Audience, Article, Entry, RelatedPick]


def demo_counts():
    counts = {model.__name__: model.objects.count() for model in DEMO_MODELS}
    counts["song tags"] = sum(s.moods.count() + s.audiences.count() for s in Song.objects.all())
    return counts


def test_load_demo_twice_gives_the_same_content():
    call_command("load_demo", stdout=StringIO())
    first = demo_counts()
    call_command("load_demo", stdout=StringIO())
    assert demo_counts() == first
    assert first["Article"] == 15  # the seed, its 13 related lists, and one of 20 songs
    assert first["Song"] == 20


def test_load_demo_again_keeps_an_editors_changes_unless_reset():
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get(slug="songs-for-when-you-want-to-cry")
    article.title = "Edited by an editor"
    article.save()
    call_command("load_demo", stdout=StringIO())
    assert Article.objects.get(pk=article.pk).title == "Edited by an editor"
    call_command("load_demo", "--reset", stdout=StringIO())
    assert Article.objects.get(pk=article.pk).title.startswith("[For When You Want to Cry]")


def test_load_demo_reset_twice_gives_the_same_content():
    call_command("load_demo", stdout=StringIO())
    first = demo_counts()
    call_command("load_demo", "--reset", stdout=StringIO())
    assert demo_counts() == first


def test_demo_article_has_the_seven_seed_songs_in_order():
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get(slug="songs-for-when-you-want-to-cry")
    titles = [entry.song.title for entry in article.entries.select_related("song")]
    assert titles == [
        "Eine Kleine",
        "Endless Journey",
        "Sparkle",
        "Soranji",
        "Unchanging Things",
        "One more time, One more chance",
        "Even If It's One of a Kind",
    ]
    new_entries = [entry.song.title for entry in article.entries.all() if entry.is_new()]
    assert new_entries == ["Even If It's One of a Kind"]


def test_every_demo_article_is_published():
    call_command("load_demo", stdout=StringIO())
    assert Article.objects.published().count() == Article.objects.count() == 15


def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_system_checks_pass():
    call_command("check", stdout=StringIO())


def test_create_editor_prints_the_password_once():
    out = StringIO()
    call_command("create_editor", stdout=out)
    assert "password:" in out.getvalue()
    again = StringIO()
    call_command("create_editor", stdout=again)
    assert "already exists" in again.getvalue()

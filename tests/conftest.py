import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from articles.models import Article, ContentVersion, Entry
from songs.models import Artist, Audience, Mood, Song


@pytest.fixture(autouse=True)
def _fresh_state():
    # The cache may be a shared Redis: no test sees another's pages.
    cache.clear()
    # A request under /ja/ leaves Japanese active in this thread (a server sets the
    # language afresh for each request); each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_artist(name="Kenshi Yonezu", **fields):
    return Artist.objects.create(name=name, **fields)


def make_song(title="Eine Kleine", artist=None, moods=(), audiences=(), **fields):
    song = Song.objects.create(
        title=title, artist=artist or make_artist(f"Artist of {title}"), **fields
    )
    song.moods.set(moods)
    song.audiences.set(audiences)
    return song


def make_article(title="Songs for when you want to cry", *, published=True, when=None, **fields):
    if published:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", when or timezone.now() - timedelta(days=1))
    return Article.objects.create(title=title, **fields)


def add_entries(article, songs, added_at=None):
    return [
        Entry.objects.create(
            article=article,
            song=song,
            position=position,
            commentary=f"Why {song.title} belongs here.",
            added_at=added_at or timezone.now() - timedelta(days=90),
        )
        for position, song in enumerate(songs, start=1)
    ]


def make_mood(name="Tear-jerking"):
    return Mood.objects.create(name=name)


def make_audience(name="Women in their 40s"):
    return Audience.objects.create(name=name)


def image_bytes(size=(64, 48), image_format="PNG", color=(200, 30, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    return buffer.getvalue()


def image_upload(name="photo.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def update_bypassing_save(queryset, **fields):
    """Write as an import script or a SQL console does: QuerySet.update(), no save(), no
    signals. Such writers must bump the content version themselves, as this does, or
    readers keep being served the cached pages."""
    queryset.update(**fields)
    ContentVersion.bump()


def time_comes(article, at=None):
    """Act as the clock passing a scheduled article's publication time: its published_at,
    and the content version's record of the next publication, move into the past.
    Nothing is saved, no signal fires, no job runs."""
    past = at or timezone.now() - timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    ContentVersion.objects.update(next_publication=past)

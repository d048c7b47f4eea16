from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Entry
from articles.related_models import RelatedPick
from core.slugs import ascii_slug
from songs.models import Mood, Song
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db


def test_a_song_appears_at_most_once_per_article():
    article = make_article()
    song = make_song()
    add_entries(article, [song])
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(article=article, song=song, position=2)


def test_two_entries_cannot_share_a_position():
    article = make_article()
    add_entries(article, [make_song("One")])
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(article=article, song=make_song("Two"), position=1)


def test_slugs_are_unique_and_generated():
    first = make_article("Tears")
    second = make_article("Tears")
    assert first.slug == "tears"
    assert second.slug == "tears-2"


def test_japanese_title_gets_a_readable_ascii_slug():
    article = make_article("泣ける歌 特集")
    assert article.slug.isascii()
    assert article.slug == "nake-ru-uta-tokushuu"


def test_long_titles_are_cut_after_a_whole_word():
    title = "Popular Inspirational Anthems That Resonate with the Heart " * 3
    article, again = make_article(title), make_article(title)
    assert len(article.slug) <= 120
    assert title.lower().replace(" ", "-").startswith(article.slug + "-")
    assert again.slug.startswith(article.slug.rsplit("-", 1)[0]) and again.slug.endswith("-2")
    assert len(again.slug) <= 120
    cut = ascii_slug(title, max_length=80)  # "-" just past the limit: the word is whole
    assert cut == "popular-inspirational-anthems-that-resonate-with-the-heart-popular-inspirational"
    assert ascii_slug(title, max_length=79) == cut.rsplit("-", 1)[0]
    assert ascii_slug("x" * 200, max_length=80) == "x" * 80  # one word: cut as it must


def test_title_that_slugifies_to_nothing_still_gets_a_slug():
    assert make_article("!!!").slug == "article"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_absolute_urls_are_what_reverse_gives_in_every_language(language):
    # get_absolute_url() fills slugs into memoised URLs; it must answer as reverse()
    # does, for a slug an editor typed in Japanese too.
    mood = make_mood("Tears")
    Mood.objects.filter(pk=mood.pk).update(slug="涙")
    mood.refresh_from_db()
    song = make_song()
    pages = [
        (make_article(), "articles:detail"),
        (song, "articles:song"),
        (song.artist, "articles:artist"),
        (mood, "articles:mood"),
        (make_audience(), "articles:audience"),
    ]
    with translation.override(language):
        for obj, url_name in pages:
            assert obj.get_absolute_url() == reverse(url_name, args=[obj.slug])


def test_a_song_protects_its_artist_and_an_entry_protects_its_song():
    song = make_song()
    add_entries(make_article(), [song])
    with pytest.raises(ProtectedError):
        song.artist.delete()
    with pytest.raises(ProtectedError):
        Song.objects.get(pk=song.pk).delete()


def test_an_article_cannot_pick_itself_as_related():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedPick.objects.create(from_article=article, to_article=article)


def test_published_article_is_public():
    article = make_article()
    assert list(Article.objects.published()) == [article]
    assert article.is_public


def test_draft_article_is_not_public():
    make_article(published=False)
    assert not Article.objects.published().exists()


def test_scheduled_article_is_not_public_until_its_time():
    article = make_article(when=timezone.now() + timedelta(hours=1))
    assert not Article.objects.published().exists()
    assert article.state == Article.State.SCHEDULED
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert list(Article.objects.published()) == [article]


def test_publishing_without_a_time_publishes_now():
    article = Article.objects.create(title="Now", status=Article.Status.PUBLISHED)
    assert article.published_at is not None
    assert article.is_public


def test_entry_is_new_inside_the_badge_window(settings):
    settings.NEW_BADGE_DAYS = 30
    now = timezone.now()
    entry = Entry(added_at=now - timedelta(days=30) + timedelta(seconds=1))
    assert entry.is_new(now)
    entry.added_at = now - timedelta(days=30)
    assert not entry.is_new(now)


def test_commentary_is_rendered_and_sanitised_on_save():
    article = make_article()
    entry = add_entries(article, [make_song()])[0]
    entry.commentary = "*Soft* [bad](javascript:alert(1)) <script>x()</script>"
    entry.save()
    assert "<em>Soft</em>" in entry.commentary_html
    assert "javascript:" not in entry.commentary_html
    assert "<script>" not in entry.commentary_html


def test_control_characters_are_stripped_from_titles():
    assert make_article("Tears \x0b now").title == "Tears  now"


def test_video_url_must_be_youtube_or_vimeo():
    song = make_song(video_url="https://example.com/watch?v=abcdefghijk")
    with pytest.raises(ValidationError) as error:
        song.full_clean()
    assert "video_url" in error.value.message_dict
    song.video_url = "https://youtu.be/dQw4w9WgXcQ"
    song.full_clean()
    assert song.video.embed_url.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")


def test_mood_names_are_normalised_and_slugged_in_ascii():
    mood = make_mood("ＳＡＤ　songs")
    assert mood.name == "SAD songs"
    assert mood.slug == "sad-songs"
    assert make_mood("泣ける").slug.isascii()


def test_artist_aliases_reach_their_songs_search_text():
    artist = make_artist("Kenshi Yonezu", aliases="米津玄師")
    song = make_song("Eine Kleine", artist=artist)
    assert "米津玄師" in song.search_text
    artist.aliases = "米津玄師, Yonezu Kenshi"
    artist.save()
    song.refresh_from_db()
    assert "yonezu kenshi" in song.search_text

"""Drafts and scheduled articles are on no public surface; a scheduled one turns up on
all of them by itself once its time has come.

To cover a new surface, add its URL to SURFACES: it must list the public article
(so an empty page cannot pass) and will then be held to the same rule.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from articles.models import ArticleUpdate, Entry
from songs.models import Work
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    make_work,
    time_comes,
)

pytestmark = pytest.mark.django_db

# Every public surface that lists articles. {artist}, {song}, {mood} and {audience}
# are the slugs of objects the three articles share; all three titles hold the
# word "lullabies", for a search surface such as "/search/?q=lullabies".
SURFACES = [
    "/",
    "/articles/",
    "/articles/{neighbour}/",  # its related-article lists
    "/search/?q=lullabies",
    "/artists/{artist}/",
    "/songs/{song}/",
    "/moods/{mood}/",
    "/audiences/{audience}/",
    "/eras/heisei/",  # the era and decade of the song's release
    "/decades/2010s/",
    "/feed/",
    "/feed/atom/",
    "/moods/{mood}/feed/",
    "/audiences/{audience}/feed/",
    "/artists/{artist}/feed/",
    "/feed.json",
    "/moods/{mood}/feed.json",
    "/audiences/{audience}/feed.json",
    "/artists/{artist}/feed.json",
    "/feed/updates/",  # each article has a logged update (below)
    "/feed/updates/atom/",
    "/ja/feed/updates/",
    "/ja/feed.json",
    "/sitemap-articles.xml",
    "/works/{work}/",
    "/ja/works/{work}/",
]

# Surfaces that list songs, not articles: only the songs some public article lists.
SONG_SURFACES = ["/works/{work}/", "/tie-ins/anime/", "/ja/tie-ins/anime/"]


@pytest.fixture
def articles():
    """A public, a draft and a scheduled article, alike in songs and tags."""
    mood, audience = make_mood("Tear-jerking"), make_audience("Night-shift workers")
    work = make_work("Heron Tales", "anime")
    song = make_song(
        "Eine Kleine",
        artist=make_artist("Kenshi Yonezu"),
        work=work,
        release_date=date(2014, 3, 5),
    )
    made = {
        "public": make_article("Public Heron lullabies"),
        "draft": make_article("Draft Zebra lullabies", published=False),
        "scheduled": make_article(
            "Scheduled Okapi lullabies", when=timezone.now() + timedelta(hours=1)
        ),
    }
    # A fourth public article sharing the song: the others are candidates for its
    # related lists.
    neighbour = make_article("Neighbour list")
    for article in [*made.values(), neighbour]:
        article.moods.set([mood])
        article.audiences.set([audience])
        add_entries(article, [song])
    for article in made.values():
        # As if each had been public and grown once: the draft and the scheduled one
        # were withdrawn since, and their updates must go with them.
        ArticleUpdate.objects.create(article=article, added=[[song.pk, song.title]])
    slugs = {"artist": song.artist.slug, "song": song.slug, "mood": mood.slug, "work": work.slug}
    return made, {**slugs, "audience": audience.slug, "neighbour": neighbour.slug}


def page_text(client, surface, slugs):
    response = client.get(surface.format(**slugs))
    assert response.status_code == 200
    return response.content.decode()


def shows(text, article):
    return article.slug in text or article.title in text


@pytest.mark.parametrize("surface", SURFACES)
def test_drafts_and_scheduled_articles_are_on_no_surface(client, articles, surface):
    made, slugs = articles
    text = page_text(client, surface, slugs)

    assert shows(text, made["public"])
    assert not shows(text, made["draft"])
    assert not shows(text, made["scheduled"])


@pytest.mark.parametrize("surface", SURFACES)
def test_a_scheduled_article_appears_once_its_time_has_come(client, articles, surface):
    made, slugs = articles
    page_text(client, surface, slugs)  # seen once before, as a reader or a cache would
    time_comes(made["scheduled"])

    text = page_text(client, surface, slugs)

    assert shows(text, made["scheduled"])
    assert not shows(text, made["draft"])


def test_draft_and_scheduled_article_pages_are_404_until_published(client, articles):
    made, _ = articles
    assert client.get(made["public"].get_absolute_url()).status_code == 200
    assert client.get(made["draft"].get_absolute_url()).status_code == 404
    assert client.get(made["scheduled"].get_absolute_url()).status_code == 404

    time_comes(made["scheduled"])

    assert client.get(made["scheduled"].get_absolute_url()).status_code == 200
    assert client.get(made["draft"].get_absolute_url()).status_code == 404


# Surfaces of one article: a 404 while it is a draft or scheduled, in both languages.
ARTICLE_SURFACES = [
    "{prefix}/articles/{slug}/playlist.xspf",
    "{prefix}/articles/{slug}/playlist.m3u",
]


@pytest.mark.parametrize("prefix", ["", "/ja"])
@pytest.mark.parametrize("surface", ARTICLE_SURFACES)
def test_an_articles_own_surfaces_are_404_until_it_is_published(client, articles, surface, prefix):
    made, _ = articles

    def status(state):
        return client.get(surface.format(prefix=prefix, slug=made[state].slug)).status_code

    assert status("public") == 200
    assert status("draft") == 404
    assert status("scheduled") == 404

    time_comes(made["scheduled"])

    assert status("scheduled") == 200
    assert status("draft") == 404


@pytest.fixture
def songs_in_drafts(articles):
    """Songs of the public article's work listed only by the draft or the scheduled one."""
    made, slugs = articles
    work = Work.objects.get(slug=slugs["work"])
    for article, title in [
        (made["draft"], "Zebra draft song"),
        (made["scheduled"], "Gnu scheduled song"),
    ]:
        Entry.objects.create(
            article=article, song=make_song(title, work=work), position=2, added_at=timezone.now()
        )
    # Listed nowhere at all: a song just typed in for a list to come.
    make_song("Yak unlisted song", work=work)
    return made, slugs


@pytest.mark.parametrize("surface", SONG_SURFACES)
def test_songs_only_in_drafts_or_scheduled_articles_are_on_no_work_or_tie_in_page(
    client, songs_in_drafts, surface
):
    made, slugs = songs_in_drafts
    text = page_text(client, surface, slugs)

    assert "Eine Kleine" in text
    for song in ("Zebra draft song", "Gnu scheduled song", "Yak unlisted song"):
        assert song not in text

    time_comes(made["scheduled"])

    text = page_text(client, surface, slugs)
    assert "Gnu scheduled song" in text
    assert "Zebra draft song" not in text

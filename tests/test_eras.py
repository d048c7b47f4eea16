"""Japanese eras and decades, derived from each song's release date: the rule, the pages,
the chips, the song admin's filters and the sitemap."""

from datetime import date, timedelta
from itertools import product

import pytest
from django.utils import timezone, translation

from articles.models import Entry
from songs.eras import ERAS, decade, decade_by_slug, decade_of, era_of
from songs.models import Song
from tests.factories import add_entries, admin_url, make_article, make_artist, make_song

pytestmark = pytest.mark.django_db


def slug_of(period):
    return period.slug if period else None


# --- The rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "era"),
    [
        (date(1926, 12, 24), "taisho"),
        (date(1926, 12, 25), "showa"),
        (date(1989, 1, 7), "showa"),
        (date(1989, 1, 8), "heisei"),
        (date(2019, 4, 30), "heisei"),
        (date(2019, 5, 1), "reiwa"),
        (date(1905, 6, 1), None),  # before Taishō: no era
        (None, None),
    ],
)
def test_a_dated_release_falls_in_the_era_of_its_day(day, era):
    assert slug_of(era_of(day)) == era


@pytest.mark.parametrize(
    ("day", "precision", "era", "decade_slug"),
    [
        # The year 1989 holds the last week of Shōwa and the rest is Heisei: no era.
        (date(1989, 1, 1), "year", None, "1980s"),
        (date(1989, 1, 1), "month", None, "1980s"),  # January 1989, likewise
        (date(1989, 2, 1), "month", "heisei", "1980s"),
        (date(1988, 1, 1), "year", "showa", "1980s"),
        (date(1990, 1, 1), "year", "heisei", "1990s"),
        (date(2019, 1, 1), "year", None, "2010s"),
        (date(2019, 4, 1), "month", "heisei", "2010s"),
        (date(2019, 5, 1), "month", "reiwa", "2010s"),
        (date(2020, 1, 1), "year", "reiwa", "2020s"),
        (date(1926, 1, 1), "year", None, "1920s"),
        # A month entered with its day still stands for the whole month.
        (date(1989, 1, 20), "month", None, "1980s"),
    ],
)
def test_a_release_known_to_the_year_or_month_has_an_era_only_when_it_is_certain(
    day, precision, era, decade_slug
):
    assert slug_of(era_of(day, precision)) == era
    assert slug_of(decade_of(day, precision)) == decade_slug


def test_a_song_knows_its_era_and_decade_and_one_without_a_date_has_none():
    heisei = make_song("Lemon", release_date=date(2018, 3, 14))
    undated = make_song("Untitled")
    assert (heisei.era.slug, heisei.decade.slug) == ("heisei", "2010s")
    assert heisei.era.name == "Heisei"
    assert heisei.decade.name == "2010s"
    assert undated.era is None
    assert undated.decade is None


def test_names_are_translated():
    with translation.override("ja"):
        assert [str(era.name) for era in ERAS] == ["大正", "昭和", "平成", "令和"]
        assert decade(1997).name == "1990年代"
    assert [str(era.name) for era in ERAS] == ["Taishō", "Shōwa", "Heisei", "Reiwa"]


@pytest.mark.parametrize("slug", ["1890s", "199s", "1995s", "1990", "１９９０s", "0000s", "-1990s"])
def test_malformed_or_early_decade_slugs_name_no_decade(slug):
    assert decade_by_slug(slug) is None


def test_decades_in_the_future_have_no_page():
    this_decade = timezone.localdate().year // 10 * 10
    assert decade_by_slug(f"{this_decade}s").slug == f"{this_decade}s"
    assert decade_by_slug(f"{this_decade + 10}s") is None
    # A release later in this decade (announced ahead) still has its decade's page.
    assert decade_of(date(this_decade + 9, 1, 1)).slug == f"{this_decade}s"
    assert decade_of(date(this_decade + 10, 1, 1)) is None
    assert decade_of(date(1899, 12, 31)) is None
    assert decade_by_slug("1900s").name == "1900s"


def test_the_database_filter_agrees_with_the_rule_day_by_day_around_every_bound():
    """song_filter() is contains() in SQL: checked on every precision, on each side of each
    bound, and on dates entered with a day though only the month or year is known."""
    artist = make_artist("Somebody")
    days = set()
    for era in ERAS:
        for bound in (era.start, era.end):
            if bound:
                days |= {bound + timedelta(days=delta) for delta in (-40, -1, 0, 1, 40)}
    days |= {date(1989, 1, 1), date(2019, 1, 1), date(2019, 12, 1), date(1926, 12, 1)}
    songs = [
        Song(
            title=f"{day} {precision}",
            slug=f"s{n}",
            artist=artist,
            release_date=day,
            release_date_precision=precision,
        )
        for n, (day, precision) in enumerate(product(sorted(days), ["day", "month", "year"]))
    ]
    Song.objects.bulk_create([*songs, Song(title="Undated", slug="undated", artist=artist)])
    all_songs = list(Song.objects.all())
    for period in [*ERAS, decade(1980), decade(2010), decade(1920)]:
        in_sql = set(Song.objects.filter(period.song_filter()).values_list("pk", flat=True))
        in_python = {
            song.pk
            for song in all_songs
            if period.contains(song.release_date, song.release_date_precision)
        }
        assert in_sql == in_python, period.slug
        assert in_python  # each period holds some of them


# --- The pages -----------------------------------------------------------------------


@pytest.fixture
def catalogue():
    artist = make_artist("Kenshi Yonezu")
    songs = {
        "showa": make_song("Showa Song", artist=artist, release_date=date(1989, 1, 7)),
        "heisei": make_song("Heisei Song", artist=artist, release_date=date(1989, 1, 8)),
        "late_heisei": make_song("Late Heisei Song", artist=artist, release_date=date(2019, 4, 30)),
        "reiwa": make_song("Reiwa Song", artist=artist, release_date=date(2019, 5, 1)),
        "vague": make_song(
            "Vague Song",
            artist=artist,
            release_date=date(2019, 1, 1),
            release_date_precision="year",
        ),
        "undated": make_song("Undated Song", artist=artist),
    }
    return songs


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_era_page_lists_its_songs_by_release_date(client, catalogue):
    page = text_of(client, "/eras/heisei/")
    assert page.index("Heisei Song") < page.index("Late Heisei Song")
    for other in ("Showa Song", "Reiwa Song", "Vague Song", "Undated Song"):
        assert other not in page
    assert "<h1>Heisei</h1>" in page


def test_a_decade_page_lists_its_songs_including_those_known_to_the_year(client, catalogue):
    page = text_of(client, "/decades/2010s/")
    assert "Late Heisei Song" in page
    assert "Reiwa Song" in page
    assert "Vague Song" in page
    assert "Heisei Song</a>" not in page.replace("Late Heisei Song</a>", "")
    assert "Showa Song" in text_of(client, "/decades/1980s/")


def test_the_japanese_era_page_speaks_japanese(client, catalogue):
    page = text_of(client, "/ja/eras/heisei/")
    assert "<h1>平成</h1>" in page
    assert "/ja/decades/1980s/" in page  # the index of periods links in the same language
    assert "1980年代" in page


@pytest.mark.parametrize(
    "url",
    [
        "/eras/meiji/",
        "/eras/HEISEI/",
        "/decades/1890s/",
        "/decades/2990s/",
        "/decades/199s/",
        "/decades/1990/",
        "/ja/eras/edo/",
        "/eras/heisei/?page=2",
        "/eras/heisei/?page=0",
        "/eras/heisei/?page=abc",
    ],
)
def test_unknown_eras_decades_and_pages_are_404(client, catalogue, url):
    assert client.get(url).status_code == 404


def test_an_era_page_lists_published_articles_featuring_its_songs_newest_first(client, catalogue):
    older = make_article("Older list", when=timezone.now() - timedelta(days=5))
    newer = make_article("Newer list", when=timezone.now() - timedelta(days=1))
    reiwa_only = make_article("Reiwa only list")
    draft = make_article("Draft list", published=False)
    add_entries(older, [catalogue["heisei"]])
    add_entries(newer, [catalogue["reiwa"], catalogue["late_heisei"]])
    add_entries(reiwa_only, [catalogue["reiwa"]])
    add_entries(draft, [catalogue["heisei"]])

    page = text_of(client, "/eras/heisei/")

    assert page.index("Newer list") < page.index("Older list")
    assert "Reiwa only list" not in page
    assert "Draft list" not in page
    assert "Reiwa only list" in text_of(client, "/eras/reiwa/")


def test_a_song_only_in_a_draft_is_listed_as_mood_pages_list_it_but_not_the_draft(
    client, catalogue
):
    # Songs are catalogue facts, public whatever is published; articles are not.
    draft = make_article("Draft list", published=False)
    add_entries(draft, [catalogue["reiwa"]])
    page = text_of(client, "/eras/reiwa/")
    assert "Reiwa Song" in page
    assert "Draft list" not in page
    assert "No published articles yet." in page


def test_songs_are_paged_fifty_at_a_time_in_date_order(client):
    artist = make_artist("Prolific")
    for n in range(55):
        make_song(f"Track {n:02}", artist=artist, release_date=date(2000, 1, 1) + timedelta(n))
    first, second = text_of(client, "/decades/2000s/"), text_of(client, "/decades/2000s/?page=2")
    assert "Track 00" in first and "Track 49" in first and "Track 50" not in first
    assert "Track 50" in second and "Track 54" in second and "Track 49" not in second
    assert 'rel="next" href="?page=2"' in first
    assert 'id="articles-heading"' in first
    assert 'id="articles-heading"' not in second  # the first page has the articles
    assert client.get("/decades/2000s/?page=3").status_code == 404


@pytest.mark.parametrize("size", [3, 40])
def test_period_pages_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries, settings, size
):
    settings.PAGE_CACHE = False
    songs = [
        make_song(f"Song {n}", artist=make_artist(f"Artist {n}"), release_date=date(2001, 1, 1))
        for n in range(size)
    ]
    for n in range(size):
        add_entries(make_article(f"List {n}"), songs[n : n + 3])
    for url in ("/eras/heisei/", "/decades/2000s/", "/ja/decades/2000s/"):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("page_number", ["1", "2", "3", "last"])
def test_every_page_of_an_eras_songs_runs_the_same_queries(
    client, django_assert_max_num_queries, settings, page_number
):
    settings.PAGE_CACHE = False
    artist = make_artist("Prolific")
    Song.objects.bulk_create(
        Song(title=f"Track {n}", slug=f"track-{n}", artist=artist, release_date=date(1995, 1, 1))
        for n in range(160)
    )
    with django_assert_max_num_queries(4):
        response = client.get(f"/eras/heisei/?page={page_number}")
    assert response.status_code == 200
    assert len(response.context["songs"]) in {50, 10}


# --- What a change shows on the very next request --------------------------------------


def test_a_redated_song_moves_between_era_pages_on_the_next_request(client, catalogue):
    assert "Heisei Song" in text_of(client, "/eras/heisei/")
    assert "Heisei Song" not in text_of(client, "/eras/showa/")
    song = Song.objects.get(pk=catalogue["heisei"].pk)
    song.release_date = date(1980, 5, 1)
    song.save()
    assert "Heisei Song" not in text_of(client, "/eras/heisei/").replace("Late Heisei Song", "")
    assert "Heisei Song" in text_of(client, "/eras/showa/")


def test_articles_follow_a_redated_song_publishing_and_new_entries(client, catalogue):
    article = make_article("Movable list")
    add_entries(article, [catalogue["reiwa"]])
    draft = make_article("Soon published list", published=False)
    add_entries(draft, [catalogue["heisei"]])
    later = make_article("Growing list")
    assert "Movable list" not in text_of(client, "/eras/heisei/")
    assert "Soon published list" not in text_of(client, "/eras/heisei/")

    song = Song.objects.get(pk=catalogue["reiwa"].pk)
    song.release_date = date(2010, 5, 1)
    song.save()
    draft.status = draft.Status.PUBLISHED
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    Entry.objects.create(article=later, song=catalogue["late_heisei"], position=1)

    page = text_of(client, "/eras/heisei/")
    assert "Movable list" in page
    assert "Soon published list" in page
    assert "Growing list" in page
    assert "Movable list" not in text_of(client, "/eras/reiwa/")


# --- Chips, song facts, admin, sitemap ------------------------------------------------


def test_entries_carry_era_and_decade_chips_linking_to_their_pages(client, catalogue):
    article = make_article("Chips list")
    add_entries(article, [catalogue["late_heisei"], catalogue["vague"], catalogue["undated"]])
    page = text_of(client, article.get_absolute_url())
    assert page.count('href="/eras/heisei/">Heisei</a>') == 1
    assert page.count('href="/decades/2010s/">2010s</a>') == 2  # the vague one has its decade
    assert "/eras/reiwa/" not in page
    japanese = text_of(client, "/ja" + article.get_absolute_url())
    assert 'href="/ja/eras/heisei/">平成</a>' in japanese
    assert 'href="/ja/decades/2010s/">2010年代</a>' in japanese


def test_the_song_page_links_its_era_and_decade(client, catalogue):
    page = text_of(client, catalogue["late_heisei"].get_absolute_url())
    assert '<a href="/eras/heisei/">Heisei</a>' in page
    assert '<a href="/decades/2010s/">2010s</a>' in page
    undated = text_of(client, catalogue["undated"].get_absolute_url())
    assert "/eras/" not in undated and "/decades/" not in undated


@pytest.mark.parametrize(
    ("query", "listed", "unlisted"),
    [
        ("era=heisei", ["Heisei Song", "Late Heisei Song"], ["Showa Song", "Reiwa Song"]),
        ("era=showa", ["Showa Song"], ["Heisei Song", "Vague Song", "Undated Song"]),
        ("decade=2010s", ["Reiwa Song", "Vague Song", "Late Heisei Song"], ["Showa Song"]),
        ("decade=1980s", ["Showa Song", "Heisei Song"], ["Reiwa Song", "Undated Song"]),
    ],
)
def test_the_song_admin_filters_by_era_and_decade(
    editor_client, catalogue, query, listed, unlisted
):
    response = editor_client.get(f"{admin_url(Song, 'changelist')}?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    for title in listed:
        assert f">{title}</a>" in page, title
    for title in unlisted:
        assert f">{title}</a>" not in page, title


def test_the_sitemap_lists_the_eras_and_decades_that_have_songs(client, catalogue):
    body = text_of(client, "/sitemap-periods.xml")
    for path in (
        "/eras/showa/",
        "/eras/heisei/",
        "/eras/reiwa/",
        "/decades/1980s/",
        "/decades/2010s/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in body
        assert f"<loc>http://testserver/ja{path}</loc>" in body
    assert "/eras/taisho/" not in body
    assert "/decades/1990s/" not in body
    assert "http://testserver/sitemap-periods.xml" in text_of(client, "/sitemap.xml")

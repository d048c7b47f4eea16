"""Tie-in works: the model, its pages (/works/<slug>/, /tie-ins/<kind>/), how entries, song
pages and JSON-LD link it, and what a change to a work makes stale."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from songs.models import Work
from tests.factories import add_entries, make_article, make_artist, make_song, make_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def sparkle():
    work = make_work("Your Name", "film", title_ja="君の名は。", year=2016)
    song = make_song("Sparkle", artist=make_artist("RADWIMPS"), work=work, tie_in_role="insert")
    article = make_article("Songs for when you want to cry")
    add_entries(article, [song])
    return work, song, article


def json_ld_nodes(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)["@graph"]


# --- The model --------------------------------------------------------------------


def test_a_work_known_by_its_japanese_title_gets_a_romanised_ascii_slug():
    work = Work.objects.create(title_ja="秒速5センチメートル", kind="anime")
    assert work.slug.isascii()
    assert work.slug.startswith("byou")
    assert Work.objects.create(title_ja="秒速5センチメートル", kind="film").slug == (
        f"{work.slug}-2"
    )


def test_the_title_reads_the_readers_language_else_the_other():
    both = make_work("Your Name", title_ja="君の名は。")
    english_only = make_work("Unnatural", "drama")
    japanese_only = Work.objects.create(title_ja="しゃばけ", kind="anime")
    with translation.override("ja"):
        both, english_only, japanese_only = (
            Work.objects.get(pk=work.pk) for work in (both, english_only, japanese_only)
        )
        assert (both.title, english_only.title, japanese_only.title) == (
            "君の名は。",
            "Unnatural",
            "しゃばけ",
        )
    with translation.override("en"):
        assert Work.objects.get(pk=both.pk).title == "Your Name"
        assert Work.objects.get(pk=japanese_only.pk).title == "しゃばけ"
    # The fallback is read, never written into the other language's column.
    assert Work.objects.filter(pk=japanese_only.pk, title_en__isnull=True).exists()


def test_a_work_needs_a_title_in_one_language_and_a_real_url():
    with pytest.raises(ValidationError) as error:
        Work(kind="film", official_url="javascript:alert(1)").full_clean()
    assert {"title_en", "official_url"} <= set(error.value.message_dict)
    Work(title_ja="君の名は。", kind="film", official_url="https://example.com/").full_clean()


def test_a_work_with_songs_cannot_be_deleted(sparkle):
    from django.db.models import ProtectedError

    work, _, _ = sparkle
    with pytest.raises(ProtectedError):
        work.delete()


# --- Pages ------------------------------------------------------------------------


def test_work_page_shows_its_facts_songs_and_the_articles_featuring_them(client, sparkle):
    work, song, article = sparkle
    work.official_url = "https://example.com/your-name"
    work.save()

    html = client.get("/works/your-name/").text

    assert "<h1>Your Name</h1>" in html
    assert "君の名は。" in html and "2016" in html
    assert 'href="https://example.com/your-name" rel="noopener"' in html
    assert f'href="{song.get_absolute_url()}"' in html
    assert f'href="{article.get_absolute_url()}"' in html
    assert 'href="/tie-ins/film/"' in html


def test_work_page_in_japanese_leads_with_the_japanese_title(client, sparkle):
    html = client.get("/ja/works/your-name/").text
    assert "<h1>君の名は。</h1>" in html
    assert 'href="/ja/songs/sparkle/"' in html


@pytest.mark.parametrize(
    "url", ["/works/no-such-work/", "/tie-ins/opera/", "/ja/tie-ins/opera/", "/tie-ins/ANIME/"]
)
def test_unknown_work_or_kind_is_404(client, sparkle, url):
    assert client.get(url).status_code == 404


def test_tie_in_page_lists_the_songs_of_that_kind_only(client, sparkle):
    drama = make_song("Lemon", work=make_work("Unnatural", "drama"), tie_in_role="theme")
    add_entries(make_article("Another"), [drama])

    film = client.get("/tie-ins/film/").text
    drama_page = client.get("/ja/tie-ins/drama/").text

    assert "Sparkle" in film and "Lemon" not in film
    assert "Lemon" in drama_page and "Sparkle" not in drama_page
    assert "<h1>Film songs</h1>" in film
    assert 'href="/ja/works/unnatural/"' in drama_page
    assert client.get("/tie-ins/game/").status_code == 200  # a kind with no songs yet


def test_tie_in_page_paginates_and_refuses_bad_pages(client):
    work = make_work("Long Anime", "anime")
    artist = make_artist("Prolific")
    songs = [make_song(f"Song {n:03}", artist=artist, work=work) for n in range(55)]
    add_entries(make_article("All of them"), songs)

    first, second = client.get("/tie-ins/anime/"), client.get("/tie-ins/anime/?page=2")

    assert "Song 000" in first.text and "Song 050" not in first.text
    assert "Song 050" in second.text and "Song 000" not in second.text
    for page in ["3", "0", "-1", "x", "99999999999999999999"]:
        assert client.get(f"/tie-ins/anime/?page={page}").status_code == 404


@pytest.mark.parametrize("url", ["/works/busy-show/", "/tie-ins/drama/"])
def test_work_and_tie_in_pages_cost_the_same_whatever_their_size(
    client, settings, django_assert_max_num_queries, url
):
    settings.PAGE_CACHE = False
    work = make_work("Busy Show", "drama")

    def add(count):
        songs = [make_song(f"{url} {n} {count}", work=work) for n in range(count)]
        for song in songs:
            add_entries(make_article(f"List of {song.title}"), [song])

    # The same budget at 2 songs and at 27: a kept count checked for freshness, the
    # count itself when it is stale, and the page's rows (songs, or articles and songs).
    for count in (2, 25):
        add(count)
        with django_assert_max_num_queries(5):
            assert client.get(url).status_code == 200


# --- Entries and song pages link the work -------------------------------------------


def test_entry_and_song_page_link_the_work_with_role_kind_and_year(client, sparkle):
    work, song, article = sparkle
    expected = f'Insert song: <a href="{work.get_absolute_url()}">Your Name</a> (Film, 2016)'
    assert expected in client.get(article.get_absolute_url()).text
    assert expected in client.get(song.get_absolute_url()).text
    japanese = client.get(f"/ja{song.get_absolute_url()}").text
    assert '挿入歌：<a href="/ja/works/your-name/">君の名は。</a> (映画, 2016)' in japanese


def test_a_note_that_did_not_parse_is_shown_as_written(client):
    song = make_song("Coupling", tie_in_note="Coupling song on the CD single of the theme")
    assert "Coupling song on the CD single of the theme" in client.get(song.get_absolute_url()).text


def test_song_description_states_the_tie_in(client, sparkle):
    html = client.get(sparkle[1].get_absolute_url()).text
    assert 'content="Sparkle by RADWIMPS. Insert song: Your Name (Film, 2016)."' in html


# --- JSON-LD ----------------------------------------------------------------------


def test_song_json_ld_is_part_of_its_movie_with_our_page_and_its_official_site(client, sparkle):
    work, song, _ = sparkle
    work.official_url = "https://example.com/your-name"
    work.save()

    (recording,) = [
        node
        for node in json_ld_nodes(client.get(song.get_absolute_url()).text)
        if node["@type"] == "MusicRecording"
    ]

    assert recording["isPartOf"] == {
        "@type": "Movie",
        "name": "Your Name",
        "url": "http://testserver/works/your-name/",
        "alternateName": ["君の名は。"],
        "datePublished": "2016",
        "sameAs": ["https://example.com/your-name"],
    }


def test_article_json_ld_links_each_entrys_work(client, sparkle):
    _, _, article = sparkle
    add_entries_after = make_song("Lemon", work=make_work("Unnatural", "drama"))
    article.entries.create(song=add_entries_after, position=2, commentary="")

    nodes = json_ld_nodes(client.get(article.get_absolute_url()).text)
    (article_node,) = [node for node in nodes if node["@type"] == "Article"]
    items = article_node["mainEntity"]["itemListElement"]

    assert [item["item"]["isPartOf"]["@type"] for item in items] == ["Movie", "TVSeries"]
    assert items[1]["item"]["isPartOf"]["url"] == "http://testserver/works/unnatural/"


def test_work_page_json_ld_describes_the_work(client):
    make_work("Shabake", "anime", title_ja="しゃばけ")
    nodes = json_ld_nodes(client.get("/works/shabake/").text)
    (work,) = [node for node in nodes if node.get("name") == "Shabake"]
    assert (work["@type"], work["genre"], work["alternateName"]) == (
        "CreativeWork",
        "Anime",
        ["しゃばけ"],
    )


# --- What a change makes stale ---------------------------------------------------------


def test_a_renamed_work_shows_on_the_next_request_everywhere_it_is_shown(client, sparkle):
    work, song, article = sparkle
    urls = [work.get_absolute_url(), song.get_absolute_url(), article.get_absolute_url()]
    urls.append("/tie-ins/film/")
    for url in urls:
        assert "Your Name" in client.get(url).text  # now cached

    work.title_en = "Your Name."
    work.save()

    for url in urls:
        assert "Your Name." in client.get(url).text, url


def test_a_work_of_another_kind_moves_its_songs_to_that_kinds_page(client, sparkle):
    work, _, _ = sparkle
    assert "Sparkle" in client.get("/tie-ins/film/").text
    assert "Sparkle" not in client.get("/tie-ins/anime/").text

    work.kind = Work.Kind.ANIME
    work.save()

    assert "Sparkle" not in client.get("/tie-ins/film/").text
    assert "Sparkle" in client.get("/tie-ins/anime/").text


def test_a_song_given_another_work_leaves_one_work_page_for_the_other(client, sparkle):
    work, song, _ = sparkle
    other = make_work("Weathering With You", "film")
    assert "Sparkle" in client.get(work.get_absolute_url()).text
    assert "Sparkle" not in client.get(other.get_absolute_url()).text

    song.work = other
    song.save()

    assert "Sparkle" not in client.get(work.get_absolute_url()).text
    assert "Sparkle" in client.get(other.get_absolute_url()).text


def test_publishing_an_article_brings_its_songs_onto_the_tie_in_page(client):
    song = make_song("Lemon", work=make_work("Unnatural", "drama"))
    draft = make_article("A draft", published=False)
    add_entries(draft, [song])
    assert "Lemon" not in client.get("/tie-ins/drama/").text

    draft.status = draft.Status.PUBLISHED
    draft.published_at = draft.created_at
    draft.save()

    assert "Lemon" in client.get("/tie-ins/drama/").text

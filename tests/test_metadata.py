import json
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from songs.models import Artist, Song
from tests.factories import (
    add_entries,
    image_upload,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    update_bypassing_save,
)

pytestmark = pytest.mark.django_db


class HeadTags(HTMLParser):
    """The <title>, <meta>, <link> and JSON-LD of a page, read as a browser's parser would.

    Script content ends at the first "</script", exactly as in a browser: JSON-LD
    that let a title close its element would come out cut, and fail to parse.
    """

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.title, self.meta, self.links, self.json_ld = "", {}, [], []
        self.script_count = 0
        self._inside = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._inside = "title"
        elif tag == "meta" and (attrs.get("name") or attrs.get("property")):
            self.meta[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self.script_count += 1
            if attrs.get("type") == "application/ld+json":
                self._inside = "json-ld"
                self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag in ("title", "script"):
            self._inside = None

    def handle_data(self, data):
        if self._inside == "title":
            self.title += data
        elif self._inside == "json-ld":
            self.json_ld[-1] += data

    def link(self, rel):
        return next((link["href"] for link in self.links if link.get("rel") == rel), None)

    def nodes(self):
        """The schema.org nodes of the page's one JSON-LD block."""
        assert len(self.json_ld) == 1
        document = json.loads(self.json_ld[0])
        assert document["@context"] == "https://schema.org"
        return document["@graph"]

    def node(self, schema_type):
        (node,) = [node for node in self.nodes() if node["@type"] == schema_type]
        return node


def head(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return HeadTags(response.content.decode())


def breadcrumb_names(page):
    return [crumb["name"] for crumb in page.node("BreadcrumbList")["itemListElement"]]


@pytest.fixture
def site():
    """One published article with an author, a group and a solo artist, a mood, an audience."""
    author = get_user_model().objects.create(username="aiko", first_name="Aiko", last_name="Tanaka")
    mood, audience = make_mood("Tear-jerking"), make_audience("Night-shift workers")
    group = make_artist(
        "Mr.Children",
        kind=Artist.Kind.GROUP,
        aliases="ミスチル",
        official_url="https://www.mrchildren.jp/",
    )
    solo = make_artist("Kenshi Yonezu")
    eine_kleine = make_song(
        "Eine Kleine",
        artist=solo,
        moods=[mood],
        release_date=date(2014, 1, 1),
        release_date_precision=Song.DatePrecision.YEAR,
    )
    journey = make_song("Endless Journey", artist=group, release_date=date(1998, 10, 21))
    article = make_article("Songs for when you want to cry", lead="Have a good cry.", author=author)
    article.moods.set([mood])
    article.audiences.set([audience])
    add_entries(article, [eine_kleine, journey])
    return {
        "article": Article.objects.get(pk=article.pk),
        "group": group,
        "solo": solo,
        "song": eine_kleine,
        "mood": mood,
        "audience": audience,
    }


PAGES = {
    # page: (URL, canonical path, breadcrumb names after the home page)
    "article list": (lambda s: "/articles/", "/articles/", ["Articles"]),
    "article": (
        lambda s: s["article"].get_absolute_url(),
        "/articles/songs-for-when-you-want-to-cry/",
        ["Articles", "Songs for when you want to cry"],
    ),
    "artist": (
        lambda s: s["solo"].get_absolute_url(),
        "/artists/kenshi-yonezu/",
        ["Artists", "Kenshi Yonezu"],
    ),
    "song": (
        lambda s: s["song"].get_absolute_url(),
        "/songs/eine-kleine/",
        ["Artists", "Kenshi Yonezu", "Eine Kleine"],
    ),
    "mood": (lambda s: s["mood"].get_absolute_url(), "/moods/tear-jerking/", ["Tear-jerking"]),
    "audience": (
        lambda s: s["audience"].get_absolute_url(),
        "/audiences/night-shift-workers/",
        ["Night-shift workers"],
    ),
}


@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_title_description_canonical_and_social_cards(client, site, page_name):
    url, canonical_path, _ = PAGES[page_name]
    page = head(client, url(site))
    canonical = f"http://testserver{canonical_path}"

    assert page.title.endswith(" — Liner Notes")
    assert page.meta["description"]
    assert page.link("canonical") == canonical
    assert page.meta["og:url"] == canonical
    assert page.meta["og:title"] == page.title.removesuffix(" — Liner Notes")
    assert page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:site_name"] == "Liner Notes"
    assert page.meta["og:type"] in {"website", "article"}
    assert page.meta["twitter:card"] == "summary"
    assert page.meta["twitter:title"] == page.meta["og:title"]


@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_a_breadcrumb_list_from_home_to_itself(client, site, page_name):
    url, canonical_path, crumbs = PAGES[page_name]
    page = head(client, url(site))
    trail = page.node("BreadcrumbList")["itemListElement"]

    assert breadcrumb_names(page) == ["Liner Notes", *crumbs]
    assert [crumb["position"] for crumb in trail] == list(range(1, len(crumbs) + 2))
    assert trail[0]["item"] == "http://testserver/"
    assert trail[-1]["item"] == f"http://testserver{canonical_path}"


def test_article_json_ld_is_an_article_with_its_songs(client, site):
    article = site["article"]
    node = head(client, article.get_absolute_url()).node("Article")

    assert node["headline"] == "Songs for when you want to cry"
    assert node["description"] == "Have a good cry."
    assert node["datePublished"] == article.published_at.isoformat()
    assert node["dateModified"] == article.updated_at.isoformat()
    assert node["author"] == {"@type": "Person", "name": "Aiko Tanaka"}
    assert node["publisher"]["name"] == "Liner Notes"
    assert "image" not in node
    songs = node["mainEntity"]
    assert songs["@type"] == "ItemList"
    assert songs["numberOfItems"] == 2
    assert [(item["position"], item["item"]["name"]) for item in songs["itemListElement"]] == [
        (1, "Eine Kleine"),
        (2, "Endless Journey"),
    ]


def test_song_entries_credit_a_group_as_music_group_and_a_solo_artist_as_person(client, site):
    songs = head(client, site["article"].get_absolute_url()).node("Article")["mainEntity"]
    eine_kleine, journey = (item["item"] for item in songs["itemListElement"])

    assert eine_kleine["@type"] == journey["@type"] == "MusicRecording"
    assert eine_kleine["byArtist"]["@type"] == "Person"
    assert eine_kleine["byArtist"]["name"] == "Kenshi Yonezu"
    assert journey["byArtist"]["@type"] == "MusicGroup"
    assert journey["byArtist"]["url"] == f"http://testserver{site['group'].get_absolute_url()}"


def test_song_release_date_is_given_only_as_precisely_as_it_is_known(client, site):
    songs = head(client, site["article"].get_absolute_url()).node("Article")["mainEntity"]
    eine_kleine, journey = (item["item"] for item in songs["itemListElement"])

    assert eine_kleine["datePublished"] == "2014"
    assert journey["datePublished"] == "1998-10-21"


def test_article_page_og_type_is_article_with_its_times(client, site):
    article = site["article"]
    page = head(client, article.get_absolute_url())

    assert page.meta["og:type"] == "article"
    published = timezone.localtime(article.published_at).isoformat()
    assert page.meta["article:published_time"] == published


def test_hero_image_is_the_card_image_as_an_absolute_url(client, site, media_root):
    article = site["article"]
    article.hero_image = image_upload("hero.png")
    article.hero_alt = "Rain on a window"
    article.save()
    page = head(client, article.get_absolute_url())
    # The largest JPEG rendition: re-encoded, sized, and shown by every card reader.
    image_url = f"http://testserver{article.hero.largest_jpeg.url}"

    assert page.meta["og:image"] == page.meta["twitter:image"] == image_url
    assert page.meta["og:image:alt"] == "Rain on a window"
    assert page.meta["twitter:card"] == "summary_large_image"
    assert page.node("Article")["image"] == [image_url]


def test_article_by_nobody_is_signed_by_the_site_not_a_login_name(client, site):
    update_bypassing_save(Article.objects, author=None)
    node = head(client, site["article"].get_absolute_url()).node("Article")
    assert node["author"] == {
        "@type": "Organization",
        "name": "Liner Notes",
        "url": "http://testserver/",
    }


def test_author_without_a_full_name_is_not_shown_by_login_name(client, site):
    update_bypassing_save(get_user_model().objects, first_name="", last_name="")
    html = client.get(site["article"].get_absolute_url()).content.decode()
    assert '"name": "aiko"' not in html
    assert HeadTags(html).node("Article")["author"]["name"] == "Liner Notes"


# --- Pages of an article ------------------------------------------------------------------


@pytest.fixture
def long_article():
    article = make_article("Ten songs", entries_per_page=3)
    add_entries(article, [make_song(f"Song {n}") for n in range(1, 8)])
    return article


def test_each_page_of_an_article_is_canonical_to_itself(client, long_article):
    url = long_article.get_absolute_url()

    assert head(client, url).link("canonical") == f"http://testserver{url}"
    assert head(client, f"{url}?page=1").link("canonical") == f"http://testserver{url}"
    assert head(client, f"{url}?page=2").link("canonical") == f"http://testserver{url}?page=2"
    assert head(client, f"{url}?page=2&utm_source=x").link("canonical") == (
        f"http://testserver{url}?page=2"
    )


def test_page_of_an_article_numbers_its_songs_from_its_first_position(client, long_article):
    page = head(client, f"{long_article.get_absolute_url()}?page=2")
    songs = page.node("Article")["mainEntity"]

    assert [item["position"] for item in songs["itemListElement"]] == [4, 5, 6]
    assert [item["item"]["name"] for item in songs["itemListElement"]] == [
        "Song 4",
        "Song 5",
        "Song 6",
    ]
    assert songs["numberOfItems"] == 7
    assert page.title == "Ten songs (4–6) — Liner Notes"


def test_page_of_an_article_links_its_neighbours(client, long_article):
    url = f"http://testserver{long_article.get_absolute_url()}"
    first, middle, last = (
        head(client, f"{long_article.get_absolute_url()}?page={n}") for n in (1, 2, 3)
    )

    assert (first.link("prev"), first.link("next")) == (None, f"{url}?page=2")
    assert (middle.link("prev"), middle.link("next")) == (url, f"{url}?page=3")
    assert (last.link("prev"), last.link("next")) == (f"{url}?page=2", None)


def test_article_list_pages_are_canonical_to_themselves(client):
    for hours in range(1, 23):
        make_article(f"Article {hours}", when=timezone.now() - timedelta(hours=hours))
    assert head(client, "/articles/?page=2").link("canonical") == (
        "http://testserver/articles/?page=2"
    )


# --- Artist and song pages ------------------------------------------------------------------


def test_group_page_describes_a_music_group(client, site):
    node = head(client, site["group"].get_absolute_url()).node("MusicGroup")

    assert node["name"] == "Mr.Children"
    assert node["url"] == f"http://testserver{site['group'].get_absolute_url()}"
    assert node["alternateName"] == ["ミスチル"]
    assert node["sameAs"] == ["https://www.mrchildren.jp/"]


def test_solo_artist_page_describes_a_person(client, site):
    assert head(client, site["solo"].get_absolute_url()).node("Person")["name"] == "Kenshi Yonezu"


def test_artist_photo_is_the_card_image(client, site, media_root):
    artist = site["solo"]
    artist.photo = image_upload("yonezu.png")
    artist.photo_alt = "Kenshi Yonezu on stage"
    artist.save()
    page = head(client, artist.get_absolute_url())

    assert page.meta["og:image"] == f"http://testserver{artist.portrait.largest_jpeg.url}"
    assert page.node("Person")["image"] == page.meta["og:image"]


def test_song_page_describes_a_music_recording(client, site):
    page = head(client, site["song"].get_absolute_url())
    node = page.node("MusicRecording")

    assert node["name"] == "Eine Kleine"
    assert node["byArtist"] == {
        "@type": "Person",
        "name": "Kenshi Yonezu",
        "url": "http://testserver/artists/kenshi-yonezu/",
    }
    assert node["datePublished"] == "2014"
    assert page.meta["description"] == "Eine Kleine by Kenshi Yonezu, released in 2014."


# --- Hostile text -------------------------------------------------------------------------------


def test_a_title_cannot_break_out_of_the_json_ld_script(client, site):
    plain_page = client.get(site["article"].get_absolute_url()).content.decode()
    # QuerySet.update() skips save(); the title field cleans the text all the same.
    update_bypassing_save(
        Article.objects.filter(pk=site["article"].pk),
        title="Tears \x0b </script><script>alert(1)</script> & <!--",
        lead="</script><script>alert(2)</script>",
    )
    update_bypassing_save(
        Song.objects.filter(pk=site["song"].pk), title="</SCRIPT><script>alert(3)"
    )

    html = client.get(site["article"].get_absolute_url()).content.decode()
    page = HeadTags(html)

    assert html.lower().count("<script") == plain_page.lower().count("<script")
    assert page.script_count == HeadTags(plain_page).script_count
    article = page.node("Article")  # the JSON parsed whole
    assert article["headline"] == "Tears  </script><script>alert(1)</script> & <!--"
    assert article["mainEntity"]["itemListElement"][0]["item"]["name"] == (
        "</SCRIPT><script>alert(3)"
    )
    assert "\x0b" not in page.title and "\x0b" not in json.dumps(page.nodes())


# --- Previews and pages without metadata of their own ------------------------------------------


def test_staff_preview_of_a_draft_asks_not_to_be_indexed(admin_client):
    draft = make_article("Draft Zebra", published=False)
    page = head(admin_client, draft.get_absolute_url())
    assert page.meta["robots"] == "noindex"


def test_published_article_may_be_indexed(client, site):
    assert "robots" not in head(client, site["article"].get_absolute_url()).meta


def test_a_page_whose_view_gives_no_metadata_still_gets_the_site_defaults(client):
    page = head(client, "/no-such-page/", status=404)

    assert page.meta["description"]
    assert page.meta["og:site_name"] == "Liner Notes"
    assert breadcrumb_names(page) == ["Liner Notes"]


def test_article_metadata_adds_no_query_per_entry(client, django_assert_num_queries):
    short = make_article("Short", entries_per_page=100)
    add_entries(short, [make_song(f"Short {n}") for n in range(3)])
    long = make_article("Long", entries_per_page=100)
    add_entries(long, [make_song(f"Long {n}") for n in range(40)])

    with CaptureQueriesContext(connection) as short_queries:
        client.get(short.get_absolute_url())
    with django_assert_num_queries(len(short_queries)):
        page = head(client, long.get_absolute_url())
    assert len(page.node("Article")["mainEntity"]["itemListElement"]) == 40

"""The artists index: A–Z by romaji on the English site, and on the Japanese site a gojūon
index by the kana reading, names in Latin letters after the kana rows; both walk an index."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.functions import Lower
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.kana import gojuon_row, index_key, sort_key
from songs.artists import A_TO_Z_ORDER, JAPANESE_INDEX_ORDER
from songs.models import Artist
from tests.factories import make_artist

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("reading", "row"),
    [
        ("あいみょん", "あ"),
        ("ヨネヅケンシ", "や"),  # katakana as hiragana
        ("ｶﾞｸﾄ", "か"),  # half-width katakana
        ("がくと", "か"),  # dakuten: the base kana's row
        ("ぱすぴえ", "は"),  # handakuten
        ("ヴィジュアル", "あ"),
        ("ぁ", "あ"),  # small kana
        ("っ", "た"),
        ("ゃ", "や"),
        ("ヵ", "か"),
        ("を", "わ"),
        ("ん", "わ"),  # ん closes the わ row
        ("・よるしか", "や"),  # punctuation is passed over
        ("", None),
        (None, None),
        ("RADWIMPS", None),
    ],
)
def test_a_reading_files_under_its_gojuon_row(reading, row):
    assert gojuon_row(reading) == row


def test_readings_sort_as_a_dictionary_does():
    readings = ["かさ", "がく", "あい", "ぱん", "はな", "ばなな", "すーぱー", "すいか"]
    assert sorted(readings, key=sort_key) == [
        "あい",
        "がく",  # かく < かさ: voicing counts only where all else is equal
        "かさ",
        "すいか",
        "すーぱー",  # すうぱあ: the long vowel mark is the vowel it lengthens
        "はな",
        "ばなな",
        "ぱん",
    ]
    assert sort_key("ヨネヅ") == sort_key("よねづ") == "よねつ"
    assert sort_key("いすゞ") == "いすす"


def test_the_index_key_is_the_reading_else_the_japanese_name_read_out():
    assert index_key("よねづけんし", ["Kenshi Yonezu", "米津玄師"]) == "よねつけんし"
    assert index_key("", ["山崎まさよし"]) == "やまさきまさよし"
    assert index_key("", ["Mr.Children", "Mr.Children"]) == ""
    # A reading typed in Latin letters does not count: the Japanese name is read instead.
    assert index_key("yonezu", ["米津玄師"]) == sort_key("よねづげんし")
    # A Latin name with kanji further on is filed by its romaji, not by the kanji.
    assert index_key("", ["flumpool 山村"]) == ""


def test_save_derives_the_kana_sort_key():
    yonezu = make_artist("Kenshi Yonezu", name_ja="米津玄師", name_kana="ヨネヅケンシ")
    yamazaki = make_artist("山崎まさよし")
    radwimps = make_artist("RADWIMPS")
    assert (yonezu.kana_sort, yonezu.files_by_romaji) == ("よねつけんし", False)
    assert yamazaki.kana_sort == "やまさきまさよし"
    assert (radwimps.kana_sort, radwimps.files_by_romaji) == ("", True)
    radwimps.name_kana = "らっどうぃんぷす"
    radwimps.save()
    radwimps.refresh_from_db()
    assert (radwimps.kana_sort, radwimps.files_by_romaji) == ("らつとういんふす", False)


@pytest.fixture
def catalogue():
    """Artists as the demo has them, some without a reading."""
    return {
        "yonezu": make_artist(
            "Kenshi Yonezu",
            name_ja="米津玄師",
            name_kana="よねづけんし",
            sort_name="Yonezu, Kenshi",
        ),
        "oku": make_artist(
            "Hanako Oku", name_ja="奥華子", name_kana="おくはなこ", sort_name="Oku, Hanako"
        ),
        "yamazaki": make_artist("山崎まさよし", sort_name="Yamazaki, Masayoshi"),  # read out
        "radwimps": make_artist("RADWIMPS"),
        "mrchildren": make_artist("Mr.Children"),
        "utada": make_artist(
            "Hikaru Utada",
            name_ja="宇多田ヒカル",
            name_kana="うただひかる",
            sort_name="Utada, Hikaru",
        ),
    }


def positions(html, *needles):
    return [html.index(needle) for needle in needles]


def test_the_japanese_index_files_by_reading_under_gojuon_rows(client, catalogue):
    html = client.get("/ja/artists/").text
    url = {key: f'href="/ja/artists/{artist.slug}/"' for key, artist in catalogue.items()}
    # Kana rows in gojūon order, each artist in reading order; Latin names after, by letter.
    order = positions(
        html,
        '<h2 id="row-a-heading">あ</h2>',
        url["utada"],  # うただ
        url["oku"],  # おくはなこ
        '<h2 id="row-ya-heading">や</h2>',
        url["yamazaki"],  # やまざき
        url["yonezu"],  # よねづ
        '<h2 id="letter-m-heading">M</h2>',
        url["mrchildren"],
        '<h2 id="letter-r-heading">R</h2>',
        url["radwimps"],
    )
    assert order == sorted(order)
    assert "<h1>アーティスト一覧（五十音順）</h1>" in html


def test_the_japanese_index_opens_with_a_jump_to_each_section(client, catalogue):
    html = client.get("/ja/artists/").text
    nav = html[html.index('<nav class="initials"') : html.index("</nav>", html.index("initials"))]
    assert 'aria-label="五十音・A–Z索引"' in nav
    links = ["#row-a", "#row-ya", "#letter-m", "#letter-r"]
    jumps = positions(nav, *(f'href="{link}"' for link in links))
    assert jumps == sorted(jumps)
    for link in links:
        assert f'<section class="artist-section" id="{link[1:]}"' in html
    assert 'href="#row-ka"' not in nav  # no か row on this page


def test_the_english_index_is_a_to_z_by_romaji_as_before(client, catalogue):
    html = client.get("/artists/").text
    with translation.override("en"):
        expected = list(Artist.objects.order_by(Lower("sort_name"), "name", "pk"))
    assert [artist.sort_name[0].upper() for artist in expected] == ["M", "O", "R", "U", "Y", "Y"]
    links = positions(html, *(f'href="/artists/{artist.slug}/"' for artist in expected))
    assert links == sorted(links)
    assert "<h1>Artists A–Z</h1>" in html
    assert 'aria-label="Initials"' in html
    assert '<section class="artist-section" id="letter-y"' in html
    assert "row-" not in html


def page_queries(client, url):
    """The queries of a fresh render of `url`, no cached copy checked or served."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def add_artists(count, start):
    for n in range(start, start + count):
        make_artist(f"Artist {n:04d}", name_kana="あいうえお"[n % 5] + f"{n:04d}")


@pytest.mark.parametrize("path", ["/ja/artists/", "/artists/"])
def test_the_index_costs_the_same_queries_however_many_artists(client, path):
    add_artists(5, 0)
    small = page_queries(client, path)
    add_artists(300, 5)
    assert page_queries(client, path) == small
    middle, last = page_queries(client, f"{path}?page=2"), page_queries(client, f"{path}?page=3")
    add_artists(250, 305)
    assert page_queries(client, f"{path}?page=2") == middle
    assert page_queries(client, f"{path}?page=5") == last


def plan(queryset):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test's table is so small that reading it whole would cost less.
            cursor.execute("SET LOCAL enable_seqscan = off")
            explain = "EXPLAIN"
        else:
            explain = "EXPLAIN QUERY PLAN"
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"{explain} {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("language", "order", "index"),
    [("ja", JAPANESE_INDEX_ORDER, "artist_gojuon"), ("en", A_TO_Z_ORDER, "artist_a_to_z")],
)
def test_each_index_page_walks_its_index_and_sorts_nothing(catalogue, language, order, index):
    with translation.override(language):
        artists = Artist.objects.order_by(*order)
        # The three reads of IndexWalkPaginator: a first page, the keys of a later one,
        # and a page near the end, read backwards.
        for queryset in [
            artists[:120],
            artists.values_list("pk", flat=True)[120:240],
            artists.reverse()[:120],
        ]:
            shown = plan(queryset)
            assert index in shown, shown
            assert "Sort" not in shown and "TEMP B-TREE" not in shown, shown
        if connection.vendor == "postgresql":
            # The keys a later page skips come from the index alone, no row read.
            assert "Index Only Scan" in plan(artists.values_list("pk", flat=True)[120:240])


def test_a_new_reading_moves_the_artist_in_the_cached_japanese_index(client, catalogue):
    radwimps = catalogue["radwimps"]
    link = f'href="/ja/artists/{radwimps.slug}/"'
    html = client.get("/ja/artists/").text
    assert html.index(link) > html.index('id="letter-r-heading"')
    assert client.get("/ja/artists/")["X-Page-Cache"] == "hit"

    radwimps.name_kana = "らっどうぃんぷす"
    radwimps.save()

    html = client.get("/ja/artists/").text
    assert html.index('id="row-ra-heading"') < html.index(link) < html.index('id="letter-m"')


def test_the_admin_says_the_reading_files_the_artist_in_the_japanese_index(editor_client):
    html = editor_client.get(reverse("admin:songs_artist_add")).text
    assert "It files the artist in the Japanese index" in html

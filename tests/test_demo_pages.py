"""The demo content `make run` serves, as a reader meets it."""

import re

from songs.models import Song, Work


def entry_titles(response):
    return re.findall(r'class="entry-title">.*?<a href="[^"]+">([^<]+)</a>', response.text, re.S)


def test_demo_article_shows_seven_songs_range_and_one_new_badge(demo, client):
    response = client.get("/articles/songs-for-when-you-want-to-cry/")
    assert response.status_code == 200
    assert len(entry_titles(response)) == 7
    assert "(1–7)</h2>" in response.text
    assert response.text.count("NEW!") == 1
    kujira = response.text.split('id="entry-7"')[1]
    assert "NEW!" in kujira


def test_the_demo_song_with_a_known_video_gives_its_list_a_youtube_playlist(demo, client):
    lemon = Song.objects.get(slug="lemon")
    assert lemon.video.video_id == "SX_ViT4Ra7k"
    listing = lemon.entries.order_by("article_id").first().article
    html = client.get(listing.get_absolute_url()).text
    assert "https://www.youtube.com/watch_videos?video_ids=SX_ViT4Ra7k" in html
    assert "https://music.youtube.com/watch?v=SX_ViT4Ra7k" in html
    # The other demo songs have no link the demo could vouch for.
    assert Song.objects.exclude(video_url="").count() == 1


def test_demo_article_has_ten_related_articles_that_open(demo, client):
    html = client.get("/articles/songs-for-when-you-want-to-cry/").text
    end = html.split('class="related related-end"')[1].split("</nav>")[0]
    links = re.findall(r'href="(/articles/[^"]+)"', end)
    assert len(links) == 10
    for link in links:
        assert client.get(link).status_code == 200, link
    # Above the headline, the first three and a link down to all ten.
    top = html.split('class="related related-top"')[1].split("</nav>")[0]
    assert re.findall(r'href="(/articles/[^"]+)"', top) == links[:3]
    assert 'href="#related-related-end-heading">All 10 related articles' in top


def test_every_link_on_the_demo_article_opens(demo, client):
    html = client.get("/articles/songs-for-when-you-want-to-cry/").text
    links = set(
        re.findall(
            r'href="(/(?:artists|songs|moods|audiences|articles|works|tie-ins)/[^"#]*)"', html
        )
    )
    assert len(links) > 20
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_long_demo_list_has_a_second_page(demo, client):
    url = "/articles/twenty-japanese-songs-that-make-you-cry/"
    first, second = client.get(url), client.get(url, {"page": 2})
    assert "(1–10)</h2>" in first.text and "(11–20)</h2>" in second.text
    assert len(entry_titles(second)) == 10
    assert entry_titles(second)[-1] == "Even If It&#x27;s One of a Kind"


def test_demo_works_are_the_seeds_tie_ins_with_facts_only(demo, client):
    works = {work.slug: work for work in Work.objects.all()}
    assert len(works) == 8
    assert (works["your-name"].title_ja, works["your-name"].year) == ("君の名は。", 2016)
    assert works["5-centimeters-per-second"].year == 2007
    assert not any(work.official_url for work in works.values())  # none we could vouch for
    assert Song.objects.get(slug="sparkle").work == works["your-name"]
    # The seed's coupling song is not itself a tie-in: the note says what it is.
    kujira = Song.objects.get(slug="even-if-its-one-of-a-kind")
    assert (kujira.work, kujira.tie_in_role) == (works["shabake"], "")
    assert kujira.tie_in_note.startswith("Coupling song")
    html = client.get("/articles/songs-for-when-you-want-to-cry/").text
    assert 'href="/works/your-name/">Your Name</a> (Film, 2016)' in html
    assert "Sparkle" in client.get("/tie-ins/film/").text


def test_demo_song_page_links_back_to_the_article(demo, client):
    html = client.get("/songs/soranji/").text
    assert 'href="/articles/songs-for-when-you-want-to-cry/"' in html

"""The song and tag admin: video links, where a song appears, tag suggestions."""

from datetime import date

import pytest

from songs.models import Song
from tests.factories import (
    add_entries,
    admin_url,
    form_data,
    form_errors,
    make_article,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db


def save_song(client, song, **changes):
    data = form_data(client.get(admin_url(song)))
    data.update(changes)
    return client.post(admin_url(song), data)


def song_list(client, **headers):
    response = client.get(admin_url(Song, "changelist"), **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "precision,shown,hidden",
    [
        ("year", ">2014</td>", "Jan. 1, 2014"),
        ("month", ">March 2014</td>", "March 1, 2014"),
        ("day", ">March 5, 2014</td>", ">2014</td>"),
    ],
)
def test_the_song_list_shows_a_release_date_as_precisely_as_known(
    editor_client, precision, shown, hidden
):
    day = (
        date(2014, 3, 5) if precision == "day" else date(2014, 3 if precision == "month" else 1, 1)
    )
    make_song("Lemon", release_date=day, release_date_precision=precision)
    page = song_list(editor_client)
    assert shown in page
    assert hidden not in page


def test_a_year_only_release_date_is_the_year_in_japanese_too(editor_client):
    make_song("Lemon", release_date=date(2014, 1, 1), release_date_precision="year")
    page = song_list(editor_client, HTTP_ACCEPT_LANGUAGE="ja")
    assert ">2014</td>" in page
    assert "2014年1月1日" not in page


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.dailymotion.com/video/x7tgad0",
        "javascript:alert(1)",
        "https://www.youtube.com/watch?v=short",
        "not a url at all",
    ],
)
def test_a_video_link_other_than_youtube_or_vimeo_is_a_form_error(editor_client, url):
    song = make_song()
    response = save_song(editor_client, song, video_url=url)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["video_url"]
    song.refresh_from_db()
    assert song.video_url == ""


def test_a_youtube_link_shows_its_thumbnail_in_the_admin(editor_client):
    song = make_song()
    response = save_song(editor_client, song, video_url="https://youtu.be/dQw4w9WgXcQ")
    assert response.status_code == 302, form_errors(response)
    page = editor_client.get(admin_url(song)).content.decode()
    assert 'src="https://i.ytimg.com/vi/dQw4w9WgXcQ/mqdefault.jpg"' in page
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page


def test_a_vimeo_link_shows_a_link(editor_client):
    song = make_song(video_url="https://vimeo.com/76979871")
    page = editor_client.get(admin_url(song)).content.decode()
    assert 'href="https://vimeo.com/76979871"' in page
    assert "Watch on Vimeo" in page


def test_the_song_page_lists_the_articles_it_appears_in(editor_client):
    song = make_song("Lemon")
    live = make_article("Live list")
    draft = make_article("Draft list", published=False)
    add_entries(live, [make_song("Other"), song])
    add_entries(draft, [song])
    page = editor_client.get(admin_url(song)).content.decode()
    assert "2 articles:" in page
    assert f'<a href="{admin_url(live)}">Live list</a> — number 2 (live)' in page
    assert f'<a href="{admin_url(draft)}">Draft list</a> — number 1 (draft)' in page
    changelist = editor_client.get(admin_url(Song, "changelist"))
    counts = {row.title: row.article_count for row in changelist.context["cl"].result_list}
    assert counts["Lemon"] == 2
    assert counts["Other"] == 1


def test_tag_boxes_suggest_the_existing_moods_and_audiences(editor_client):
    make_mood("Tear-jerking")
    make_mood("Nostalgic")
    make_audience("Women in their 40s")
    page = editor_client.get(admin_url(Song, "add")).content.decode()
    assert 'data-tag="Tear-jerking"' in page
    assert 'data-tag="Nostalgic"' in page
    assert 'data-tag="Women in their 40s"' in page
    assert "/static/admin_ext/tag_suggestions.js" in page


def test_a_name_with_spaces_typed_alone_is_one_tag(editor_client):
    song = make_song()
    response = save_song(editor_client, song, audiences="Women in their 40s")
    assert response.status_code == 302, form_errors(response)
    assert [tag.name for tag in song.audiences.all()] == ["Women in their 40s"]
    shown = form_data(editor_client.get(admin_url(song)))
    assert shown["audiences"] == "Women in their 40s"


def test_typing_an_existing_mood_in_another_case_reuses_it(editor_client):
    mood = make_mood("Tear-jerking")
    song = make_song()
    save_song(editor_client, song, moods="tear-jerking, Brand new")
    assert sorted(tag.pk for tag in song.moods.all() if tag.name != "Brand new") == [mood.pk]
    assert sorted(tag.name for tag in song.moods.all()) == ["Brand new", "Tear-jerking"]

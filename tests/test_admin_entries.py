"""The entry inline: order, duplicate songs, adding a song without leaving the article."""

import json
import re
from datetime import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from songs.models import Song
from tests.factories import (
    add_entries,
    admin_url,
    box,
    fill_entry_rows,
    form_data,
    form_errors,
    make_article,
    make_artist,
    make_song,
    row_of,
)

pytestmark = pytest.mark.django_db


def titles(article):
    return [entry.song.title for entry in article.entries.select_related("song")]


def test_entries_are_saved_in_the_order_given_and_come_back_in_it(editor_client):
    article = make_article(published=False)
    songs = [make_song("A"), make_song("B"), make_song("C"), make_song("D")]
    add_entries(article, songs)
    data = form_data(editor_client.get(admin_url(article)))
    # What entry_order.js does after a drag: D to the top, B to the bottom.
    for song, place in zip(songs, ["2", "4", "3", "1"], strict=True):
        data[f"{row_of(data, song)}-order"] = place
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(article) == ["D", "A", "C", "B"]
    assert [entry.position for entry in article.entries.all()] == [1, 2, 3, 4]

    reloaded = form_data(editor_client.get(admin_url(article)))
    shown = [reloaded[f"entries-{i}-song"] for i in range(4)]
    assert shown == [str(songs[3].pk), str(songs[0].pk), str(songs[2].pk), str(songs[1].pk)]
    assert [reloaded[f"entries-{i}-order"] for i in range(4)] == ["1", "2", "3", "4"]


def test_a_new_row_can_be_placed_in_the_middle(editor_client):
    article = make_article(published=False)
    first, last = make_song("First"), make_song("Last")
    add_entries(article, [first, last])
    data = form_data(editor_client.get(admin_url(article)))
    middle = make_song("Middle")
    fill_entry_rows(data, [middle])
    data[f"{row_of(data, first)}-order"] = "1"
    data[f"{row_of(data, middle)}-order"] = "2"
    data[f"{row_of(data, last)}-order"] = "3"
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(article) == ["First", "Middle", "Last"]


def test_rows_without_an_order_go_last_in_the_order_shown(editor_client):
    article = make_article(published=False)
    data = form_data(editor_client.get(admin_url(article)))
    fill_entry_rows(data, [make_song("X"), make_song("Y"), make_song("Z")])
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(article) == ["X", "Y", "Z"]


def test_deleting_a_row_closes_the_gap(editor_client):
    article = make_article(published=False)
    songs = [make_song("A"), make_song("B"), make_song("C")]
    add_entries(article, songs)
    data = form_data(editor_client.get(admin_url(article)))
    data[f"{row_of(data, songs[1])}-DELETE"] = "on"
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(article) == ["A", "C"]
    assert [entry.position for entry in article.entries.all()] == [1, 2]


def test_a_song_added_twice_gets_an_error_naming_the_song(editor_client):
    artist = make_artist("Kenshi Yonezu")
    song = make_song("Lemon", artist=artist)
    article = make_article(published=False)
    add_entries(article, [song, make_song("Other")])
    data = form_data(editor_client.get(admin_url(article)))
    fill_entry_rows(data, [song])
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 200
    messages = form_errors(response)
    assert "“Lemon — Kenshi Yonezu” is in the list twice (numbers 1 and 3). " in " ".join(messages)
    assert any(
        message.startswith("“Lemon — Kenshi Yonezu” is already in this list, at number 1.")
        for message in messages
    )
    # The generic message that names nothing is not shown.
    assert not any("Please correct the duplicate data" in message for message in messages)
    assert article.entries.count() == 2


def test_a_song_added_twice_in_new_rows_is_refused_too(editor_client):
    song = make_song("Lemon")
    data = form_data(editor_client.get(admin_url(Article, "add")))
    data["title"] = "Twice"
    fill_entry_rows(data, [song, song], first_index=0)
    response = editor_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 200
    assert any("is in the list twice" in message for message in form_errors(response))
    assert not Article.objects.filter(title="Twice").exists()


def test_moving_a_song_to_another_row_is_not_a_duplicate(editor_client):
    article = make_article(published=False)
    a, b = make_song("A"), make_song("B")
    add_entries(article, [a, b])
    data = form_data(editor_client.get(admin_url(article)))
    # Swap the songs between the two existing rows.
    row_a, row_b = row_of(data, a), row_of(data, b)
    data[f"{row_a}-song"], data[f"{row_b}-song"] = str(b.pk), str(a.pk)
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(article) == ["B", "A"]


def test_a_new_article_starts_with_one_empty_row_a_list_under_way_with_none(editor_client):
    data = form_data(editor_client.get(admin_url(Article, "add")))
    assert data["entries-TOTAL_FORMS"] == "1"
    article = make_article(published=False)
    add_entries(article, [make_song("Only")])
    data = form_data(editor_client.get(admin_url(article)))
    assert data["entries-TOTAL_FORMS"] == "1"  # "Add another" adds rows


def test_an_empty_extra_row_is_ignored(editor_client):
    data = form_data(editor_client.get(admin_url(Article, "add")))
    data[box(Article, "title")] = "Nothing listed yet"
    response = editor_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(Article.objects.get(title="Nothing listed yet")) == []


def test_an_unchanged_row_keeps_its_added_at(editor_client):
    article = make_article(published=False)
    (entry,) = add_entries(article, [make_song("Only")])
    data = form_data(editor_client.get(admin_url(article)))
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert titles(article) == ["Only"]
    entry.refresh_from_db()
    assert entry.added_at.replace(microsecond=0) == data_added_at(data, "entries-0")


def data_added_at(data, row):
    """The `added_at` a row's box sent, as an aware time in the site's zone."""
    return timezone.make_aware(datetime.fromisoformat(data[f"{row}-added_at"]))


def test_the_added_at_box_folds_under_its_time_and_adds_no_time_zone_note(editor_client):
    article = make_article(published=False)
    add_entries(
        article, [make_song("Only")], added_at=timezone.make_aware(datetime(2025, 6, 14, 19))
    )
    page = editor_client.get(admin_url(article)).content.decode()
    row = re.search(r'<details class="entry-added-at">.*?</details>', page, re.S).group(0)
    assert "<summary>14 Jun 2025, 19:00</summary>" in row
    assert 'type="datetime-local"' in row and 'value="2025-06-14T19:00:00"' in row
    # Django's date and time pickers (and their per-box time-zone note) are not used.
    assert "vDateField" not in row and "vTimeField" not in row


def test_an_added_row_left_without_a_time_is_added_now(editor_client):
    article = make_article(published=False)
    add_entries(article, [make_song("First")])
    data = fill_entry_rows(form_data(editor_client.get(admin_url(article))), [make_song("New")])
    data["entries-1-added_at"] = ""
    before = timezone.now()
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)
    assert article.entries.get(song__title="New").added_at >= before.replace(microsecond=0)


def test_the_inline_loads_the_ordering_and_character_count_scripts(editor_client):
    page = editor_client.get(admin_url(Article, "add")).content.decode()
    assert "/static/admin_ext/entry_order.js" in page
    assert "/static/admin_ext/character_count.js" in page
    assert re.search(r'<textarea[^>]*data-character-count="commentary"', page)


@pytest.mark.parametrize("role_client", ["editor_client", "writer_client"])
def test_the_song_box_has_a_plus_button_that_opens_the_add_song_popup(role_client, request):
    client = request.getfixturevalue(role_client)
    page = client.get(admin_url(Article, "add")).content.decode()
    assert re.search(r'id="add_id_entries-0-song"[^>]*href="/admin/songs/song/add/\?', page) or (
        re.search(r'href="/admin/songs/song/add/\?[^"]*_popup=1[^"]*"[^>]*id="add_id_entries', page)
    )


def test_the_add_song_popup_hands_the_new_song_back_to_the_article(editor_client):
    artist = make_artist("RADWIMPS")
    url = admin_url(Song, "add") + "?_to_field=id&_popup=1"
    data = form_data(editor_client.get(url))
    data.update({box(Song, "title"): "Sparkle", "artist": str(artist.pk)})
    data.update(moods="Nostalgic, Tear-jerking")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    song = Song.objects.get(title="Sparkle")
    popup = json.loads(response.context["popup_response_data"])
    assert popup["value"] == str(song.pk)
    assert popup["obj"] == "Sparkle — RADWIMPS"
    assert sorted(mood.name for mood in song.moods.all()) == ["Nostalgic", "Tear-jerking"]

"""The article admin's "Paste a tracklist": a check step, then a confirmation that
alone writes, in the pasted order, after the list's own entries."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Entry
from songs.models import Artist, Song
from tests.factories import (
    add_entries,
    admin_url,
    form_data,
    form_errors,
    make_article,
    make_artist,
    make_song,
    make_staff_user,
)

pytestmark = pytest.mark.django_db


def paste_url(article):
    return reverse("admin:articles_article_paste", args=[article.pk])


@pytest.fixture
def catalogue():
    yonezu = make_artist("Kenshi Yonezu", aliases="米津玄師, Yonezu Kenshi")
    radwimps = make_artist("RADWIMPS", aliases="ラッドウィンプス")
    return {
        "eine": make_song("Eine Kleine", yonezu, alt_titles="アイネクライネ"),
        "lemon": make_song("Lemon", yonezu, alt_titles="レモン"),
        "sparkle": make_song("Sparkle", radwimps, alt_titles="スパークル"),
    }


@pytest.fixture
def draft(catalogue):
    article = make_article("Songs for rainy days", published=False)
    add_entries(article, [catalogue["lemon"]])
    return article


def check(client, article, tracklist):
    """Step 1: paste and check. The response is the confirmation page."""
    return client.post(paste_url(article), {"tracklist": tracklist, "check": "1"})


def confirm(client, article, checked):
    """Step 2: confirm what the check showed, as the browser would send it."""
    data = form_data(checked, form_id=None)
    data["confirm"] = "1"
    return client.post(paste_url(article), data)


def songs_listed(article):
    return list(article.entries.order_by("position").values_list("position", "song__title"))


PASTE = "\n".join(
    [
        "1. 米津玄師 – アイネクライネ",
        "2. Sparkle / RADWIMPS",
        "3. Lemon - 米津玄師",
        "4. 青い鳥 / Newcomer",
    ]
)


def test_the_change_page_links_to_the_paste_page(editor_client, draft):
    response = editor_client.get(admin_url(draft))
    assert paste_url(draft).encode() in response.content


def test_the_paste_page_shows_a_form(editor_client, draft):
    response = editor_client.get(paste_url(draft))
    assert response.status_code == 200
    assert b'name="tracklist"' in response.content


def test_checking_shows_each_line_with_its_match_and_writes_nothing(editor_client, draft):
    songs, artists = Song.objects.count(), Artist.objects.count()
    response = check(editor_client, draft, PASTE)
    assert response.status_code == 200
    outcomes = [(match.line.number, match.outcome) for match in response.context["matches"]]
    assert outcomes == [(1, "matched"), (2, "matched"), (3, "already-listed"), (4, "new-artist")]
    page = response.content.decode()
    assert "Already in this article: not added again" in page
    assert "New song and new artist: created, then added" in page
    assert 'name="confirm"' in page
    assert (Song.objects.count(), Artist.objects.count()) == (songs, artists)
    assert songs_listed(draft) == [(1, "Lemon")]


def test_confirming_adds_the_entries_in_pasted_order_after_the_list(editor_client, draft):
    response = confirm(editor_client, draft, check(editor_client, draft, PASTE))
    assert response.status_code == 302
    assert response.url == admin_url(draft)
    assert songs_listed(draft) == [(1, "Lemon"), (2, "Eine Kleine"), (3, "Sparkle"), (4, "青い鳥")]
    new_song = Song.objects.get(title="青い鳥")
    assert new_song.artist.name == "Newcomer"
    assert Artist.objects.filter(name="Newcomer").count() == 1


def test_a_song_already_listed_is_reported_not_duplicated(editor_client, draft, catalogue):
    checked = check(editor_client, draft, "Lemon / 米津玄師\nレモン - Kenshi Yonezu")
    assert [match.outcome for match in checked.context["matches"]] == [
        "already-listed",
        "already-listed",
    ]
    assert 'name="confirm"' not in checked.content.decode()  # nothing to add
    assert songs_listed(draft) == [(1, "Lemon")]


def test_the_confirmation_message_says_what_was_added_and_skipped(editor_client, draft):
    response = confirm(editor_client, draft, check(editor_client, draft, PASTE))
    followed = editor_client.get(response.url)
    shown = [str(message) for message in followed.context["messages"]]
    assert (
        "Added 3 entries from the tracklist (1 new song; 1 line skipped: its song is listed "
        "already)." in shown
    )


def test_the_paste_is_one_revision_in_the_history(editor_client, draft, editor):
    confirm(editor_client, draft, check(editor_client, draft, PASTE))
    versions = Version.objects.get_for_object(draft)
    assert versions.count() == 1
    assert versions[0].revision.user == editor
    assert versions[0].revision.comment == "Pasted a tracklist: added 3 entries."


def test_a_confirmation_after_the_catalogue_changed_writes_nothing(editor_client, draft):
    checked = check(editor_client, draft, "Newcomer - 青い鳥")
    make_song("青い鳥", make_artist("Newcomer"))  # someone added it in the meantime
    response = confirm(editor_client, draft, checked)
    assert response.status_code == 200
    assert "changed since the check: nothing was added" in response.content.decode()
    assert songs_listed(draft) == [(1, "Lemon")]
    assert response.context["matches"][0].outcome == "matched"


def test_a_confirmation_with_edited_lines_checks_them_again(editor_client, draft):
    data = form_data(check(editor_client, draft, "Sparkle - RADWIMPS"))
    data.update(tracklist="Sparkle - RADWIMPS\nSomething - Somebody", confirm="1")
    response = editor_client.post(paste_url(draft), data)
    assert response.status_code == 200
    assert len(response.context["matches"]) == 2
    assert songs_listed(draft) == [(1, "Lemon")]


def test_the_article_form_opened_before_a_paste_cannot_save_over_it(editor_client, draft):
    opened = form_data(editor_client.get(admin_url(draft)))
    confirm(editor_client, draft, check(editor_client, draft, "Sparkle - RADWIMPS"))
    opened["title"] = "Renamed"
    response = editor_client.post(admin_url(draft), opened)
    assert response.status_code == 200
    assert any("Someone else saved this article" in error for error in form_errors(response))
    assert songs_listed(draft) == [(1, "Lemon"), (2, "Sparkle")]


@pytest.mark.parametrize(
    "tracklist, message",
    [
        ("", "Paste at least one line: an artist and a title."),
        ("   \n  ", "Paste at least one line: an artist and a title."),
        ("\n".join(f"Song {n} - Artist" for n in range(101)), "Paste at most 100 lines"),
        ("Sparkle - RADWIMPS\nNo separator here", "Line 2 (“No separator here”): cannot tell"),
        ("x" * 50_000, "Paste at most 45000 characters at a time."),
        ("Sparkle\x00 - RADWIMPS", "Null characters are not allowed."),
    ],
)
def test_a_bad_paste_is_a_clear_form_error(editor_client, draft, tracklist, message):
    entries = Entry.objects.count()
    response = editor_client.post(
        paste_url(draft), {"tracklist": tracklist, "confirm": "1", "plan": "x"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Entry.objects.count() == entries


def test_a_writer_pastes_into_a_draft(writer_client, draft):
    response = confirm(writer_client, draft, check(writer_client, draft, PASTE))
    assert response.status_code == 302
    assert len(songs_listed(draft)) == 4


def test_a_writer_cannot_publish_through_the_paste(writer_client, draft):
    data = form_data(check(writer_client, draft, "Sparkle - RADWIMPS"))
    data.update(confirm="1", status="published", published_at_0="2026-01-01")
    writer_client.post(paste_url(draft), data)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert songs_listed(draft) == [(1, "Lemon"), (2, "Sparkle")]


def test_a_writer_cannot_paste_into_a_published_article(writer_client, catalogue):
    published = make_article("Live list", published=True)
    assert writer_client.get(paste_url(published)).status_code == 403
    response = writer_client.post(
        paste_url(published), {"tracklist": "Sparkle - RADWIMPS", "confirm": "1"}
    )
    assert response.status_code == 403
    assert not published.entries.exists()


def test_a_writer_is_not_offered_the_paste_on_a_published_article(writer_client, catalogue):
    published = make_article("Live list", published=True)
    response = writer_client.get(admin_url(published))
    assert response.status_code == 200
    assert paste_url(published).encode() not in response.content


def test_an_editor_pastes_into_a_published_article(editor_client, catalogue):
    published = make_article("Live list", published=True)
    checked = check(editor_client, published, "Lemon by 米津玄師")
    response = confirm(editor_client, published, checked)
    assert response.status_code == 302
    assert songs_listed(published) == [(1, "Lemon")]
    published.refresh_from_db()
    assert published.state == Article.State.PUBLISHED


def test_without_the_right_to_add_artists_nothing_is_added(client, draft):
    user = make_staff_user("limited")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_article", "change_article", "add_entry", "add_song"]
        )
    )
    client.force_login(user)
    checked = check(client, draft, "Sparkle - RADWIMPS\nNewcomer - 青い鳥")
    page = checked.content.decode()
    assert "You may not add artists: ask an editor to add the new ones first." in page
    assert 'name="confirm"' not in page
    data = form_data(checked)
    data["confirm"] = "1"
    response = client.post(paste_url(draft), data)
    assert response.status_code == 200
    assert "You may not add artists: ask an editor to add the new ones first." in (
        response.content.decode()
    )
    assert songs_listed(draft) == [(1, "Lemon")]
    assert not Artist.objects.filter(name="Newcomer").exists()


def test_readers_see_the_pasted_songs_on_the_very_next_request(editor_client, catalogue):
    published = make_article("Live list", published=True)
    reader = Client()
    assert "Sparkle" not in reader.get(published.get_absolute_url()).text  # now cached
    checked = check(editor_client, published, "Sparkle / RADWIMPS\n青い鳥 - Newcomer")
    confirm(editor_client, published, checked)
    page = reader.get(published.get_absolute_url()).text
    assert "Sparkle" in page and "青い鳥" in page
    # Site search finds the article by its new songs too (its search text is current).
    assert "Live list" in reader.get("/search/", {"q": "すぱーくる"}).text


def test_an_unknown_article_redirects_to_the_admin_home(editor_client):
    response = editor_client.get(reverse("admin:articles_article_paste", args=[999_999]))
    assert response.status_code == 302


def test_the_paste_page_speaks_japanese(editor_client, draft):
    response = editor_client.get(paste_url(draft), HTTP_ACCEPT_LANGUAGE="ja")
    assert "トラックリスト" in response.content.decode()

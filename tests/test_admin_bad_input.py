"""Bad input to the editor's admin is a clear form error, never a 500."""

import pytest
from reversion.models import Version

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
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db

# Translated, a title takes either language's box (core/admin_translation.py).
TITLE_REQUIRED = (
    "English or in Japanese" if box(Article, "title") != "title" else "This field is required."
)


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"entries-0-order": "abc"}, "Enter a whole number."),
        ({"entries-0-order": "-1"}, "Ensure this value is greater than or equal to 1."),
        ({"entries-TOTAL_FORMS": "x"}, "ManagementForm data is missing or has been tampered"),
        ({"entries-TOTAL_FORMS": "5000"}, "Please submit at most 500 forms."),
        ({"entries-0-song": "999999"}, "Select a valid choice."),
        # A non-number in an autocomplete box used to crash re-rendering the form.
        ({"entries-0-song": "abc"}, "Select a valid choice."),
        ({"entries-0-id": "99999"}, "Select a valid choice."),
        ({"published_at_0": "2026-13-45", "published_at_1": "25:99"}, "Enter a valid date."),
        ({"entries_per_page": "0"}, "Choose between 1 and 100 songs a page."),
        ({box(Article, "title"): ""}, TITLE_REQUIRED),
        ({"moods": "x" * 101}, "A name can be at most 100 characters"),
    ],
)
def test_bad_article_form_input_is_a_form_error(editor_client, changes, message):
    article = make_article("Unchanged", published=False)
    add_entries(article, [make_song("A"), make_song("B")])
    data = {**form_data(editor_client.get(admin_url(article))), **changes}
    response = editor_client.post(admin_url(article), data)
    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)), form_errors(response)
    article.refresh_from_db()
    assert article.title == "Unchanged"


@pytest.mark.parametrize("artist_id", ["abc", "1; DROP TABLE", "99999"])
def test_a_bad_artist_id_on_the_song_form_is_a_form_error(editor_client, artist_id):
    data = form_data(editor_client.get(admin_url(Song, "add")))
    data.update({box(Song, "title"): "Orphan", "artist": artist_id})
    data.update(featured_artists=[artist_id])
    response = editor_client.post(admin_url(Song, "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["artist"]
    assert not Song.objects.filter(title="Orphan").exists()


def test_a_long_japanese_mood_gets_a_slug_that_fits_its_column():
    mood = make_mood("泣" * 100)
    assert 0 < len(mood.slug) <= 100
    again = make_mood("泣" * 99 + "涙")  # romanises to the same slug: gets a suffix
    assert len(again.slug) <= 100
    assert again.slug != mood.slug


def test_restoring_a_version_whose_song_was_deleted_since_is_refused_clearly(editor_client):
    kept, gone = make_song("Kept"), make_song("Gone")
    article = make_article(published=False)
    data = form_data(editor_client.get(admin_url(article)))
    fill_entry_rows(data, [kept, gone], first_index=0)
    assert editor_client.post(admin_url(article), data).status_code == 302
    version = Version.objects.get_for_object(article).get()
    data = form_data(editor_client.get(admin_url(article)))
    row = next(k for k, v in data.items() if k.endswith("-song") and v == str(gone.pk))
    data[row.replace("-song", "-DELETE")] = "on"
    assert editor_client.post(admin_url(article), data).status_code == 302
    Song.objects.filter(pk=gone.pk).delete()  # no longer protected: no entry uses it

    url = admin_url(Article, "revision", article.pk, version.pk)
    response = editor_client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == admin_url(article, "history")
    page = response.content.decode()
    assert "This version cannot be restored" in page
    assert "song of “2. Gone”" in page
    assert editor_client.post(url, {}).status_code == 302
    assert [entry.song.title for entry in article.entries.all()] == ["Kept"]

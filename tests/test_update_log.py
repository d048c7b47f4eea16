"""The update log: one line per admin save that changes a published list, shown under
the byline, linked from the NEW! badges and listed on the change page."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, ArticleUpdate, Entry
from tests.factories import (
    add_entries,
    admin_url,
    box,
    fill_entry_rows,
    form_data,
    form_errors,
    make_article,
    make_song,
    row_of,
)
from tests.test_query_counts import get_article_page_within_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    """An anonymous reader: `client` is the editor's own once editor_client logs it in."""
    return Client()


@pytest.fixture
def songs():
    return [make_song(title) for title in ["A", "B", "C", "D", "E", "F"]]


@pytest.fixture
def published(songs):
    article = make_article("Songs for a long drive")
    add_entries(article, songs[:3])
    return article


def save(client, article, change):
    """Open the article's change page, let `change` edit the form data, and save it."""
    data = form_data(client.get(admin_url(article)))
    change(data)
    response = client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)


def summaries(article):
    return [update.summary for update in ArticleUpdate.objects.filter(article=article)]


def test_adding_three_songs_in_one_save_is_one_line_naming_them(editor_client, published, songs):
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:]))

    assert summaries(published) == ["3 songs added: D, E, F"]
    published.refresh_from_db()
    assert published.latest_update == ArticleUpdate.objects.get(article=published)


def test_removing_a_song_is_logged(editor_client, published, songs):
    save(
        editor_client,
        published,
        lambda data: data.update({f"{row_of(data, songs[1])}-DELETE": "on"}),
    )

    assert summaries(published) == ["1 song removed: B"]


def test_reordering_is_logged(editor_client, published, songs):
    def reorder(data):
        for song, place in zip(songs[:3], ["3", "2", "1"], strict=True):
            data[f"{row_of(data, song)}-order"] = place

    save(editor_client, published, reorder)

    assert summaries(published) == ["Order changed"]


def test_rewriting_commentary_is_logged_with_the_count_of_songs(editor_client, published, songs):
    def rewrite(data):
        for song in songs[:2]:
            data[f"{row_of(data, song)}-{box(Entry, 'commentary')}"] = "Written again, better."

    save(editor_client, published, rewrite)

    assert summaries(published) == ["Commentary rewritten for 2 songs"]


def test_several_changes_in_one_save_make_one_combined_line(editor_client, published, songs):
    def change(data):
        data[f"{row_of(data, songs[0])}-DELETE"] = "on"
        data[f"{row_of(data, songs[2])}-{box(Entry, 'commentary')}"] = "Written again."
        fill_entry_rows(data, [songs[3]])

    save(editor_client, published, change)

    assert summaries(published) == [
        "1 song added: D; 1 song removed: A; commentary rewritten for 1 song"
    ]


def test_adding_a_song_at_the_top_is_no_reorder(editor_client, published, songs):
    def add_first(data):
        fill_entry_rows(data, [songs[3]])
        data[f"{row_of(data, songs[3])}-order"] = "1"
        for place, song in enumerate(songs[:3], start=2):
            data[f"{row_of(data, song)}-order"] = str(place)

    save(editor_client, published, add_first)

    assert summaries(published) == ["1 song added: D"]


def test_a_save_that_changes_no_entry_logs_nothing(editor_client, published):
    save(editor_client, published, lambda data: data.update(lead="A new lead."))

    assert summaries(published) == []


def test_drafts_and_scheduled_articles_log_nothing(editor_client, songs):
    draft = make_article("Draft", published=False)
    scheduled = make_article("Scheduled", when=timezone.now() + timedelta(days=1))
    for article in (draft, scheduled):
        add_entries(article, songs[:1])
        save(editor_client, article, lambda data: fill_entry_rows(data, songs[1:3]))

    assert not ArticleUpdate.objects.exists()


def test_the_first_publication_is_no_update(editor_client, songs):
    draft = make_article("Draft", published=False)
    add_entries(draft, songs[:1])

    def publish_with_more_songs(data):
        data["status"] = Article.Status.PUBLISHED
        fill_entry_rows(data, songs[1:3])

    save(editor_client, draft, publish_with_more_songs)

    assert Article.objects.get(pk=draft.pk).is_public
    assert not ArticleUpdate.objects.exists()


def test_a_pasted_tracklist_on_a_published_article_is_one_line(editor_client, published, songs):
    url = admin_url(published, "paste", published.pk)
    checked = editor_client.post(
        url, {"tracklist": "D / Artist of D\nE / Artist of E", "check": "1"}
    )
    data = form_data(checked)
    data["confirm"] = "1"
    assert editor_client.post(url, data).status_code == 302

    assert summaries(published) == ["2 songs added: D, E"]


def test_a_restored_version_keeps_the_article_pointing_at_its_newest_line(
    editor_client, published, songs
):
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:4]))
    first = ArticleUpdate.objects.get(article=published)
    published.refresh_from_db()
    assert published.latest_update == first
    # No revision was made by the factory: the first save's is the one before its change.
    from reversion.models import Version

    version = Version.objects.get_for_object(published).order_by("pk").first()
    url = admin_url(published, "revision", published.pk, version.pk)
    data = form_data(editor_client.get(url))
    response = editor_client.post(url, data)
    assert response.status_code == 302, form_errors(response)

    published.refresh_from_db()
    assert published.latest_update == ArticleUpdate.objects.filter(article=published).first()


# --- The article page ----------------------------------------------------------------


def test_the_byline_shows_the_latest_update_and_new_badges_link_to_it(
    reader, editor_client, published, songs
):
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:5]))
    update = ArticleUpdate.objects.get(article=published)

    page = reader.get(published.get_absolute_url()).content.decode()

    assert f'id="update-{update.pk}"' in page
    assert "2 songs added" in page
    assert page.count(f'<a class="badge-new" href="#update-{update.pk}">') == 2


def test_the_update_line_is_in_japanese_under_ja(reader, editor_client, published, songs):
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:5]))

    page = reader.get(f"/ja{published.get_absolute_url()}").content.decode()

    assert "2曲を追加" in page


def test_an_update_shows_on_the_very_next_request(reader, editor_client, published, songs):
    reader.get(published.get_absolute_url())  # cached
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:4]))

    assert "1 song added" in reader.get(published.get_absolute_url()).content.decode()


def test_without_a_log_new_badges_link_nowhere(client, songs):
    article = make_article("Fresh list")
    add_entries(article, songs[:1], added_at=timezone.now())

    page = client.get(article.get_absolute_url()).content.decode()

    assert '<span class="badge-new">' in page
    assert 'class="badge-new" href' not in page


# --- The admin -----------------------------------------------------------------------


def test_the_change_page_shows_the_log_as_readers_read_it(editor_client, published, songs):
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:4]))
    save(
        editor_client,
        published,
        lambda data: data.update({f"{row_of(data, songs[0])}-DELETE": "on"}),
    )

    page = editor_client.get(admin_url(published)).content.decode()

    assert page.index("1 song removed: A") < page.index("1 song added: D")
    assert 'name="update_log"' not in page  # read-only


def test_the_update_line_stays_within_the_article_page_query_budget(
    reader, editor_client, published, songs
):
    save(editor_client, published, lambda data: fill_entry_rows(data, songs[3:4]))

    response = get_article_page_within_budget(reader, published.get_absolute_url())

    assert "1 song added" in response.content.decode()

"""Two people on one entry: the second save, made on a copy opened before the first,
is refused with a form error, and nothing the first one saved is lost.

The stand-alone entry form is site administration, a superuser's; the article form,
which edits entries inline, is every editor's."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from articles.models import Entry
from tests.factories import (
    add_entries,
    admin_url,
    box,
    form_data,
    form_errors,
    make_article,
    make_song,
    row_of,
)

pytestmark = pytest.mark.django_db

COMMENTARY = box(Entry, "commentary")  # "commentary_en" once translated

STALE = "Someone else saved this entry after you opened it"


@pytest.fixture
def entry():
    article = make_article(published=False)
    return add_entries(article, [make_song("Lemon"), make_song("Marigold")])[0]


def make_superuser(username):
    return get_user_model().objects.create_superuser(username, password="pass-for-tests")


@pytest.fixture
def first_editor(client, db):
    client.force_login(make_superuser("root"))
    return client


@pytest.fixture
def second_editor(db):
    other = Client()
    other.force_login(make_superuser("ada"))
    return other


def test_the_second_save_of_an_entry_opened_before_the_first_is_refused(
    first_editor, second_editor, entry
):
    first = form_data(first_editor.get(admin_url(entry)))
    second = form_data(second_editor.get(admin_url(entry)))

    first[COMMENTARY] = "The first editor's words."
    response = first_editor.post(admin_url(entry), first)
    assert response.status_code == 302, form_errors(response)

    second[COMMENTARY] = "The second editor's words."
    response = second_editor.post(admin_url(entry), second)
    assert response.status_code == 200
    assert any(STALE in message for message in form_errors(response))
    entry.refresh_from_db()
    assert entry.commentary == "The first editor's words."


def test_after_reloading_the_second_editor_saves(first_editor, second_editor, entry):
    stale = form_data(second_editor.get(admin_url(entry)))
    first = form_data(first_editor.get(admin_url(entry)))
    first_editor.post(admin_url(entry), {**first, COMMENTARY: "First."})
    refused = second_editor.post(admin_url(entry), {**stale, COMMENTARY: "Second."})
    assert refused.status_code == 200

    fresh = form_data(second_editor.get(admin_url(entry)))
    response = second_editor.post(admin_url(entry), {**fresh, COMMENTARY: "Second, on top."})
    assert response.status_code == 302, form_errors(response)
    entry.refresh_from_db()
    assert entry.commentary == "Second, on top."


def test_an_entry_saved_on_its_own_refuses_the_article_form_opened_before(
    first_editor, second_editor, entry
):
    article_form = form_data(second_editor.get(admin_url(entry.article)))
    data = form_data(first_editor.get(admin_url(entry)))
    response = first_editor.post(admin_url(entry), {**data, COMMENTARY: "Saved on its own."})
    assert response.status_code == 302, form_errors(response)

    article_form[f"{row_of(article_form, entry.song)}-{COMMENTARY}"] = "Saved with the article."
    response = second_editor.post(admin_url(entry.article), article_form)
    assert response.status_code == 200
    assert any("Someone else saved this article" in m for m in form_errors(response))
    entry.refresh_from_db()
    assert entry.commentary == "Saved on its own."


def test_an_entry_changed_in_its_article_form_refuses_the_entry_form_opened_before(
    first_editor, second_editor, entry
):
    entry_form = form_data(second_editor.get(admin_url(entry)))
    article_form = form_data(first_editor.get(admin_url(entry.article)))
    article_form[f"{row_of(article_form, entry.song)}-{COMMENTARY}"] = "Saved with the article."
    response = first_editor.post(admin_url(entry.article), article_form)
    assert response.status_code == 302, form_errors(response)

    response = second_editor.post(admin_url(entry), {**entry_form, COMMENTARY: "Mine."})
    assert response.status_code == 200
    assert any(STALE in message for message in form_errors(response))
    assert Entry.objects.get(pk=entry.pk).commentary == "Saved with the article."

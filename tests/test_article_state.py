"""Article.state: draft, scheduled or published, and every place that shows it."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    add_entries,
    admin_url,
    form_data,
    form_errors,
    make_article,
    make_song,
)

pytestmark = pytest.mark.django_db

State = Article.State


def at(moment):
    """Run the block as if the clock read `moment`."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_draft_is_a_draft_even_with_a_past_publication_time():
    article = make_article(published=False, published_at=timezone.now() - timedelta(days=1))
    assert article.state == State.DRAFT


def test_an_unsaved_published_article_without_a_time_is_still_a_draft():
    assert Article(status=Article.Status.PUBLISHED).state == State.DRAFT


def test_a_published_article_whose_time_is_to_come_is_scheduled():
    article = make_article(when=timezone.now() + timedelta(hours=1))
    assert article.state == State.SCHEDULED
    assert not article.is_public


def test_a_published_article_whose_time_has_come_is_published():
    article = make_article(when=timezone.now() - timedelta(hours=1))
    assert article.state == State.PUBLISHED
    assert article.is_public


def test_an_article_goes_live_at_its_exact_publication_time():
    moment = timezone.now() + timedelta(days=1)
    article = make_article(when=moment)
    with at(moment - timedelta(microseconds=1)):
        assert article.state == State.SCHEDULED
        assert not Article.objects.published().exists()
    with at(moment):
        assert article.state == State.PUBLISHED
        assert list(Article.objects.published()) == [article]


def test_each_state_selects_exactly_its_articles():
    articles = {
        State.DRAFT: make_article("Draft", published=False),
        State.SCHEDULED: make_article("Soon", when=timezone.now() + timedelta(days=1)),
        State.PUBLISHED: make_article("Live"),
    }
    for state, article in articles.items():
        assert article.state == state
        assert list(Article.objects.in_state(state)) == [article]


def test_the_admin_list_names_each_state_with_its_label(editor_client):
    make_article("Draft", published=False)
    make_article("Soon", when=timezone.now() + timedelta(days=1))
    make_article("Live")
    page = editor_client.get(admin_url(Article, "changelist")).content.decode()
    assert '<td class="field-publication_status">Draft</td>' in page
    for label in ["Scheduled", "Published"]:  # with their publication time after a dot
        assert f'<td class="field-publication_status">{label} · ' in page


def test_the_admin_status_filter_offers_the_states(editor_client):
    response = editor_client.get(admin_url(Article, "changelist"))
    page = response.content.decode()
    for value, label in State.choices:
        assert f'href="?publication={value}"' in page
        assert f">{label}</a>" in page


def test_an_unknown_status_filter_value_lists_everything(editor_client):
    make_article("Draft", published=False)
    make_article("Live")
    response = editor_client.get(admin_url(Article, "changelist"), {"publication": "lost"})
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 2


def test_the_song_admin_names_the_state_of_each_article_it_appears_in(editor_client):
    song = make_song("Lemon")
    soon = make_article("Soon", when=timezone.now() + timedelta(days=1))
    add_entries(soon, [song])
    page = editor_client.get(admin_url(song)).content.decode()
    assert "— number 1 (scheduled)" in page


@pytest.mark.parametrize(
    "article_factory,banner",
    [
        (lambda: make_article(published=False), "This draft is visible to editors only."),
        (lambda: make_article(when=timezone.now() + timedelta(days=1)), "Scheduled for "),
    ],
)
def test_the_preview_banner_says_which_state_the_article_is_in(
    editor_client, article_factory, banner
):
    page = editor_client.get(article_factory().get_absolute_url()).content.decode()
    assert banner in page


def test_an_editor_publishes_with_no_time_set_and_the_article_is_published_now(editor_client):
    draft = make_article("Rainy night songs", published=False)
    data = form_data(editor_client.get(admin_url(draft)), "article_form")
    data.update({"status": Article.Status.PUBLISHED, "published_at_0": "", "published_at_1": ""})
    response = editor_client.post(admin_url(draft), data)
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.is_public
    assert timezone.now() - draft.published_at < timedelta(minutes=1)

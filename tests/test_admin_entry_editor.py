"""The article change page's song box and related-pick suggestions
(articles/admin_entries.py, articles/admin_picks.py); its layout is checked in a
browser (tests/browser/test_entry_editor.py)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin_picks import PIN_BUTTON
from articles.models import Article
from articles.related_models import RelatedPick
from tests.factories import (
    add_entries,
    admin_url,
    box,
    form_data,
    form_errors,
    make_article,
    make_artist,
    make_song,
)

pytestmark = pytest.mark.django_db


def song_choices(client, term):
    response = client.get(
        reverse("admin:articles_article_song_choices"),
        {"term": term, "app_label": "articles", "model_name": "entry", "field_name": "song"},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


@pytest.fixture
def eine_kleine(db):
    artist = make_artist("米津玄師", aliases="Kenshi Yonezu")
    return make_song("アイネクライネ", artist=artist, release_date=datetime.date(2014, 3, 19))


def test_the_song_box_shows_title_artist_and_year(editor_client, eine_kleine):
    assert song_choices(editor_client, "アイネ") == ["アイネクライネ — 米津玄師 (2014)"]


@pytest.mark.parametrize("term", ["あいね", "ｱｲﾈ", "aine", "AINE", "yonezu", "米津", "米"])
def test_the_song_box_finds_a_song_in_any_script(editor_client, eine_kleine, term):
    assert song_choices(editor_client, term) == ["アイネクライネ — 米津玄師 (2014)"]


def test_the_song_box_leaves_out_songs_that_do_not_match(editor_client, eine_kleine):
    make_song("Lemon", artist=make_artist("Kenshi Yonezu"))
    assert song_choices(editor_client, "lemon") == ["Lemon — Kenshi Yonezu"]  # no year known


def test_the_song_box_is_for_signed_in_staff_only(client, eine_kleine):
    response = client.get(
        reverse("admin:articles_article_song_choices"),
        {"term": "aine", "app_label": "articles", "model_name": "entry", "field_name": "song"},
    )
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_row_shows_its_song_with_the_year_too(editor_client, eine_kleine):
    article = make_article(published=False)
    add_entries(article, [eine_kleine])
    page = editor_client.get(admin_url(article)).content.decode()
    selected = r'<option value="\d+" selected>アイネクライネ — 米津玄師 \(2014\)</option>'
    assert re.search(selected, page)
    # The rows' song boxes ask the song view that folds the search as readers' does.
    assert 'data-ajax--url="/admin/articles/article/song-choices/"' in page


# --- Suggestions beside the related picks ---------------------------------------------


def related_list(shared_song, count):
    """`count` published articles, each listing `shared_song`."""
    articles = [make_article(f"Also listing it {number}") for number in range(count)]
    for article in articles:
        add_entries(article, [shared_song])
    return articles


@pytest.fixture
def draft_with_relations(db):
    song = make_song("Sparkle", artist=make_artist("RADWIMPS"))
    draft = make_article("Songs for a summer night", published=False)
    add_entries(draft, [song])
    return draft, related_list(song, 3)


def test_the_change_page_suggests_related_articles_not_picked_yet(
    editor_client, draft_with_relations
):
    draft, (first, second, third) = draft_with_relations
    RelatedPick.objects.create(from_article=draft, to_article=second, position=1)
    response = editor_client.get(admin_url(draft))
    assert [article.pk for article in response.context["pick_suggestions"]] == [
        third.pk,
        first.pk,
    ]  # newest first, the pick left out
    page = response.content.decode()
    suggestions = re.search(r'<section class="pick-suggestions".*?</section>', page, re.S).group(0)
    assert "Also listing it 2" in suggestions and "Also listing it 0" in suggestions
    assert "Also listing it 1" not in suggestions
    assert f'data-pin="{third.pk}"' in suggestions


def test_the_suggestions_cost_the_same_queries_however_many_articles_relate(
    editor_client, django_assert_max_num_queries
):
    song = make_song("Sparkle", artist=make_artist("RADWIMPS"))
    draft = make_article("Songs for a summer night", published=False)
    add_entries(draft, [song])
    related_list(song, 2)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(admin_url(draft))
    related_list(song, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(admin_url(draft))
    assert len(response.context["pick_suggestions"]) == 10


def pin(client, article, to_article):
    data = form_data(client.get(admin_url(article)))
    data[PIN_BUTTON] = str(to_article.pk)
    data["_continue"] = "Save and continue editing"
    return client.post(admin_url(article), data)


def test_pin_saves_the_article_and_adds_the_suggestion_last(editor_client, draft_with_relations):
    draft, (first, _second, third) = draft_with_relations
    RelatedPick.objects.create(from_article=draft, to_article=first, position=1)
    response = pin(editor_client, draft, third)
    assert response.status_code == 302, form_errors(response)
    assert response["Location"] == admin_url(draft)
    picks = RelatedPick.objects.filter(from_article=draft).order_by("position")
    assert [(pick.to_article_id, pick.position) for pick in picks] == [(first.pk, 1), (third.pk, 2)]


def test_pin_saves_what_else_the_editor_changed(editor_client, draft_with_relations):
    draft, (first, _second, _third) = draft_with_relations
    data = form_data(editor_client.get(admin_url(draft)))
    data.update(
        {PIN_BUTTON: str(first.pk), box(Article, "title"): "Songs for a summer night, again"}
    )
    response = editor_client.post(admin_url(draft), data)
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.title == "Songs for a summer night, again"
    assert draft.pick_links.get().to_article == first


def test_pinning_an_article_twice_keeps_one_pick(editor_client, draft_with_relations):
    draft, (first, _second, _third) = draft_with_relations
    pin(editor_client, draft, first)
    pin(editor_client, draft, first)
    assert RelatedPick.objects.filter(from_article=draft).count() == 1


def test_an_article_cannot_be_pinned_to_itself(editor_client, draft_with_relations):
    draft, _related = draft_with_relations
    response = pin(editor_client, draft, draft)
    assert response.status_code == 302
    assert not RelatedPick.objects.filter(from_article=draft).exists()


def test_a_writer_pins_to_a_draft(writer_client, draft_with_relations):
    draft, (first, _second, _third) = draft_with_relations
    response = pin(writer_client, draft, first)
    assert response.status_code == 302, form_errors(response)
    assert draft.pick_links.get().to_article == first


def test_a_writer_cannot_pin_to_a_published_article(writer_client, draft_with_relations):
    draft, (first, second, _third) = draft_with_relations
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.PUBLISHED, published_at=first.published_at
    )
    page = writer_client.get(admin_url(draft)).content.decode()
    assert "data-pin=" not in page  # suggestions shown, without pin buttons
    data = form_data(writer_client.get(admin_url(draft)))
    data[PIN_BUTTON] = str(second.pk)
    response = writer_client.post(admin_url(draft), data)
    assert response.status_code in {200, 403}
    assert not RelatedPick.objects.filter(from_article=draft).exists()


def test_the_suggestions_and_row_labels_speak_japanese(editor_client, draft_with_relations):
    draft, _related = draft_with_relations
    page = editor_client.get(admin_url(draft), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "ランキングによる候補" in page
    assert 'aria-label="このエントリーを削除"' in page
    assert 'placeholder="この曲を選んだ理由（' in page

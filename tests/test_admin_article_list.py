"""The article list in the admin: columns, filters and search."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from songs.models import Artist, Mood, Song, Work
from tests.factories import (
    add_entries,
    admin_url,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
    make_work,
)

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get(admin_url(Article, "changelist"), params)
    assert response.status_code == 200
    return response


def titles(response):
    return sorted(article.title for article in response.context["cl"].result_list)


@pytest.fixture
def three_states():
    return {
        "draft": make_article("A draft", published=False),
        "scheduled": make_article("Coming soon", when=timezone.now() + timedelta(days=3)),
        "live": make_article("Out now"),
    }


def test_the_list_shows_status_with_schedule_entries_author_and_last_change(
    editor_client, editor, three_states
):
    add_entries(three_states["live"], [make_song("One"), make_song("Two")])
    Article.objects.filter(pk=three_states["live"].pk).update(author=editor)
    page = listed(editor_client).content.decode()
    for header in ["Status (Asia/Tokyo)", "Entries", "Author", "Last change (Asia/Tokyo)"]:
        assert header in page
    assert ">Draft</td>" in page
    assert "Scheduled · " in page
    assert "Published · " in page
    assert ">eddie</td>" in page
    row = next(a for a in listed(editor_client).context["cl"].result_list if a.title == "Out now")
    assert row.entry_count == 2


def test_the_status_column_shows_the_schedule_in_the_newsrooms_zone(editor_client):
    make_article("Spring", when=timezone.make_aware(datetime(2099, 4, 1, 9, 0)))
    assert "Scheduled · 1 Apr 2099, 09:00" in listed(editor_client).content.decode()


def test_the_list_keeps_its_indexed_order_and_no_full_count(editor_client, three_states):
    changelist = listed(editor_client).context["cl"]
    assert list(changelist.queryset.query.order_by)[:2] == ["-published_at", "-pk"]
    assert changelist.model_admin.show_full_result_count is False


@pytest.mark.parametrize(
    "choice,expected",
    [("draft", ["A draft"]), ("scheduled", ["Coming soon"]), ("live", ["Out now"])],
)
def test_the_status_filter(editor_client, three_states, choice, expected):
    assert titles(listed(editor_client, publication=choice)) == expected


def test_filters_by_mood_audience_and_author(editor_client, editor, three_states):
    mood, audience = make_mood("Nostalgic"), make_audience("Students")
    three_states["draft"].moods.add(mood)
    three_states["live"].audiences.add(audience)
    Article.objects.filter(pk=three_states["scheduled"].pk).update(author=editor)
    assert titles(listed(editor_client, moods__id__exact=mood.pk)) == ["A draft"]
    assert titles(listed(editor_client, audiences__id__exact=audience.pk)) == ["Out now"]
    assert titles(listed(editor_client, author__id__exact=editor.pk)) == ["Coming soon"]


def test_search_finds_articles_by_song_and_artist(editor_client, three_states):
    lemon = make_song("Lemon", artist=make_artist("Kenshi Yonezu"))
    add_entries(three_states["live"], [lemon, make_song("Flamingo")])
    add_entries(three_states["draft"], [make_song("Marigold", artist=make_artist("Aimyon"))])
    assert titles(listed(editor_client, q="Lemon")) == ["Out now"]
    assert titles(listed(editor_client, q="Yonezu")) == ["Out now"]
    assert titles(listed(editor_client, q="Aimyon")) == ["A draft"]
    assert titles(listed(editor_client, q="Coming")) == ["Coming soon"]


def test_searching_by_song_does_not_inflate_the_entry_count(editor_client):
    article = make_article("Many")
    add_entries(article, [make_song(f"Song {n}") for n in range(5)])
    response = listed(editor_client, q="Song")
    assert [(a.title, a.entry_count) for a in response.context["cl"].result_list] == [("Many", 5)]


@pytest.mark.parametrize(
    "app_label,model_name,field_name,term",
    [
        ("songs", "song", "artist", "Yone"),
        ("songs", "song", "featured_artists", "Yone"),
        ("articles", "entry", "song", "Lem"),
        ("articles", "entry", "article", "Out"),
        ("articles", "relatedpick", "to_article", "Out"),
    ],
)
def test_every_autocomplete_box_answers(editor_client, app_label, model_name, field_name, term):
    make_song("Lemon", artist=make_artist("Kenshi Yonezu"))
    make_article("Out now")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": term, "app_label": app_label, "model_name": model_name, "field_name": field_name},
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def changelist_query_count(client, model):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(admin_url(model, "changelist")).status_code == 200
    return len(queries)


def add_tagged_rows(start, count):
    for n in range(start, start + count):
        mood, audience = make_mood(f"Mood {n}"), make_audience(f"Audience {n}")
        work = make_work(f"Work {n}", "anime")
        song = make_song(f"Song {n}", moods=[mood], audiences=[audience], work=work)
        article = make_article(f"Article {n}")
        article.moods.add(mood)
        article.audiences.add(audience)
        add_entries(article, [song])


@pytest.mark.parametrize("model", [Article, Song, Artist, Mood, Work], ids=lambda m: m.__name__)
def test_a_changelist_runs_as_many_queries_for_15_rows_as_for_3(editor_client, model):
    add_tagged_rows(0, 3)
    few = changelist_query_count(editor_client, model)
    add_tagged_rows(3, 12)
    assert changelist_query_count(editor_client, model) == few

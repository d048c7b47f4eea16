from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.related_models import RelatedList
from tests.factories import add_entries, make_article, make_audience, make_mood, make_song

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_QUERY_BUDGET = 8


def build_article(entry_count, per_page):
    moods = [make_mood(f"Mood {n}") for n in range(3)]
    audiences = [make_audience(f"Audience {n}") for n in range(3)]
    songs = [
        # Dated across the eras and decades: each entry shows its chips.
        make_song(
            f"Song {n}",
            moods=moods,
            audiences=audiences,
            release_date=date(1960 + n % 65, 1 + n % 12, 1 + n % 28),
        )
        for n in range(entry_count)
    ]
    article = make_article("Budget", entries_per_page=per_page)
    article.moods.set(moods)
    article.audiences.set(audiences)
    add_entries(article, songs)
    for n in range(12):
        other = make_article(f"Related {n}")
        add_entries(other, songs[n : n + 2])
    return article


TRANSACTION_CONTROL = {"SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT"}


def get_article_page_within_budget(client, url):
    """GET an article page, checking the SQL the reader waits for against the budget.

    A first view also keeps the page's ranked related list, one write (in a transaction
    of its own) made once the response has been sent (articles/related.py); nothing else
    may write.
    """
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    writes = [statement for statement in sql if statement.startswith("INSERT")]
    control = [statement for statement in sql if statement.split()[0] in TRANSACTION_CONTROL]
    reads = [statement for statement in sql if statement not in writes + control]
    assert all(statement.lstrip("( \n").startswith(("SELECT", "WITH")) for statement in reads), (
        reads
    )
    assert len(reads) <= ARTICLE_PAGE_QUERY_BUDGET, sql
    assert all(RelatedList._meta.db_table in statement for statement in writes), writes
    assert len(writes) <= 1
    return response


@pytest.mark.parametrize(("entry_count", "per_page"), [(10, 10), (200, 10), (200, 100)])
def test_article_page_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, entry_count, per_page
):
    article = build_article(entry_count, per_page)
    response = get_article_page_within_budget(client, article.get_absolute_url())
    assert response.text.count('class="entry"') == min(entry_count, per_page)
    assert response.text.count('class="chip chip-period" href="/decades/') == min(
        entry_count, per_page
    )
    assert RelatedList.objects.filter(article=article).exists()
    # Read again once the cached copies are gone: the kept list, no write.
    cache.clear()
    with django_assert_max_num_queries(ARTICLE_PAGE_QUERY_BUDGET):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/articles/",
        "/artists/",
        "/search/?q=song",
        "/moods/mood-0/",
        "/eras/showa/",
        "/decades/1970s/",
    ],
)
def test_list_pages_do_not_grow_with_content(client, django_assert_max_num_queries, url):
    build_article(30, 10)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("entry_count", [10, 200])
def test_the_japanese_article_page_keeps_the_budget(
    client, django_assert_max_num_queries, entry_count
):
    """Every language's column is in the row already read: falling back costs nothing."""
    article = build_article(entry_count, 10)
    article.title_ja = "予算"
    article.save()
    url = "/ja" + article.get_absolute_url()
    response = get_article_page_within_budget(client, url)
    assert "<h1>予算</h1>" in response.text
    cache.clear()
    with django_assert_max_num_queries(ARTICLE_PAGE_QUERY_BUDGET):
        assert client.get(url).status_code == 200

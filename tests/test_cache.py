import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import add_entries, make_article, make_song

pytestmark = pytest.mark.django_db


def test_second_anonymous_request_is_served_from_the_cache(client, django_assert_max_num_queries):
    article = make_article()
    add_entries(article, [make_song()])
    first = client.get(article.get_absolute_url())
    with django_assert_max_num_queries(1):  # only the content version
        second = client.get(article.get_absolute_url())
    assert second.content == first.content


def test_an_edit_is_visible_on_the_very_next_request(client):
    article = make_article("Before")
    assert "Before" in client.get(article.get_absolute_url()).text
    article.title = "After"
    article.save()
    assert "After" in client.get(article.get_absolute_url()).text
    assert "After" in client.get("/articles/").text


def test_a_new_entry_is_visible_on_the_very_next_request(client):
    article = make_article()
    client.get(article.get_absolute_url())
    add_entries(article, [make_song("Brand new song")])
    assert "Brand new song" in client.get(article.get_absolute_url()).text


def test_unpublishing_removes_the_page_at_once(client):
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_scheduled_article_goes_live_by_itself(client):
    scheduled = make_article("Scheduled list", when=timezone.now() + timedelta(seconds=1))
    assert "Scheduled list" not in client.get("/articles/").text
    time.sleep(1.2)
    assert "Scheduled list" in client.get("/articles/").text
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_pages_answer_conditional_get_with_304(client):
    article = make_article()
    first = client.get(article.get_absolute_url())
    assert first.has_header("ETag")
    again = client.get(article.get_absolute_url(), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_signed_in_editors_are_never_served_from_the_cache(admin_client):
    article = make_article()
    admin_client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(article.get_absolute_url())
    assert len(queries) > 3  # rendered afresh: session, user, article, entries, ...


def test_anonymous_pages_do_not_vary_on_cookie(client):
    # A CDN keeps one copy per Vary value: Cookie would make every reader a cache miss.
    article = make_article()
    for url in ["/", "/articles/", article.get_absolute_url(), "/feed/"]:
        assert "Cookie" not in client.get(url).get("Vary", ""), url


def test_reader_pages_do_not_vary_on_accept_language(client):
    # Their language is in the URL; the browser's preference changes nothing.
    article = make_article()
    for url in ["/", article.get_absolute_url(), "/ja" + article.get_absolute_url(), "/feed/"]:
        assert "Accept-Language" not in client.get(url).get("Vary", ""), url


def test_each_host_gets_its_own_copy_with_its_own_absolute_urls(client):
    article = make_article()
    first = client.get(article.get_absolute_url(), headers={"host": "localhost"})
    second = client.get(article.get_absolute_url(), headers={"host": "127.0.0.1"})
    assert f'href="http://localhost{article.get_absolute_url()}"' in first.text
    assert f'href="http://127.0.0.1{article.get_absolute_url()}"' in second.text


def test_unknown_query_parameters_are_served_fresh_and_never_stored(
    client, django_assert_max_num_queries
):
    article = make_article()
    url = article.get_absolute_url() + "?utm_source=newsletter"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) > 1  # rendered again, not answered from the cache


@pytest.mark.parametrize("page", ["01", "0001", "+1", "١", "１", " 1"])
def test_page_numbers_spelt_otherwise_are_served_fresh_and_never_stored(client, page):
    # Each spelling would be a copy of one page: anyone could fill the cache with them.
    article = make_article()
    add_entries(article, [make_song()])
    client.get(article.get_absolute_url(), {"page": page})
    response = client.get(article.get_absolute_url(), {"page": page})
    assert response.status_code in (200, 404)
    assert "X-Page-Cache" not in response


def test_a_page_number_as_links_write_it_is_stored(client):
    article = make_article(entries_per_page=1)
    add_entries(article, [make_song("One"), make_song("Two")])
    assert client.get(article.get_absolute_url(), {"page": 2})["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url(), {"page": 2})["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("url", ["/articles/?page=" + "9" * 300, "/" + "%00" * 300 + "/"])
def test_cache_keys_stay_valid_whatever_the_url(client, url):
    # Before: the URL was the key, and a key over 250 characters or with a control
    # character made Django's caches warn (the test settings make that an error: a 500).
    assert client.get(url).status_code == 404


def test_a_new_badge_runs_out_on_cached_pages_by_itself(client, settings):
    settings.NEW_BADGE_DAYS = 30
    article = make_article()
    entry = add_entries(article, [make_song("Fresh")])[0]
    entry.added_at = timezone.now() - timedelta(days=30) + timedelta(seconds=1)
    entry.save()
    assert "NEW!" in client.get(article.get_absolute_url()).text
    time.sleep(1.2)
    assert "NEW!" not in client.get(article.get_absolute_url()).text


def test_renaming_the_author_updates_cached_pages(client):
    author = get_user_model().objects.create_user("aiko", first_name="Aiko", last_name="Sato")
    article = make_article(author=author)
    assert "By Aiko Sato" in client.get(article.get_absolute_url()).text
    author.last_name = "Tanaka"
    author.save()
    assert "By Aiko Tanaka" in client.get(article.get_absolute_url()).text
    author.delete()
    assert "By Liner Notes" in client.get(article.get_absolute_url()).text


def test_pages_answer_if_modified_since_with_304_until_content_changes(client):
    article = make_article("Before")
    last_modified = client.get(article.get_absolute_url()).headers["Last-Modified"]
    headers = {"if-modified-since": last_modified}
    assert client.get(article.get_absolute_url(), headers=headers).status_code == 304
    time.sleep(1.1)  # HTTP dates count whole seconds
    article.title = "After"
    article.save()
    assert client.get(article.get_absolute_url(), headers=headers).status_code == 200

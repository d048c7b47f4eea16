"""Reader-facing URLs answer GET and HEAD; any other method is 405 with an Allow header,
not CSRF's 403. The admin's forms keep working, and keep their CSRF protection."""

import pytest
from django.test import Client

from tests.factories import add_entries, make_article, make_mood, make_song, make_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client():
    """A client that, like a browser, gets CSRF checks (the test client skips them)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def reader_urls():
    mood = make_mood()
    song = make_song(moods=[mood])
    article = make_article()
    add_entries(article, [song])
    return [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/ja" + article.get_absolute_url(),
        song.get_absolute_url(),
        song.artist.get_absolute_url(),
        mood.get_absolute_url(),
        "/search/?q=kleine",
        "/feed/",
        "/feed/atom/",
        f"/moods/{mood.slug}/feed/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/robots.txt",
        "/healthz",
        "/readyz",
    ]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_reader_urls_refuse_other_methods_with_405(csrf_client, reader_urls, method):
    for url in reader_urls:
        response = getattr(csrf_client, method)(url)
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD", url
        assert response["Content-Security-Policy"], url


def test_reader_urls_still_answer_get_and_head(csrf_client, reader_urls):
    for url in reader_urls:
        assert csrf_client.get(url).status_code == 200, url
        head = csrf_client.head(url)
        assert head.status_code == 200, url
        assert head.content == b"", url


def test_a_refused_post_is_not_cached_and_leaves_the_page_cached(csrf_client, reader_urls):
    article_url = reader_urls[2]
    assert csrf_client.get(article_url)["X-Page-Cache"] == "miss"
    assert csrf_client.post(article_url, {"q": "x"}).status_code == 405
    assert csrf_client.get(article_url)["X-Page-Cache"] == "hit"


def test_an_unknown_url_is_still_404_whatever_the_method(csrf_client):
    assert csrf_client.post("/no-such-page/").status_code == 404


def test_the_admin_log_in_form_still_takes_a_post_with_its_csrf_token(csrf_client):
    make_staff_user("poster", password="a-good-password")
    assert csrf_client.post("/admin/login/", {"username": "poster"}).status_code == 403
    csrf_client.get("/admin/login/")
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        "/admin/login/?next=/admin/",
        {"username": "poster", "password": "a-good-password", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"

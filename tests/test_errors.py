from django.db import OperationalError

from core.errors import server_error


def handle(request, exception):
    """Call the 500 handler as Django does: while the exception is being handled."""
    try:
        raise exception
    except Exception:
        return server_error(request)


def test_database_outage_is_a_503_page_with_retry_after(rf):
    response = handle(rf.get("/articles/"), OperationalError("could not connect to server"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"cannot reach its database" in response.content


def test_a_bug_is_a_styled_500_page(rf):
    response = handle(rf.get("/articles/"), ZeroDivisionError())
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_error_pages_render_without_the_database(rf):
    # No django_db mark: pytest-django raises if rendering touches the database.
    for exception in (OperationalError("gone"), KeyError("x")):
        assert handle(rf.get("/"), exception).status_code in {500, 503}


def test_an_exception_in_a_view_reaches_the_handler(client, settings):
    # Point the site at a URLconf whose only view raises a database error.
    settings.ROOT_URLCONF = "tests.failing_urls"
    client.raise_request_exception = False
    response = client.get("/outage/")
    assert response.status_code == 503

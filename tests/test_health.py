import pytest

# As production configures Redis (settings.py), pointed at a port where nothing listens.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
    }
}


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django raises if the view touches the database.
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_200_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True}


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_is_down(client, settings):
    settings.CACHES = UNREACHABLE_REDIS
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] is False


@pytest.mark.django_db
def test_pages_still_answer_when_redis_is_down(client, settings):
    settings.CACHES = UNREACHABLE_REDIS
    assert client.get("/articles/").status_code == 200

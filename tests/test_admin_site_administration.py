"""Site administration is a superuser's: Editors and Writers neither see it on the
admin home nor reach it by URL; `make run`'s editor account is an Editor."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from articles.models import Entry
from tests.factories import make_article, make_song, make_staff_user

pytestmark = pytest.mark.django_db

SITE_ADMINISTRATION = [
    "auth/user",
    "auth/group",
    "axes/accessattempt",
    "axes/accesslog",
    "axes/accessfailurelog",
    "taggit/tag",
    "articles/entry",
    "articles/relatedpick",
]
EDITORIAL = ["songs/artist", "songs/song", "songs/mood", "songs/audience", "articles/article"]


def index_links(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", password="pass-for-tests"))
    return client


@pytest.mark.parametrize("role", ["Editor", "Writer"])
def test_the_index_shows_a_role_the_editorial_models_only(client, role):
    client.force_login(make_staff_user("someone", role))
    page = index_links(client)
    for path in EDITORIAL:
        assert f'href="/admin/{path}/"' in page
    for path in SITE_ADMINISTRATION:
        assert f'href="/admin/{path}/"' not in page


@pytest.mark.parametrize("role", ["Editor", "Writer"])
@pytest.mark.parametrize("path", SITE_ADMINISTRATION)
def test_site_administration_is_refused_to_a_role_by_url(client, role, path):
    client.force_login(make_staff_user("someone", role))
    assert client.get(f"/admin/{path}/").status_code in {403, 404}
    assert client.get(f"/admin/{path}/add/").status_code in {403, 404}


def test_an_entry_page_of_its_own_is_refused_to_an_editor(editor_client):
    article = make_article("Out now")
    entry = article.entries.create(song=make_song("Lemon"), position=1)
    assert editor_client.get(f"/admin/articles/entry/{entry.pk}/change/").status_code == 403


def test_an_entry_delete_page_is_refused_to_an_editor(editor_client):
    entry = make_article("Out now").entries.create(song=make_song("Lemon"), position=1)
    response = editor_client.post(f"/admin/articles/entry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert entry.article.entries.exists()


def test_an_editor_still_deletes_an_article_with_its_entries(editor_client):
    article = make_article("Out now")
    article.entries.create(song=make_song("Lemon"), position=1)
    response = editor_client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Entry.objects.exists()


def test_the_superuser_sees_and_reaches_site_administration(superuser_client):
    page = index_links(superuser_client)
    for path in SITE_ADMINISTRATION + EDITORIAL:
        assert f'href="/admin/{path}/"' in page
        assert superuser_client.get(f"/admin/{path}/").status_code == 200


def test_autocomplete_in_the_article_form_still_answers_an_editor(editor_client):
    make_song("Lemon")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "Lem", "app_label": "articles", "model_name": "entry", "field_name": "song"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] != []


def test_create_editor_makes_an_editor_not_a_superuser(capsys):
    call_command("create_editor")
    user = get_user_model().objects.get(username="editor")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editor"]
    assert user.has_perm("articles.publish_article")
    assert "with password: " in capsys.readouterr().out


def test_create_editor_twice_keeps_one_account_and_its_password(capsys):
    call_command("create_editor")
    password = get_user_model().objects.get(username="editor").password
    call_command("create_editor")
    user = get_user_model().objects.get(username="editor")
    assert user.password == password
    assert user.groups.count() == 1
    assert "already exists" in capsys.readouterr().out


def test_create_editor_brings_an_old_superuser_editor_into_the_role():
    get_user_model().objects.create_superuser("editor", password="pass-for-tests")
    call_command("create_editor")
    user = get_user_model().objects.get(username="editor")
    assert not user.is_superuser
    assert user.groups.filter(name="Editor").exists()
    assert user.check_password("pass-for-tests")

"""The Work admin, and works in the song admin: what an Editor does with tie-ins."""

import pytest

from songs.models import Song, Work
from tests.factories import admin_url, form_data, make_song, make_work

pytestmark = pytest.mark.django_db


def changelist(client, model, **query):
    response = client.get(admin_url(model, "changelist"), query)
    assert response.status_code == 200
    return response


def test_editor_lists_works_with_both_titles_side_by_side(editor_client):
    make_work("Your Name", "film", title_ja="君の名は。", year=2016)
    html = changelist(editor_client, Work).text
    assert "Your Name" in html and "君の名は。" in html
    assert "column-title_en" in html and "column-title_ja" in html


def test_editor_searches_works_in_either_language_and_filters_by_kind(editor_client):
    make_work("Your Name", "film", title_ja="君の名は。")
    make_work("Unnatural", "drama", title_ja="アンナチュラル")

    def listed(**query):
        return [
            str(work) for work in changelist(editor_client, Work, **query).context["cl"].result_list
        ]

    assert listed(q="君の名") == ["Your Name"]
    assert listed(q="Unnat") == ["Unnatural"]
    assert listed(kind__exact="drama") == ["Unnatural"]


def test_editor_adds_a_work_in_japanese_only(editor_client):
    data = form_data(editor_client.get(admin_url(Work, "add")))
    data.update(title_ja="しゃばけ", kind="anime", year="")
    response = editor_client.post(admin_url(Work, "add"), data)
    assert response.status_code == 302
    work = Work.objects.get()
    assert (work.title_ja, work.title_en, work.slug) == ("しゃばけ", None, "shabake")


def test_a_work_without_any_title_is_a_form_error(editor_client):
    data = form_data(editor_client.get(admin_url(Work, "add")))
    data.update(kind="anime", official_url="not a url")
    response = editor_client.post(admin_url(Work, "add"), data)
    assert response.status_code == 200
    assert set(response.context["adminform"].form.errors) == {"title_en", "official_url"}
    assert not Work.objects.exists()


def test_song_list_filters_by_the_kind_of_work(editor_client):
    make_song("Sparkle", work=make_work("Your Name", "film"))
    make_song("Lemon", work=make_work("Unnatural", "drama"))
    make_song("No tie-in")
    result = changelist(editor_client, Song, work__kind="drama").context["cl"].result_list
    assert [song.title for song in result] == ["Lemon"]


def test_song_form_picks_the_work_by_autocomplete(editor_client):
    make_work("Your Name", "film", title_ja="君の名は。")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "君の", "app_label": "songs", "model_name": "song", "field_name": "work"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Your Name"]


def test_editor_links_a_song_to_a_work_with_a_role(editor_client):
    song, work = make_song("Sparkle"), make_work("Your Name", "film")
    data = form_data(editor_client.get(admin_url(song)))
    data.update(work=str(work.pk), tie_in_role="insert")
    response = editor_client.post(admin_url(song), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    song.refresh_from_db()
    assert (song.work, song.tie_in_role) == (work, "insert")


@pytest.mark.parametrize("role", ["editor_client", "writer_client"])
def test_both_roles_may_add_works(request, role):
    # A Writer adds the songs a list needs, and so the works they are tied in to.
    client = request.getfixturevalue(role)
    assert client.get(admin_url(Work, "add")).status_code == 200


def test_only_editors_may_delete_works(editor_client, writer):
    work = make_work()
    assert editor_client.get(admin_url(work, "delete")).status_code == 200
    editor_client.force_login(writer)
    assert editor_client.get(admin_url(work, "delete")).status_code == 403

"""History: every admin save is a version with who and when; an earlier one can be restored."""

from datetime import timedelta

import pytest
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Entry
from songs.models import Song
from tests.factories import (
    admin_url,
    box,
    fill_entry_rows,
    form_data,
    form_errors,
    make_article,
    make_artist,
    make_mood,
    make_song,
    row_of,
    run_action,
)

pytestmark = pytest.mark.django_db


def entry_facts(article):
    return [
        (entry.position, entry.song.title, entry.commentary)
        for entry in article.entries.select_related("song")
    ]


def tag_names(manager):
    return sorted(tag.name for tag in manager.all())


def post(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return response


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


@pytest.fixture
def songs():
    return {title: make_song(title) for title in ["A", "B", "C", "D"]}


@pytest.fixture
def first_version(editor_client, songs):
    """An article made in the admin: A, B, C, a mood, an audience and a related pick."""
    picked = make_article("Picked")
    data = form_data(editor_client.get(admin_url(Article, "add")))
    data.update({box(Article, "title"): "Rainy day songs"})
    data.update(moods="Tear-jerking", audiences="Students")
    fill_entry_rows(data, [songs["A"], songs["B"], songs["C"]], first_index=0)
    data.update(
        {
            "pick_links-TOTAL_FORMS": "1",
            "pick_links-0-position": "1",
            "pick_links-0-to_article": str(picked.pk),
        }
    )
    post(editor_client, admin_url(Article, "add"), data)
    article = Article.objects.get(title="Rainy day songs")
    return article, versions_of(article).get()


def test_every_admin_save_is_recorded_with_who_and_when(editor_client, editor, first_version):
    article, version = first_version
    assert version.revision.user == editor
    assert version.revision.date_created is not None
    page = editor_client.get(admin_url(article, "history")).content.decode()
    assert editor.username in page
    assert admin_url(Article, "revision", article.pk, version.pk) in page


def test_restoring_an_earlier_version_brings_back_entries_tags_and_picks(
    editor_client, songs, first_version
):
    article, version = first_version
    before = entry_facts(article)
    assert [title for _, title, _ in before] == ["A", "B", "C"]

    # The second version: C moved to the top, B deleted, A rewritten, D added,
    # other tags, the pick removed.
    data = form_data(editor_client.get(admin_url(article)))
    data[f"{row_of(data, songs['C'])}-order"] = "1"
    data[f"{row_of(data, songs['A'])}-order"] = "2"
    data[f"{row_of(data, songs['A'])}-{box(Entry, 'commentary')}"] = "Rewritten."
    data[f"{row_of(data, songs['B'])}-DELETE"] = "on"
    fill_entry_rows(data, [songs["D"]])
    data.update(moods="Uplifting", audiences="", **{"pick_links-0-DELETE": "on"})
    post(editor_client, admin_url(article), data)
    assert [title for _, title, _ in entry_facts(article)] == ["C", "A", "D"]
    assert tag_names(article.moods) == ["Uplifting"]
    assert not article.pick_links.exists()

    url = admin_url(Article, "revision", article.pk, version.pk)
    page = editor_client.get(url)
    assert page.status_code == 200
    post(editor_client, url, form_data(page))

    article.refresh_from_db()
    assert entry_facts(article) == before
    assert tag_names(article.moods) == ["Tear-jerking"]
    assert tag_names(article.audiences) == ["Students"]
    assert [pick.to_article.title for pick in article.pick_links.all()] == ["Picked"]
    assert not Entry.objects.filter(song=songs["D"]).exists()
    assert versions_of(article).count() == 3


def test_restoring_a_swapped_order_puts_it_back(editor_client, songs):
    # Two entries that swapped places each hold the other's old position: a plain
    # restore would wait on the unique (article, position) constraint forever.
    article = make_article(published=False)
    data = form_data(editor_client.get(admin_url(article)))
    fill_entry_rows(data, [songs["A"], songs["B"]], first_index=0)
    post(editor_client, admin_url(article), data)
    version = versions_of(article).get()

    data = form_data(editor_client.get(admin_url(article)))
    data[f"{row_of(data, songs['A'])}-order"] = "2"
    data[f"{row_of(data, songs['B'])}-order"] = "1"
    post(editor_client, admin_url(article), data)
    assert [title for _, title, _ in entry_facts(article)] == ["B", "A"]

    url = admin_url(Article, "revision", article.pk, version.pk)
    post(editor_client, url, form_data(editor_client.get(url)))
    assert [title for _, title, _ in entry_facts(article)] == ["A", "B"]


def test_looking_at_an_earlier_version_changes_nothing(editor_client, songs, first_version):
    article, version = first_version
    data = form_data(editor_client.get(admin_url(article)))
    data[f"{row_of(data, songs['C'])}-order"] = "1"
    data[f"{row_of(data, songs['A'])}-order"] = "2"
    data[f"{row_of(data, songs['B'])}-order"] = "3"
    data["moods"] = "Uplifting"
    post(editor_client, admin_url(article), data)
    now = entry_facts(article)

    page = editor_client.get(admin_url(Article, "revision", article.pk, version.pk))
    assert page.status_code == 200
    shown = form_data(page)
    assert shown["moods"] == "Tear-jerking"  # the page shows the old version...
    assert entry_facts(article) == now  # ...and the article is untouched
    assert tag_names(article.moods) == ["Uplifting"]


def test_restoring_a_song_brings_back_its_moods(editor_client):
    artist = make_artist("Aimyon")
    make_mood("Nostalgic")
    data = form_data(editor_client.get(admin_url(Song, "add")))
    data.update({box(Song, "title"): "Marigold", "artist": str(artist.pk)})
    data.update(moods="Nostalgic, Summer")
    post(editor_client, admin_url(Song, "add"), data)
    song = Song.objects.get(title="Marigold")
    version = versions_of(song).get()

    data = form_data(editor_client.get(admin_url(song)))
    data.update({"moods": "Uplifting", box(Song, "title"): "Marigold (live)"})
    post(editor_client, admin_url(song), data)
    assert tag_names(song.moods) == ["Uplifting"]

    url = admin_url(Song, "revision", song.pk, version.pk)
    post(editor_client, url, form_data(editor_client.get(url)))
    song.refresh_from_db()
    assert song.title == "Marigold"
    assert tag_names(song.moods) == ["Nostalgic", "Summer"]


def test_a_deleted_article_can_be_recovered_with_its_entries(editor_client, songs, first_version):
    article, _ = first_version
    before = entry_facts(article)
    response = editor_client.post(admin_url(article, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(title="Rainy day songs").exists()

    deleted = Version.objects.get_deleted(Article).get(object_repr="Rainy day songs")
    url = admin_url(Article, "recover", deleted.pk)
    post(editor_client, url, form_data(editor_client.get(url)))
    restored = Article.objects.get(title="Rainy day songs")
    assert entry_facts(restored) == before


# --- Restoring never changes the publication state unless asked -------------------------


@pytest.fixture
def draft_version_then_published(editor_client):
    """An article saved as a draft (its first version), then published with a new title."""
    article = make_article("Draft title", published=False)
    post(editor_client, admin_url(article), form_data(editor_client.get(admin_url(article))))
    draft_version = versions_of(article).get()
    data = form_data(editor_client.get(admin_url(article)))
    published_at = timezone.localtime() - timedelta(hours=2)
    data.update(
        {box(Article, "title"): "Live title"},
        status="published",
        published_at_0=published_at.strftime("%Y-%m-%d"),
        published_at_1=published_at.strftime("%H:%M:%S"),
    )
    post(editor_client, admin_url(article), data)
    article.refresh_from_db()
    return article, draft_version


def test_restoring_a_draft_version_keeps_a_published_article_published(
    editor_client, draft_version_then_published
):
    article, draft_version = draft_version_then_published
    published_at = article.published_at
    url = admin_url(Article, "revision", article.pk, draft_version.pk)
    page = editor_client.get(url)
    assert "Also restore the publication state" in page.content.decode()
    assert 'name="restore_publication"' in page.content.decode()
    assert "restore_publication" not in form_data(page)  # off by default

    post(editor_client, url, form_data(page))

    article.refresh_from_db()
    assert article.title == "Draft title"  # the content came back...
    assert (article.status, article.published_at) == ("published", published_at)  # ...not this
    assert article.is_public


def test_the_box_restores_the_versions_publication_state_too(
    editor_client, draft_version_then_published
):
    article, draft_version = draft_version_then_published
    url = admin_url(Article, "revision", article.pk, draft_version.pk)
    page = editor_client.get(url)
    assert "On, it takes this version's: Draft" in page.content.decode()
    post(editor_client, url, {**form_data(page), "restore_publication": "on"})
    article.refresh_from_db()
    assert article.title == "Draft title"
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_restoring_a_published_version_keeps_a_draft_a_draft(editor_client):
    article = make_article("Was live")
    post(editor_client, admin_url(article), form_data(editor_client.get(admin_url(article))))
    live_version = versions_of(article).get()
    run_action(editor_client, "unpublish", article)

    url = admin_url(Article, "revision", article.pk, live_version.pk)
    post(editor_client, url, form_data(editor_client.get(url)))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_a_recovered_article_comes_back_as_a_draft_unless_asked(editor_client):
    article = make_article("Deleted while live")
    post(editor_client, admin_url(article), form_data(editor_client.get(admin_url(article))))
    editor_client.post(admin_url(article, "delete"), {"post": "yes"})
    deleted = Version.objects.get_deleted(Article).get(object_repr="Deleted while live")
    url = admin_url(Article, "recover", deleted.pk)

    post(editor_client, url, form_data(editor_client.get(url)))
    recovered = Article.objects.get(title="Deleted while live")
    assert recovered.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_a_recovered_article_takes_its_versions_state_when_asked(editor_client):
    article = make_article("Deleted while live")
    post(editor_client, admin_url(article), form_data(editor_client.get(admin_url(article))))
    editor_client.post(admin_url(article, "delete"), {"post": "yes"})
    deleted = Version.objects.get_deleted(Article).get(object_repr="Deleted while live")
    url = admin_url(Article, "recover", deleted.pk)

    post(editor_client, url, {**form_data(editor_client.get(url)), "restore_publication": "on"})
    assert Article.objects.published().get().title == "Deleted while live"

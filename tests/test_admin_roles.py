"""Editor and Writer roles: who may publish, by every route the admin has."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Entry
from tests.factories import (
    add_entries,
    admin_url,
    box,
    fill_entry_rows,
    form_data,
    form_errors,
    make_article,
    make_song,
    make_staff_user,
    run_action,
)

pytestmark = pytest.mark.django_db

# The boxes' names: "title_en" and "lead_en" once translated (core/admin_translation.py).
TITLE, LEAD = box(Article, "title"), box(Article, "lead")


def group_codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_data_migration_makes_the_editor_role():
    codenames = group_codenames("Editor")
    assert "publish_article" in codenames
    for model in ["artist", "song", "mood", "audience", "article", "entry", "relatedpick"]:
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames


def test_data_migration_makes_the_writer_role_without_publishing():
    codenames = group_codenames("Writer")
    assert "publish_article" not in codenames
    assert {"add_article", "change_article", "add_song", "add_entry", "delete_entry"} <= codenames
    assert "delete_article" not in codenames


@pytest.mark.parametrize("role", ["Editor", "Writer"])
def test_no_role_touches_users_or_groups(role):
    assert not any(
        codename.endswith(("_user", "_group", "_permission")) for codename in group_codenames(role)
    )


@pytest.mark.parametrize("role", ["Editor", "Writer"])
# Not "page": that name is pytest-playwright's browser page, and would make this a browser test.
@pytest.mark.parametrize("model", ["user", "group"])
def test_user_and_group_pages_are_forbidden_to_both_roles(client, role, model):
    client.force_login(make_staff_user("someone", role))
    assert client.get(f"/admin/auth/{model}/").status_code == 403


def test_writer_creates_a_draft_with_entries(writer_client, writer):
    songs = [make_song("One"), make_song("Two")]
    data = form_data(writer_client.get(admin_url(Article, "add")))
    assert "status" not in data  # shown read-only to a Writer
    data.update({TITLE: "Songs for rainy days"})
    response = writer_client.post(admin_url(Article, "add"), fill_entry_rows(data, songs, 0))
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(title="Songs for rainy days")
    assert article.status == Article.Status.DRAFT
    assert article.author == writer
    assert [entry.song.title for entry in article.entries.all()] == ["One", "Two"]


def test_writer_posting_published_status_on_add_still_gets_a_draft(writer_client):
    data = form_data(writer_client.get(admin_url(Article, "add")))
    now = timezone.localtime()
    data.update(
        **{TITLE: "Sneaky"},
        status="published",
        published_at_0=now.strftime("%Y-%m-%d"),
        published_at_1=now.strftime("%H:%M:%S"),
    )
    writer_client.post(admin_url(Article, "add"), data)
    article = Article.objects.get(title="Sneaky")
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert not Article.objects.published().exists()


def test_writer_cannot_publish_a_draft_through_the_change_form(writer_client):
    article = make_article("Draft", published=False)
    data = form_data(writer_client.get(admin_url(article)))
    # A hand-made POST: the form has no status field for a Writer, so add one.
    data.update(status="published", published_at_0="2020-01-01", published_at_1="00:00:00")
    response = writer_client.post(admin_url(article), data)
    assert response.status_code == 302  # saved, as a draft: status is not the Writer's field
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None


def writer_form_for(article, writer, rf):
    request = rf.post("/")
    request.user = writer
    form_class = admin.site._registry[Article].get_form(request, article, change=True)
    return form_class(data={TITLE: article.title, "entries_per_page": 10}, instance=article)


def test_the_form_refuses_a_writer_saving_over_a_published_article(writer, rf):
    # The change view already answers 403; the form is the second line, and the one a
    # restored version meets (its instance is the version, not what is stored).
    form = writer_form_for(make_article("Live"), writer, rf)
    assert not form.is_valid()
    assert "Only an editor can publish" in str(form.non_field_errors())


def test_the_form_lets_a_writer_save_a_draft(writer, rf):
    form = writer_form_for(make_article("Draft", published=False), writer, rf)
    assert form.is_valid(), form.errors


def test_writer_cannot_schedule_a_draft(writer_client):
    article = make_article("Draft", published=False)
    data = form_data(writer_client.get(admin_url(article)))
    later = timezone.localtime() + timedelta(days=3)
    data.update(
        status="published",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    writer_client.post(admin_url(article), data)
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.DRAFT, None)


def changelist_actions(client):
    action_form = client.get(admin_url(Article, "changelist")).context["action_form"]
    return dict(action_form.fields["action"].choices) if action_form else {}


def test_editor_gets_the_publish_actions(editor_client):
    make_article("Draft", published=False)
    actions = changelist_actions(editor_client)
    assert actions["publish_now"] == "Publish now"
    assert "unpublish" in actions


def test_writer_does_not_get_the_publish_actions(writer_client):
    make_article("Draft", published=False)
    actions = changelist_actions(writer_client)
    assert "publish_now" not in actions
    assert "unpublish" not in actions


def test_writer_cannot_publish_with_a_hand_made_action_post(writer_client):
    article = make_article("Draft", published=False)
    response = run_action(writer_client, "publish_now", article)
    assert response.status_code in {200, 302}
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_writer_cannot_unpublish_with_a_hand_made_action_post(writer_client):
    article = make_article("Live")
    run_action(writer_client, "unpublish", article)
    article.refresh_from_db()
    assert article.is_public


def test_writer_sees_a_published_article_read_only(writer_client):
    article = make_article("Live")
    response = writer_client.get(admin_url(article))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert "only an editor can change it" in response.content.decode()


def test_writer_cannot_change_a_published_article(writer_client):
    article = make_article("Live")
    song = make_song()
    add_entries(article, [song])
    response = writer_client.post(
        admin_url(article),
        {TITLE: "Changed", "entries-TOTAL_FORMS": "0", "entries-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Live"
    assert article.is_public


def test_writer_cannot_change_a_scheduled_article(writer_client):
    article = make_article("Later", when=timezone.now() + timedelta(days=1))
    response = writer_client.post(admin_url(article), {TITLE: "Changed"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Later"


def test_writer_cannot_change_an_entry_of_a_published_article_in_the_entry_admin(writer_client):
    article = make_article("Live")
    entry = add_entries(article, [make_song()])[0]
    response = writer_client.post(admin_url(entry), {box(Entry, "commentary"): "Rewritten"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.commentary != "Rewritten"


def test_writer_cannot_add_an_entry_to_a_published_article_in_the_entry_admin(writer_client):
    """The stand-alone entry admin is site administration: refused to a Writer outright."""
    article = make_article("Live")
    song = make_song()
    assert writer_client.get(admin_url(Entry, "add")).status_code == 403
    data = {"article": str(article.pk), "song": str(song.pk), "position": "1"}
    assert writer_client.post(admin_url(Entry, "add"), data).status_code == 403
    assert not article.entries.exists()


def test_writer_cannot_delete_articles(writer_client):
    article = make_article("Draft", published=False)
    response = writer_client.post(admin_url(article, "delete"), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def save_in_admin(client, article, **changes):
    data = form_data(client.get(admin_url(article)))
    data.update(changes)
    response = client.post(admin_url(article), data)
    assert response.status_code == 302, form_errors(response)


def test_writer_cannot_undo_a_publication_by_restoring_a_draft_version(client, editor, writer):
    article = make_article("Draft", published=False)
    client.force_login(editor)
    save_in_admin(client, article, **{LEAD: "First draft"})
    draft_version = Version.objects.get_for_object(article).first()
    now = timezone.localtime()
    save_in_admin(
        client,
        article,
        status="published",
        published_at_0=now.strftime("%Y-%m-%d"),
        published_at_1=now.strftime("%H:%M:%S"),
    )
    article.refresh_from_db()
    assert article.is_public

    client.force_login(writer)
    url = admin_url(Article, "revision", article.pk, draft_version.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Draft"}).status_code == 403
    article.refresh_from_db()
    assert article.is_public


def test_writer_cannot_publish_by_restoring_a_published_version(client, editor, writer):
    article = make_article("Draft", published=False)
    client.force_login(editor)
    now = timezone.localtime()
    save_in_admin(
        client,
        article,
        status="published",
        published_at_0=now.strftime("%Y-%m-%d"),
        published_at_1=now.strftime("%H:%M:%S"),
    )
    published_version = Version.objects.get_for_object(article).first()
    run_action(client, "unpublish", article)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    client.force_login(writer)
    url = admin_url(Article, "revision", article.pk, published_version.pk)
    page = client.get(url)
    assert page.status_code == 200
    # Choosing the version's publication state is an editor's job: no box, and a
    # hand-made request for it is refused.
    assert 'name="restore_publication"' not in page.content.decode()
    response = client.post(url, {**form_data(page), "restore_publication": "on"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    # The content alone comes back into the draft, which stays a draft.
    assert client.post(url, form_data(page)).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_editor_publishes_now_with_the_action(editor_client):
    draft = make_article("Draft", published=False)
    scheduled = make_article("Later", when=timezone.now() + timedelta(days=2))
    response = run_action(editor_client, "publish_now", draft, scheduled, follow=True)
    assert "Published 2 article(s)" in response.content.decode()
    assert set(Article.objects.published()) == {draft, scheduled}


def test_editor_unpublishes_with_the_action(editor_client):
    article = make_article("Live")
    run_action(editor_client, "unpublish", article)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_editor_schedules_through_the_form_and_is_told_when_in_site_time(editor_client):
    article = make_article("Draft", published=False)
    data = form_data(editor_client.get(admin_url(article)))
    data.update(status="published", published_at_0="2099-04-01", published_at_1="09:00:00")
    response = editor_client.post(admin_url(article), data, follow=True)
    article.refresh_from_db()
    assert article.state == Article.State.SCHEDULED
    assert timezone.localtime(article.published_at).hour == 9  # read in Asia/Tokyo
    assert "scheduled for Wed 1 Apr 2099, 09:00 (Asia/Tokyo)" in response.content.decode()


def test_change_form_shows_the_schedule_and_the_time_zone(editor_client, settings):
    article = make_article("Later", when=timezone.now() + timedelta(days=2))
    page = editor_client.get(admin_url(article)).content.decode()
    assert "Scheduled for" in page
    assert "Asia/Tokyo time (UTC+09:00)" in page


def test_a_second_editor_saving_an_old_copy_is_refused(client, editor):
    article = make_article("Shared", published=False)
    client.force_login(editor)
    stale = form_data(client.get(admin_url(article)))
    save_in_admin(client, article, **{LEAD: "The first editor's lead"})
    stale.update({LEAD: "The second editor's lead"})
    response = client.post(admin_url(article), stale)
    assert response.status_code == 200
    assert any("Someone else saved this article" in message for message in form_errors(response))
    article.refresh_from_db()
    assert article.lead == "The first editor's lead"

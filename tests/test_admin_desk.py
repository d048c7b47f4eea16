"""The desk: the admin home an Editor or a Writer lands on."""

import re
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    add_entries,
    admin_url,
    form_data,
    make_article,
    make_song,
    make_staff_user,
)

pytestmark = pytest.mark.django_db

DESK_SECTIONS = ["drafts", "scheduled", "published", "changed", "badges"]


def desk(client, **headers):
    response = client.get(reverse("admin:index"), **headers)
    assert response.status_code == 200
    return response.content.decode()


def section(page, key):
    """The HTML of one desk section."""
    match = re.search(rf'<section [^>]*id="desk-{key}".*?</section>', page, re.S)
    assert match, f"no desk section {key}"
    return match.group(0)


@pytest.fixture
def newsroom(writer, editor):
    tokyo_nine = timezone.make_aware(datetime(2099, 4, 1, 9, 0))  # Asia/Tokyo, the site's zone
    return {
        "mine": make_article("My rainy-day draft", published=False, author=writer),
        "theirs": make_article("The editor draft", published=False, author=editor),
        "scheduled": make_article("Spring songs", when=tokyo_nine),
        "published": make_article("Out this week"),
    }


def test_the_writers_desk_lists_own_drafts_schedule_and_published(writer_client, newsroom):
    page = desk(writer_client)
    assert "My rainy-day draft" in section(page, "drafts")
    assert "The editor draft" not in section(page, "drafts")
    assert "Spring songs" in section(page, "scheduled")
    assert "Goes live 1 Apr 2099, 09:00" in section(page, "scheduled")
    assert "Times on this page are Asia/Tokyo time." in page
    assert "Out this week" in section(page, "published")
    assert admin_url(newsroom["mine"]) in section(page, "drafts")


def test_the_editors_desk_lists_the_editors_own_drafts(editor_client, newsroom):
    page = desk(editor_client)
    assert "The editor draft" in section(page, "drafts")
    assert "My rainy-day draft" not in section(page, "drafts")
    assert "Spring songs" in section(page, "scheduled")


def test_new_article_comes_first_then_the_sections_in_order(writer_client, newsroom):
    page = desk(writer_client)
    new_article = page.index(f'href="{admin_url(Article, "add")}"')
    places = [page.index(f'id="desk-{key}"') for key in DESK_SECTIONS]
    assert new_article < places[0]
    assert places == sorted(places)
    assert page.index('id="desk-badges"') < page.index('class="app-songs')


def test_an_empty_desk_says_so(writer_client):
    page = desk(writer_client)
    assert "You have no drafts." in section(page, "drafts")
    assert "Nothing is scheduled." in section(page, "scheduled")


def test_changes_by_others_are_listed_with_who_and_not_my_own(writer_client, editor):
    article = make_article("Edited by Eddie")
    mine = make_article("Edited by me", published=False)
    other = Client()
    other.force_login(editor)
    data = form_data(other.get(admin_url(article)))
    assert other.post(admin_url(article), {**data, "lead": "New lead."}).status_code == 302
    data = form_data(writer_client.get(admin_url(mine)))
    assert writer_client.post(admin_url(mine), {**data, "lead": "Mine."}).status_code == 302
    changed = section(desk(writer_client), "changed")
    assert "Edited by Eddie" in changed
    assert "eddie, " in changed
    assert "Edited by me" not in changed


def test_badges_ending_this_week_are_listed_with_their_end(writer_client, settings):
    settings.NEW_BADGE_DAYS = 30
    now = timezone.now()
    ending = make_article("Badges ending")
    add_entries(ending, [make_song("One"), make_song("Two")], added_at=now - timedelta(days=27))
    add_entries(make_article("Fresh"), [make_song("Three")], added_at=now - timedelta(days=2))
    add_entries(make_article("Old"), [make_song("Four")], added_at=now - timedelta(days=40))
    draft = make_article("Draft", published=False)
    add_entries(draft, [make_song("Five")], added_at=now - timedelta(days=27))
    badges = section(desk(writer_client), "badges")
    assert "Badges ending" in badges
    assert "2 entries lose their badges from " in badges
    for title in ["Fresh", "Old", "Draft"]:
        assert f">{title}<" not in badges


def test_a_writer_has_no_publish_action_on_the_desk(writer_client, newsroom):
    page = desk(writer_client)
    assert "Publish" not in page.replace("Recently published", "")
    assert "<form" not in section(page, "drafts")


def test_the_desk_speaks_japanese(writer_client, newsroom):
    page = desk(writer_client, HTTP_ACCEPT_LANGUAGE="ja")
    for label in ["新しい記事", "自分の下書き", "公開予定", "最近公開した記事"]:
        assert label in page


def make_newsroom_rows(count, writer, editor):
    for n in range(count):
        make_article(f"Draft {n}", published=False, author=writer)
        make_article(f"Later {n}", when=timezone.now() + timedelta(days=n + 1), author=editor)
        live = make_article(f"Live {n}", author=editor)
        add_entries(live, [make_song(f"Song {n}")], added_at=timezone.now() - timedelta(days=27))


def test_the_desk_costs_a_bounded_number_of_queries(
    writer_client, writer, editor, django_assert_max_num_queries
):
    make_newsroom_rows(2, writer, editor)
    with django_assert_max_num_queries(12):
        desk(writer_client)
    make_newsroom_rows(10, writer, editor)
    with django_assert_max_num_queries(12):
        page = desk(writer_client)
    assert page.count("<li>") >= 6 * 3  # the lists are full, and short


def test_staff_without_a_role_get_no_desk(client):
    staff = make_staff_user("stranger")  # staff, no role: nothing to edit
    client.force_login(staff)
    page = desk(client)
    assert 'id="desk-drafts"' not in page

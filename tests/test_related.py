from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils import timezone

from articles.models import Article
from articles.ranking import POSTINGS_PER_TAG, SONG_POSTINGS_PER_ARTICLE, score_related_articles
from articles.related import related_articles
from articles.related_models import RelatedList, RelatedPick
from tests.factories import (
    add_entries,
    make_article,
    make_artist,
    make_audience,
    make_mood,
    make_song,
)

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_shared_songs_outrank_shared_artists_which_outrank_shared_tags():
    mood = make_mood()
    artist = make_artist("Shared artist")
    song = make_song("Shared song", artist=artist)
    other_song_same_artist = make_song("Same artist", artist=artist)

    article = make_article("Base")
    add_entries(article, [song])
    article.moods.add(mood)

    by_song = make_article("Shares the song", when=days_ago(30))
    add_entries(by_song, [song])
    by_artist = make_article("Shares the artist", when=days_ago(20))
    add_entries(by_artist, [other_song_same_artist])
    by_mood = make_article("Shares the mood", when=days_ago(10))
    by_mood.moods.add(mood)
    make_article("Shares nothing", when=days_ago(1))

    assert [a.title for a in related_articles(article)] == [
        "Shares the song",
        "Shares the artist",
        "Shares the mood",
    ]


def test_more_shared_songs_rank_higher():
    songs = [make_song(f"S{n}") for n in range(3)]
    article = make_article("Base")
    add_entries(article, songs)
    one = make_article("One shared", when=days_ago(1))
    add_entries(one, songs[:1])
    two = make_article("Two shared", when=days_ago(50))
    add_entries(two, songs[:2])
    assert [a.title for a in related_articles(article)] == ["Two shared", "One shared"]


def test_ties_go_to_the_newer_article():
    audience = make_audience()
    article = make_article("Base")
    article.audiences.add(audience)
    older = make_article("Older", when=days_ago(9))
    newer = make_article("Newer", when=days_ago(2))
    older.audiences.add(audience)
    newer.audiences.add(audience)
    assert [a.title for a in related_articles(article)] == ["Newer", "Older"]


def test_ties_at_the_limit_go_to_the_newer_publication_whatever_the_creation_order():
    audience = make_audience()
    article = make_article("Base")
    article.audiences.add(audience)
    newest = make_article("Created first, published last", when=days_ago(1))
    for days in (5, 9):
        make_article(f"Published {days} days ago", when=days_ago(days)).audiences.add(audience)
    newest.audiences.add(audience)
    assert score_related_articles(article, limit=1) == [newest]


def test_editor_picks_come_first_in_their_order_even_with_nothing_shared():
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    scored = make_article("Scored")
    add_entries(scored, [song])
    second_pick, first_pick = make_article("Pick two"), make_article("Pick one")
    RelatedPick.objects.create(from_article=article, to_article=second_pick, position=2)
    RelatedPick.objects.create(from_article=article, to_article=first_pick, position=1)
    assert [a.title for a in related_articles(article)] == ["Pick one", "Pick two", "Scored"]


def test_never_itself_nor_unpublished_articles():
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    draft = make_article("Draft", published=False)
    scheduled = make_article("Scheduled", when=timezone.now() + timedelta(days=1))
    for other in (draft, scheduled):
        add_entries(other, [song])
    RelatedPick.objects.create(from_article=article, to_article=draft, position=1)
    assert related_articles(article) == []


def test_at_most_ten_articles():
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    for n in range(12):
        add_entries(make_article(f"Other {n}"), [song])
    assert len(related_articles(article)) == 10


def test_a_picked_article_that_also_scores_appears_once_in_its_pick_place():
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    scored = make_article("Scored", when=days_ago(1))
    add_entries(scored, [song])
    picked = make_article("Picked and scored", when=days_ago(5))
    add_entries(picked, [song])
    RelatedPick.objects.create(from_article=article, to_article=picked, position=1)
    assert [a.title for a in related_articles(article)] == ["Picked and scored", "Scored"]


def test_unpublished_articles_sharing_more_do_not_take_a_published_ones_place():
    songs = [make_song(f"S{n}") for n in range(2)]
    article = make_article("Base")
    add_entries(article, songs)
    add_entries(make_article("Draft", published=False), songs)
    add_entries(make_article("Scheduled", when=timezone.now() + timedelta(days=1)), songs)
    published = make_article("Published")
    add_entries(published, songs[:1])
    assert score_related_articles(article, limit=1) == [published]


def test_a_mood_on_many_articles_is_read_only_to_its_newest_carriers():
    mood = make_mood()
    article = make_article("Base")
    article.moods.add(mood)
    carriers = [make_article(f"Carrier {n}") for n in range(POSTINGS_PER_TAG + 2)]
    for carrier in carriers:
        carrier.moods.add(mood)
    related = score_related_articles(article, limit=len(carriers))
    assert set(related) == set(carriers[-POSTINGS_PER_TAG:])


def test_an_older_article_sharing_more_songs_ranks_first_though_a_songs_list_is_cut():
    popular, rare = make_song("Popular"), make_song("Rare")
    article = make_article("Base")
    add_entries(article, [popular, rare, *(make_song(f"Filler {n}") for n in range(28))])
    older = make_article("Older, shares both", when=days_ago(400))
    add_entries(older, [popular, rare])
    # A 30-song list reads each of its songs' lists this deep: the popular one is cut.
    for n in range(SONG_POSTINGS_PER_ARTICLE // 30 + 2):
        add_entries(make_article(f"Newer {n}", when=days_ago(n)), [popular])
    # Only the rare song's list leads to it; both shared songs count once it is found.
    assert score_related_articles(article, limit=1) == [older]


def test_ranking_is_one_query(django_assert_num_queries):
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    add_entries(make_article("Other"), [song])
    with django_assert_num_queries(1):
        score_related_articles(article, limit=10)


def test_a_kept_list_follows_another_articles_change_at_once():
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    assert related_articles(article) == []
    other = make_article("Other")
    add_entries(other, [song])
    assert related_articles(article) == [other]
    assert RelatedList.objects.get(article=article).related_ids == [other.pk]


def test_the_articles_own_change_shows_at_once():
    article = make_article("Base")
    add_entries(article, [make_song()])
    assert related_articles(article) == []
    picked = make_article("Picked")
    RelatedPick.objects.create(from_article=article, to_article=picked)
    assert related_articles(article) == [picked]


def test_a_kept_list_costs_two_queries_and_shows_only_published_articles(
    django_assert_num_queries,
):
    song = make_song()
    article = make_article("Base")
    add_entries(article, [song])
    shown = make_article("Shown", when=days_ago(1))
    withdrawn = make_article("Withdrawn", when=days_ago(2))
    add_entries(shown, [song])
    add_entries(withdrawn, [song])
    assert related_articles(article) == [shown, withdrawn]
    cache.clear()  # the cached copy is gone: the kept list is read
    with django_assert_num_queries(2):
        assert related_articles(article) == [shown, withdrawn]
    # Unpublished without a save (no invalidation): the kept id is read through published().
    Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.DRAFT)
    cache.clear()
    assert related_articles(article) == [shown]


# Committed as a server commits, so that the missing article is noticed at the write.
@pytest.mark.django_db(transaction=True)
def test_an_article_deleted_while_its_page_is_served_keeps_no_list(caplog):
    article = make_article("Base")
    add_entries(article, [make_song("Shared")])
    request_started.send(sender=None)
    related_articles(article)  # ranked, and kept once the response is sent
    Article.objects.filter(pk=article.pk).delete()
    request_finished.send(sender=None)
    assert not RelatedList.objects.exists()
    assert "failed" not in caplog.text

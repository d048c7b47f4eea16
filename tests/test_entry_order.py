"""Entry.objects.renumber: the one way an article's list gets its order, used by the
admin's save, the restore of an earlier version and load_demo."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Entry
from tests.factories import add_entries, make_article, make_song

pytestmark = pytest.mark.django_db


def listed(article):
    return [(entry.position, entry.song.title) for entry in article.entries.select_related("song")]


def test_renumber_gives_positions_1_to_n_in_the_order_given():
    article = make_article()
    first, second, third = add_entries(article, [make_song("A"), make_song("B"), make_song("C")])
    Entry.objects.renumber(article, [third, first, second])
    assert listed(article) == [(1, "C"), (2, "A"), (3, "B")]


def test_renumber_inserts_new_entries_at_their_place():
    article = make_article()
    first, last = add_entries(article, [make_song("First"), make_song("Last")])
    middle = Entry(article=article, song=make_song("Middle"))
    Entry.objects.renumber(article, [first, middle, last], changed=[middle])
    assert listed(article) == [(1, "First"), (2, "Middle"), (3, "Last")]


def test_renumber_saves_only_the_position_of_entries_not_marked_changed():
    article = make_article()
    edited, untouched = add_entries(article, [make_song("Edited"), make_song("Untouched")])
    edited.commentary = "Rewritten."
    untouched.commentary = "Not meant to be saved."
    Entry.objects.renumber(article, [untouched, edited], changed=[edited])
    assert listed(article) == [(1, "Untouched"), (2, "Edited")]
    assert Entry.objects.get(pk=edited.pk).commentary_html == "<p>Rewritten.</p>"
    assert Entry.objects.get(pk=untouched.pk).commentary == "Why Untouched belongs here."


def test_renumber_leaves_other_articles_alone():
    article, other = make_article("Mine"), make_article("Other")
    mine = add_entries(article, [make_song("A"), make_song("B")])
    add_entries(other, [make_song("X"), make_song("Y")])
    Entry.objects.renumber(article, list(reversed(mine)))
    assert listed(other) == [(1, "X"), (2, "Y")]
    assert not Entry.objects.parked(other).exists()


def test_parked_entries_are_those_not_given_a_place_again():
    article = make_article()
    add_entries(article, [make_song("A"), make_song("B")])
    Entry.objects.park(article)
    assert Entry.objects.parked(article).count() == 2
    Entry.objects.renumber(article, list(article.entries.all()))
    assert not Entry.objects.parked(article).exists()
    assert listed(article) == [(1, "A"), (2, "B")]


def test_load_demo_reset_puts_back_the_demo_order_commentary_and_songs():
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get(slug="songs-for-when-you-want-to-cry")
    shipped = [(entry.pk, entry.position, entry.commentary) for entry in article.entries.all()]
    entries = list(article.entries.all())
    entries[0].commentary = "An editor's words."
    entries[0].save()
    entries[-1].delete()
    Entry.objects.renumber(article, list(reversed(entries[:-1])))

    call_command("load_demo", "--reset", stdout=StringIO())
    restored = [(entry.pk, entry.position, entry.commentary) for entry in article.entries.all()]
    assert [facts[1:] for facts in restored] == [facts[1:] for facts in shipped]
    assert [pk for pk, _, _ in restored[:-1]] == [pk for pk, _, _ in shipped[:-1]]

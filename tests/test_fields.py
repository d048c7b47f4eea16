import importlib

import pytest
from django.apps import apps
from django.db import connection

from articles.models import Article, Entry
from core.fields import CleanCharField, CleanTextField
from songs.models import Artist, Audience, Mood, Song, Work
from tests.factories import add_entries, make_article, make_artist, make_mood, make_song

pytestmark = pytest.mark.django_db

CLEAN_TEXT_FIELDS = [
    (Article, ["title", "lead", "intro", "hero_alt", "search_text"]),
    (Entry, ["commentary"]),
    (Artist, ["name", "sort_name", "aliases", "bio", "photo_alt", "search_text"]),
    (Song, ["title", "alt_titles", "tie_in_note", "search_text"]),
    (Work, ["title", "title_en", "title_ja"]),
    (Mood, ["name", "description"]),
    (Audience, ["name", "description"]),
]


def write_with_sql(instance, **fields):
    """Write as a SQL console does: around every Django field."""
    table = connection.ops.quote_name(instance._meta.db_table)
    with connection.cursor() as cursor:
        for name, value in fields.items():
            column = connection.ops.quote_name(instance._meta.get_field(name).column)
            cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, instance.pk])


@pytest.mark.parametrize(("model", "names"), CLEAN_TEXT_FIELDS)
def test_human_text_and_the_search_text_made_from_it_are_clean_text_fields(model, names):
    for name in names:
        assert isinstance(model._meta.get_field(name), CleanCharField | CleanTextField), name


def test_save_strips_control_characters_but_keeps_tabs_and_line_breaks():
    article = make_article("Tears \x00\x0b\x1f\x7f now", lead="One\tline\r\nand \x0canother")

    assert article.title == "Tears  now"  # the instance as saved
    assert Article.objects.values_list("title", "lead").get() == (
        "Tears  now",
        "One\tline\r\nand another",
    )


def test_text_derived_in_save_is_clean_too():
    article = make_article("Tears\x00 now")
    song = make_song("Eine\x0b Kleine", artist=make_artist("Kenshi\x1f Yonezu"))

    assert article.slug == "tears-now"
    assert "\x00" not in Article.objects.get().search_text
    assert Song.objects.get(pk=song.pk).search_text.startswith("eine kleine\n")
    assert Artist.objects.get(pk=song.artist.pk).sort_name == "Kenshi Yonezu"


def test_queryset_update_cannot_store_control_characters():
    article = make_article()

    Article.objects.filter(pk=article.pk).update(title="Tears \x0b now")

    assert Article.objects.get().title == "Tears  now"


def test_full_clean_gives_the_instance_clean_text_before_save():
    song = make_song()
    song.tie_in_note = "Theme of \x1bthe film"

    song.full_clean()

    assert song.tie_in_note == "Theme of the film"


def test_a_mood_name_with_control_characters_gets_the_clean_names_slug():
    mood = make_mood("Tear\x0b-jerking")
    assert (mood.name, mood.slug) == ("Tear-jerking", "tear-jerking")


def test_the_data_migration_strips_what_was_stored_around_the_fields():
    article = make_article("Clean title")
    entry = add_entries(article, [make_song("Lemon")])[0]
    artist = make_artist("Kenshi Yonezu")
    # The English columns: the models read them now (django-modeltranslation), and so
    # does the migration's code, run here with today's models.
    write_with_sql(article, title_en="Tears \x0b now", lead_en="Lead\x1f")
    write_with_sql(entry, commentary_en="Why\x08 this one")
    write_with_sql(artist, name_en="Kenshi\x0c Yonezu", bio_en="Line one\nline two")

    for app in (
        "articles.migrations.0011_clean_text_fields",
        "songs.migrations.0008_clean_text_fields",
    ):
        importlib.import_module(app).strip_stored_control_characters(apps, schema_editor=None)

    assert Article.objects.values_list("title", "lead").get() == ("Tears  now", "Lead")
    assert Entry.objects.get().commentary == "Why this one"
    assert Artist.objects.values_list("name", "bio").get(pk=artist.pk) == (
        "Kenshi Yonezu",
        "Line one\nline two",
    )

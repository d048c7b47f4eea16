"""The article's entries as rows of its admin form, and how a save puts them in order.

Each row is compact (static/admin_ext/admin_ext.css): drag handle, number and move
buttons, the song, the commentary, and the time it was added folded away."""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.db import transaction
from django.forms import ModelChoiceField
from django.urls import reverse

from articles.admin_forms import EntryInlineForm, EntryInlineFormSet
from articles.admin_locks import LockedWithArticleAdmin, LockedWithArticleInline
from articles.models import Entry
from core.admin import CheckedAutocompleteMixin, CheckedAutocompleteSelect
from core.admin_translation import BothLanguagesMixin
from core.folding import fold
from songs.models import Song

SONG_CHOICES_URL_NAME = "articles_article_song_choices"


def song_choice_label(song):
    """ "Title — Artist (year)": enough to tell two songs of the same title apart."""
    year = song.release_year
    return f"{song} ({year})" if year else str(song)


class SongChoiceField(ModelChoiceField):
    def label_from_instance(self, obj):
        return song_choice_label(obj)


class SongChoicesView(AutocompleteJsonView):
    """The song box's choices: found as the reader's search finds songs, in any script
    ('米津', 'よねづ', 'yonezu'), and shown with artist and year."""

    def get_queryset(self):
        songs = Song.objects.select_related("artist").complex_filter(
            self.source_field.get_limit_choices_to()
        )
        folded = fold(self.term).strip()
        if folded:
            songs = songs.filter(search_text__indexed_contains=folded)
        return songs.order_by("title", "pk")

    def serialize_result(self, obj, to_field_name):
        return {"id": str(getattr(obj, to_field_name)), "text": song_choice_label(obj)}


class SongChoiceSelect(CheckedAutocompleteSelect):
    def get_url(self):
        return reverse(f"{self.admin_site.name}:{SONG_CHOICES_URL_NAME}")


class EntryInline(
    BothLanguagesMixin, LockedWithArticleInline, CheckedAutocompleteMixin, admin.TabularInline
):
    model = Entry
    form = EntryInlineForm
    formset = EntryInlineFormSet
    fields = ["order", "song", "commentary", "added_at"]
    autocomplete_fields = ["song"]
    ordering = ["position"]
    extra = 1
    # Far more songs than a list anyone reads; the cap also bounds how many rows a
    # tampered TOTAL_FORMS can make the server build (Django's default is 2,000).
    max_num = 500

    def get_extra(self, request, obj=None, **kwargs):
        # A new article starts with one empty row; a list under way adds rows with
        # "Add another", rather than carrying an empty one down the page.
        return 0 if obj is not None and obj.entries.exists() else self.extra

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.max_num)
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("song__artist")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "song":
            # Each row's song box shows "Title — Artist (year)": fetch the artist with it.
            kwargs.setdefault("queryset", Song.objects.select_related("artist"))
            kwargs["form_class"] = SongChoiceField
            kwargs["widget"] = SongChoiceSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "song":
            # A row keeps "+" (a new song without leaving the article); editing or
            # deleting a song is the song page's business, and four icons a row cost
            # a line of height each.
            widget = formfield.widget
            widget.can_change_related = widget.can_delete_related = False
            widget.can_view_related = False
        return formfield

    class Media:
        js = [
            "admin_ext/entry_order.js",
            "admin_ext/character_count.js",
            "admin_ext/autogrow.js",
        ]
        css = {"all": ["admin_ext/admin_ext.css"]}


def save_entry_formset(article, formset):
    """Save the entry rows and number them 1..n in the order the editor gave."""
    live_forms = [
        form
        for form in formset.forms
        if form.cleaned_data
        and form not in formset.deleted_forms
        and (form.instance.pk or form.has_changed())
    ]
    unordered = len(live_forms)  # rows without an order go last, in the order shown
    ordered_forms = sorted(
        enumerate(live_forms),
        key=lambda pair: (pair[1].cleaned_data.get("order") or unordered + pair[0], pair[0]),
    )
    # Rows whose song changed are taken out first and saved back under the same id:
    # two rows swapping songs would otherwise each wait for the other's song to go.
    rows_with_a_new_song = [
        form.instance.pk
        for form in live_forms
        if form.instance.pk and "song" in form.changed_data and form not in formset.deleted_forms
    ]
    with transaction.atomic():
        changed = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        Entry.objects.filter(pk__in=rows_with_a_new_song).delete()
        Entry.objects.renumber(article, [form.instance for _, form in ordered_forms], changed)
        formset.save_m2m()


# The stand-alone list, for superusers (site_config/admin_site.py).
@admin.register(Entry)
class EntryAdmin(BothLanguagesMixin, LockedWithArticleAdmin):
    list_display = ["__str__", "article", "song", "added_at"]
    list_select_related = ["article", "song__artist"]
    search_fields = ["article__title", "song__title", "commentary"]
    autocomplete_fields = ["article", "song"]
    # Each language's commentary box (BothLanguagesMixin), not the base field as well.
    exclude = ["commentary"]

"""The article's entries as rows of its admin form, and how a save puts them in order."""

from django.contrib import admin
from django.db import transaction

from articles.admin_forms import EntryInlineForm, EntryInlineFormSet
from articles.admin_locks import LockedWithArticleInline
from articles.models import Entry
from core.admin import CheckedAutocompleteMixin
from songs.models import Song


class EntryInline(LockedWithArticleInline, CheckedAutocompleteMixin, admin.TabularInline):
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

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.max_num)
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("song__artist")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "song":
            # Each row's song box shows "Title — Artist": fetch the artist with it.
            kwargs.setdefault("queryset", Song.objects.select_related("artist"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    class Media:
        js = ["admin_ext/entry_order.js", "admin_ext/character_count.js"]
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

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import Count, F

from articles.models import Article, Entry, RelatedPick

# Positions are parked above this while a reordered list is saved, so the
# unique (article, position) constraint holds at every step.
PARKED_POSITION = 1_000_000


class EntryInlineForm(forms.ModelForm):
    """An entry row. Its place in the list is `order`, not the model's `position`:
    positions are renumbered 1..n on save, so two rows may not clash mid-save."""

    order = forms.IntegerField(required=False, min_value=1, help_text="Empty: the end of the list.")

    class Meta:
        model = Entry
        fields = ["song", "commentary", "added_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].initial = self.instance.position


class EntryInline(admin.TabularInline):
    model = Entry
    form = EntryInlineForm
    fields = ["order", "song", "commentary", "added_at"]
    autocomplete_fields = ["song"]
    ordering = ["position"]
    extra = 1


class RelatedPickInline(admin.TabularInline):
    model = RelatedPick
    fk_name = "from_article"
    fields = ["position", "to_article"]
    autocomplete_fields = ["to_article"]
    ordering = ["position"]
    extra = 0


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
    with transaction.atomic():
        article.entries.update(position=F("position") + PARKED_POSITION)
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for index, entry in enumerate(instances):
            entry.position = 2 * PARKED_POSITION + index
            entry.save()
        formset.save_m2m()
        article.renumber_entries([form.instance for _, form in ordered_forms])


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "entry_count", "author", "updated_at"]
    list_filter = ["status", "moods", "audiences", "author"]
    search_fields = ["title", "entries__song__title", "entries__song__artist__name"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    inlines = [EntryInline, RelatedPickInline]
    list_select_related = ["author"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("entries"))

    @admin.display(description="entries", ordering="entry_count")
    def entry_count(self, article):
        return article.entry_count

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Entry:
            save_entry_formset(form.instance, formset)
        else:
            super().save_formset(request, form, formset, change)


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "song", "added_at"]
    list_select_related = ["article", "song"]
    search_fields = ["article__title", "song__title", "commentary"]
    autocomplete_fields = ["article", "song"]


@admin.register(RelatedPick)
class RelatedPickAdmin(admin.ModelAdmin):
    list_display = ["from_article", "to_article", "position"]
    list_select_related = ["from_article", "to_article"]
    autocomplete_fields = ["from_article", "to_article"]

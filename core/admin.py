"""Admin bases every app builds on: history, checked autocompletes, tag boxes, and the
version check that keeps two editors from undoing each other's saves."""

import hashlib
from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connection
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.forms import TagField, TagWidget
from taggit.managers import TaggableManager

from core.history import missing_references

# Moods and audiences are small editorial vocabularies; past this many names the
# suggestions stop being a help, and the editor types.
MAX_TAG_SUGGESTIONS = 300


class TagSuggestionWidget(TagWidget):
    """Taggit's comma-separated box, offering the vocabulary's existing names as buttons,
    so editors reuse "Tear-jerking" instead of inventing "Tearjerker"."""

    def __init__(self, tag_model, attrs=None):
        self.tag_model = tag_model
        super().__init__({"class": "tag-input", **(attrs or {})})

    class Media:
        js = ["admin_ext/tag_suggestions.js"]
        css = {"all": ["admin_ext/admin_ext.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        names = self.tag_model.objects.order_by("name").values_list("name", flat=True)
        buttons = format_html_join(
            "",
            '<li><button type="button" class="tag-suggestion" data-tag="{}">{}</button></li>',
            ((tag_name, tag_name) for tag_name in names[:MAX_TAG_SUGGESTIONS]),
        )
        # Hidden until tag_suggestions.js wires the buttons up.
        return format_html(
            '<div class="tag-field">{}<div class="tag-suggestions" data-for="{}" hidden>'
            '<p class="tag-suggestions-label">{}</p><ul>{}</ul></div></div>',
            box,
            (attrs or {}).get("id", ""),
            _("Existing %(tags)s: click to add")
            % {"tags": self.tag_model._meta.verbose_name_plural},
            buttons,
        )


class CheckedKeysAutocomplete:
    """Django's autocomplete box looks up the submitted ids to show them again when a
    form comes back with errors; an id that is not a number (a hand-made POST) raised
    ValueError there, a 500. Drop such ids: the form field already reports them."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        key_field = remote.model._meta.get_field(
            getattr(remote, "field_name", None) or remote.model._meta.pk.name
        )
        return super().optgroups(name, [key for key in value if is_valid_key(key_field, key)], attr)


def is_valid_key(key_field, key):
    try:
        key_field.to_python(key)
    except ValidationError:
        return False
    return True


class CheckedAutocompleteSelect(CheckedKeysAutocomplete, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(CheckedKeysAutocomplete, AutocompleteSelectMultiple):
    pass


class CheckedAutocompleteMixin:
    """For ModelAdmins and inlines: autocomplete fields use the checked widgets."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class VersionCheckedForm(forms.ModelForm):
    """A change form that refuses to save on top of someone else's newer save.

    The form carries, hidden, the version of the row it was opened at. On save the row
    is read again, locked until the save commits (so two saves at once are judged one
    after the other), and a different version is a form error: nothing is saved, and
    the other editor's work stays."""

    # The row's version when the form was opened.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    stale_message = gettext_lazy(
        "Someone else saved this %(name)s after you opened it. Saving now would undo their "
        "changes, so nothing was saved. Copy what you changed, reload the page to see their "
        "version, and make your changes again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["loaded_version"] = self.version_of(self.instance)

    def version_of(self, row):
        """A digest of every stored field of `row`: any save that changed it changes this."""
        values = "\x1f".join(
            f"{field.attname}={field.value_to_string(row)}" for field in row._meta.concrete_fields
        )
        return hashlib.sha256(values.encode()).hexdigest()[:32]

    def stale_version_error(self, stored):
        return ValidationError(
            self.stale_message,
            code="stale_version",
            params={"name": stored._meta.verbose_name},
        )

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get("loaded_version")
        if self.instance.pk is not None and loaded:
            rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
            if connection.in_atomic_block:  # the admin saves in one transaction
                rows = rows.select_for_update()
            stored = rows.first()
            if stored is not None and self.version_of(stored) != loaded:
                raise self.stale_version_error(stored)
        return cleaned_data


class VersionedAdmin(CheckedAutocompleteMixin, VersionAdmin):
    """A ModelAdmin with history (django-reversion) that refuses, with a message, to
    restore a version pointing at rows deleted since, instead of failing on save."""

    def revision_view(self, request, object_id, version_id, extra_context=None):
        opts = self.model._meta
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id])
        refusal = self.refuse_broken_restore(request, version_id, history)
        return refusal or super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        opts = self.model._meta
        deleted_list = reverse(f"admin:{opts.app_label}_{opts.model_name}_recoverlist")
        refusal = self.refuse_broken_restore(request, version_id, deleted_list)
        return refusal or super().recover_view(request, version_id, extra_context)

    def refuse_broken_restore(self, request, version_id, back_to):
        version = Version.objects.select_related("revision").filter(pk=version_id).first()
        if version is None:
            return None  # reversion answers 404
        missing = missing_references(version.revision)
        if not missing:
            return None
        messages.error(
            request,
            _(
                "This version cannot be restored: it points at things deleted since "
                "(%(missing)s). Recover them first, or choose another version."
            )
            % {"missing": "; ".join(missing)},
        )
        return redirect(back_to)


def keep_model_ordering(queryset):
    """`queryset` ordered as its model's Meta says. An annotation with a GROUP BY drops
    Meta.ordering, and the autocomplete views paginate: unordered pages can repeat rows."""
    return queryset.order_by(*queryset.model._meta.ordering)


class VocabularyTagField(TagField):
    """Taggit's tag box, refusing a name longer than the tag table holds (taggit does
    not check; PostgreSQL then fails the save with a 500)."""

    def __init__(self, tag_model, **kwargs):
        self.max_name_length = tag_model._meta.get_field("name").max_length
        super().__init__(**kwargs)

    def clean(self, value):
        names = super().clean(value)
        too_long = [name for name in names if len(name) > self.max_name_length]
        if too_long:
            raise ValidationError(
                _("A name can be at most %(limit)s characters: “%(name)s…” is longer."),
                code="tag_name_too_long",
                params={"limit": self.max_name_length, "name": too_long[0][:30]},
            )
        return names


class TagSuggestionsMixin:
    """Mood and audience fields of a ModelAdmin get the suggestion widget and a length check."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            tag_model = db_field.remote_field.model
            kwargs["widget"] = TagSuggestionWidget(tag_model)
            kwargs["form_class"] = partial(VocabularyTagField, tag_model)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def annotate_page(rows, **annotations):
    """Compute `annotations` (e.g. entry_count=Count("entries")) for one changelist page's
    rows and set them on those rows, in one grouped query of at most a page of keys.

    Annotating the changelist's queryset instead counts for every row in the table
    and sorts by a GROUP BY, so the list costs more with every article or song added.
    """
    rows = list(rows)  # evaluates the page once; the changelist renders these objects
    if not rows:
        return
    model = type(rows[0])
    values = (
        model._default_manager.filter(pk__in=[row.pk for row in rows])
        .order_by()
        .annotate(**annotations)
        .values("pk", *annotations)
    )
    by_key = {value["pk"]: value for value in values}
    for row in rows:
        for name in annotations:
            setattr(row, name, by_key[row.pk][name])

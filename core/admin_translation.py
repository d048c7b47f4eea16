"""Both languages side by side in the admin, for the fields django-modeltranslation
translates (a column per language: title_en, title_ja).

Admins name the field once ("title") in their fieldsets, search fields and slug
sources; the mixin puts each language's column in its place, on one line. What is
translated is read from modeltranslation's registry, so a field registered later
shows up in both languages without touching the admin."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# The language the slug is made from: slugs are romanised ASCII.
SLUG_LANGUAGE = settings.LANGUAGE_CODE

# A translated field's label says its language: "Title (English)", "タイトル（日本語）".
LANGUAGE_LABELS = {
    "en": gettext_lazy("%(field)s (English)"),
    "ja": gettext_lazy("%(field)s (Japanese)"),
}
MISSING_CHOICES = {
    "ja": gettext_lazy("Japanese missing"),
    "en": gettext_lazy("English missing"),
}


def _language_label(verbose_name, language):
    return LANGUAGE_LABELS[language] % {"field": capfirst(verbose_name)}


language_label = lazy(_language_label, str)


def translated_names(model):
    """The names of `model`'s translated fields ("title"), none if it has none."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def localized(name, language):
    return f"{name}_{language}"


def expand_lookup(model, path):
    """["entries__song__title_en", "entries__song__title_ja"] for "entries__song__title",
    if songs' titles are translated; else [path]. A search prefix ("^", "=") is kept."""
    prefix = path[0] if path[:1] in {"^", "=", "@"} else ""
    *relations, name = path.removeprefix(prefix).split("__")
    for relation in relations:
        try:
            model = model._meta.get_field(relation).related_model
        except FieldDoesNotExist:
            return [path]
        if model is None:
            return [path]
    if name not in translated_names(model):
        return [path]
    return [prefix + "__".join([*relations, localized(name, code)]) for code in LANGUAGE_CODES]


def side_by_side(model, fields):
    """A fieldset's field list with each translated field as one line of its languages."""
    names = translated_names(model)
    lines = []
    for line in fields:
        if isinstance(line, (list, tuple)):
            lines.append(tuple(name for part in line for name in expand_flat(names, part)))
        elif line in names:
            lines.append(tuple(localized(line, code) for code in LANGUAGE_CODES))
        else:
            lines.append(line)
    return lines


def expand_flat(names, name):
    return [localized(name, code) for code in LANGUAGE_CODES] if name in names else [name]


def per_language(widgets):
    """A form's Meta.widgets with each entry also under every language's name: the
    admin asks the form for "lead_en" and "lead_ja", not "lead". (Django copies the
    widget for each field.)"""
    return {
        **widgets,
        **{
            localized(name, code): widget
            for name, widget in widgets.items()
            for code in LANGUAGE_CODES
        },
    }


def is_missing(name, language, prefix=""):
    """A Q for rows whose `name` has no text in `language` (NULL or empty)."""
    column = f"{prefix}{localized(name, language)}"
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def has_text(name, language, prefix=""):
    """A Q for rows whose `name` has text in `language`: any non-empty string sorts
    after the empty one, and NULL compares as nothing."""
    return Q(**{f"{prefix}{localized(name, language)}__gt": ""})


def missing_translation(names, language, prefix=""):
    """Rows where one of `names` is written in another language but not in `language`:
    a field empty in every language (no bio yet) is not a missing translation."""
    others = [code for code in LANGUAGE_CODES if code != language]
    condition = Q(pk__in=[])
    for name in names:
        written_elsewhere = Q(pk__in=[])
        for other in others:
            written_elsewhere |= has_text(name, other, prefix)
        condition |= is_missing(name, language, prefix) & written_elsewhere
    return condition


class TranslationMissingFilter(admin.SimpleListFilter):
    """ "Japanese missing" / "English missing": rows with a field written in one language
    and not in the other. Subclasses name the fields (`translated`), or add to the
    condition (`missing`), e.g. an article whose entries lack a translation."""

    title = gettext_lazy("translation")
    parameter_name = "translation_missing"
    translated = ()

    def lookups(self, request, model_admin):
        return [(code, MISSING_CHOICES[code]) for code in LANGUAGE_CODES]

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.model = model

    def missing(self, language):
        names = [name for name in self.translated if name in translated_names(self.model)]
        return missing_translation(names, language)

    def queryset(self, request, queryset):
        if self.value() not in LANGUAGE_CODES:
            return queryset
        return queryset.filter(self.missing(self.value()))


def translation_missing_filter(*fields):
    return type("TranslationMissingFilter", (TranslationMissingFilter,), {"translated": fields})


class BothLanguagesMixin:
    """For ModelAdmins and inlines: translated fields in every language, labelled with it.

    `required_in_one_language` names translated fields one language of which is enough
    (a title in English or in Japanese): the form says so when both are empty."""

    required_in_one_language = ()

    def get_fields(self, request, obj=None):
        names = translated_names(self.model)
        return [
            name for field in super().get_fields(request, obj) for name in expand_flat(names, field)
        ]

    def get_fieldsets(self, request, obj=None):
        return [
            (title, {**options, "fields": side_by_side(self.model, options["fields"])})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def get_search_fields(self, request):
        return [
            lookup
            for path in super().get_search_fields(request)
            for lookup in expand_lookup(self.model, path)
        ]

    def get_prepopulated_fields(self, request, obj=None):
        names = translated_names(self.model)
        return {
            target: [localized(s, SLUG_LANGUAGE) if s in names else s for s in sources]
            for target, sources in super().get_prepopulated_fields(request, obj).items()
        }

    def get_readonly_fields(self, request, obj=None):
        names = translated_names(self.model)
        return [
            name
            for field in super().get_readonly_fields(request, obj)
            for name in expand_flat(names, field)
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(db_field, TranslationField):
            formfield.label = language_label(
                db_field.translated_field.verbose_name, db_field.language
            )
            if db_field.translated_field.name in self.required_in_one_language:
                formfield.required = False  # the form asks for one language (below)
            # Screen readers and fonts follow the box's language (Japanese glyphs).
            formfield.widget.attrs.setdefault("lang", db_field.language)
        return formfield

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        required = [
            name for name in self.required_in_one_language if name in translated_names(self.model)
        ]

        class BothLanguagesForm(form):
            def _update_errors(self, errors):
                super()._update_errors(on_language_boxes(self, errors))

            def _post_clean(self):
                # After the model's own checks: if its clean() asked already, once is enough.
                super()._post_clean()
                ask_for_one_language(self, required)

        BothLanguagesForm.__name__ = form.__name__
        return BothLanguagesForm


def on_language_boxes(form, errors):
    """The model's errors about a translated field ("hero_alt"), put on its boxes in each
    language: the form has no box of that name, and Django refuses an error for a
    field the form lacks."""
    if not hasattr(errors, "error_dict"):
        return errors
    placed = {}
    for name, messages in errors.error_dict.items():
        boxes = [localized(name, code) for code in LANGUAGE_CODES]
        boxes = [box for box in boxes if box in form.fields]
        if name in form.fields or not boxes:
            boxes = [name]
        for box in boxes:
            placed.setdefault(box, []).extend(messages)
    return ValidationError(placed)


def ask_for_one_language(form, names):
    """An error on each language's box of every field in `names` left empty in all."""
    for name in names:
        boxes = [localized(name, code) for code in LANGUAGE_CODES]
        boxes = [box for box in boxes if box in form.fields]
        if any(box in form.errors for box in boxes):
            continue  # said already (the model's clean()), or another error to fix first
        if not boxes or any((form.cleaned_data.get(box) or "").strip() for box in boxes):
            continue
        verbose_name = form._meta.model._meta.get_field(name).verbose_name
        error = _("Give the %(field)s in English or in Japanese: one is enough.") % {
            "field": verbose_name
        }
        for box in boxes:
            form.add_error(box, ValidationError(error, code="required_in_one_language"))

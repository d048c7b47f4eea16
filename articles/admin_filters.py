"""The article list's filters: publication state, and translations missing."""

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy

from articles.models import Article, Entry
from core.admin_translation import (
    TranslationMissingFilter,
    missing_translation,
    translated_names,
)


class PublicationFilter(admin.SimpleListFilter):
    title = gettext_lazy("status")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return Article.State.choices

    def queryset(self, request, queryset):
        if self.value() not in Article.State.values:
            return queryset
        return queryset.in_state(self.value())


class ArticleTranslationMissingFilter(TranslationMissingFilter):
    """Articles whose title, or the commentary of any of their entries, is written in
    another language but not in this one. The entries are asked with EXISTS, which the
    (article, position) index answers per article."""

    translated = ("title", "lead", "intro", "hero_alt")

    def missing(self, language):
        condition = super().missing(language)
        if "commentary" in translated_names(Entry):
            untranslated = Entry.objects.filter(
                missing_translation(["commentary"], language), article=OuterRef("pk")
            )
            condition |= Exists(untranslated)
        return condition

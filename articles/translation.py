"""What django-modeltranslation translates in the editorial: a column per language in
the row itself, so the article page reads its translated text without a join.

Derived HTML is registered too: save() renders each language's Markdown into its own
column (Article.derive_text_fields, Entry.save)."""

from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, Entry


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "intro", "intro_html", "hero_alt")
    # The English title is required as before; a Japanese one is optional.
    required_languages = ()


@register(Entry)
class EntryTranslationOptions(TranslationOptions):
    fields = ("commentary", "commentary_html")
    required_languages = ()

"""How far each article is translated, in the article list's entries column: the
entries written in each language."""

from django.db.models import Count
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from articles.models import Entry
from core.admin_translation import (
    LANGUAGE_CODES,
    has_text,
    translated_names,
)


def progress_annotations():
    """For annotate_page: per language, how many of an article's entries have commentary
    in it. Counted in the page's one grouped query, with the entry count."""
    if "commentary" not in translated_names(Entry):
        return {}
    return {
        f"entries_in_{code}": Count("entries", filter=has_text("commentary", code, "entries__"))
        for code in LANGUAGE_CODES
    }


def translation_progress(article):
    """ "en 7/7", "ja 5/7", a line each: the entries with commentary in each language
    (the "translation missing" filter finds missing titles); None while entries are not
    translated. Anything longer squeezes the title's column at 1280 px."""
    if not progress_annotations():
        return None
    parts = []
    for code in LANGUAGE_CODES:
        # Translators: a language code, the entries with commentary in it, and all
        # entries: "ja 5/7".
        part = _("%(language)s %(done)s/%(total)s") % {
            "language": code,
            "done": getattr(article, f"entries_in_{code}"),
            "total": article.entry_count,
        }
        parts.append(part)
    # A line per language: the column stays narrow and the title keeps its room.
    return format_html_join(mark_safe("<br>"), "{}", ((part,) for part in parts))

"""What an article derives from its list as well as from its own text: its search text,
and the languages it is written in whole.

Article.save() derives both, articles/search_index.py keeps them current as entries and
songs change, and make_bulk fills them for the rows it inserts: all three through
derive_from_list(), so each row holds what a save would have written.
"""

from core.folding import search_document
from core.translated import languages, localized, values_of


def entry_text_columns():
    """What derive_from_list() reads of each entry, for values_list(): its song's search
    text, then its commentary in each language (LANGUAGES order)."""
    return ["song__search_text", *localized("commentary")]


def entry_texts(article):
    """entry_text_columns() of `article`'s entries, in list order: one query."""
    if article.pk is None:
        return []
    return list(article.entries.order_by("position").values_list(*entry_text_columns()))


def derive_from_list(article, texts):
    """Fill `article`'s search text and complete languages from its own text and `texts`,
    the entry_text_columns() of each of its entries in list order."""
    article.search_text = article_search_text(article.own_texts(), [row[0] for row in texts])
    article.complete_languages = " ".join(
        complete_languages(values_of(article, "title"), [row[1:] for row in texts])
    )


def article_search_text(own_texts, song_search_texts):
    """An article's search text: its own words folded (core.folding), then its songs'
    search texts as they are stored (already folded, with the artists' names)."""
    return "\n".join([search_document(*own_texts), *song_search_texts])


def complete_languages(titles, commentaries):
    """The codes of the languages, in LANGUAGES order, in which the title and every
    entry's commentary are written. `titles`, and each item of `commentaries` (one per
    entry), hold a value per language in LANGUAGES order. A list with no entries yet is
    complete wherever its title is written."""
    return [
        code
        for index, code in enumerate(languages())
        if (titles[index] or "").strip()
        and all((texts[index] or "").strip() for texts in commentaries)
    ]

"""What a page tells search engines, social cards and feed readers about itself."""

from songs.markup import strip_control_characters

SITE_NAME = "Liner Notes"
SITE_DESCRIPTION = "Themed song lists with the words around them: why each song belongs there."
# Paths fixed by DESIGN.md's URL table (no URL name exists for them on every branch).
HOME_PATH = "/"


def byline(article):
    """Who signs an article: the author's full name, else the site (never a login name)."""
    name = article.author.get_full_name() if article.author else ""
    return strip_control_characters(name).strip() or SITE_NAME

"""How editors type moods and audiences: names separated by commas, spaces allowed inside.

Taggit's default parser splits on spaces when there is no comma, so "Women in their
40s" typed alone became four tags: "40s", "Women", "in", "their".
"""

import csv


def parse_tag_names(text):
    """The tag names in `text`, split on commas only; a name holding a comma is quoted."""
    # csv refuses raw newlines and NULs; neither belongs in a tag name.
    text = (text or "").replace("\x00", "").replace("\r", ",").replace("\n", ",")
    try:
        names = next(csv.reader([text], skipinitialspace=True), [])
    except csv.Error:
        names = text.split(",")
    return sorted({name.strip().strip('"').strip() for name in names} - {""})


def format_tag_names(tags):
    """The text box's contents for `tags`: the reverse of parse_tag_names."""
    names = sorted(tag.name for tag in tags)
    return ", ".join(f'"{name}"' if "," in name else name for name in names)

"""schema.org JSON-LD for search engines, built as plain dicts.

Nothing here escapes anything: the `json_ld` template filter (articles/templatetags/seo.py)
serialises these dicts so that no text in them can close the <script> element.
Every function takes `absolute_url`, a callable turning a path into a full URL
(usually `request.build_absolute_uri`), so this module never sees a request.
"""

from songs.markup import strip_control_characters
from songs.models import Artist, Song

SCHEMA_ORG = "https://schema.org"


def graph(*nodes):
    """One JSON-LD document holding every node of a page."""
    return {"@context": SCHEMA_ORG, "@graph": without_control_characters([n for n in nodes if n])}


def without_control_characters(data):
    """`data` with control characters removed from every string in it.

    JSON would escape them validly, but they are noise to a search engine, and a
    row written with QuerySet.update() never went through the models' save().
    """
    if isinstance(data, str):
        return strip_control_characters(data)
    if isinstance(data, dict):
        return {key: without_control_characters(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [without_control_characters(value) for value in data]
    return data


def breadcrumb_list(crumbs):
    """`crumbs`: (name, absolute URL) pairs from the home page down to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def organization(name, url):
    return {"@type": "Organization", "name": name, "url": url}


def artist_entity(artist, absolute_url, image_url=""):
    """A group is a MusicGroup, a solo artist a Person (schema.org's two kinds of byArtist)."""
    node = {
        "@type": "MusicGroup" if artist.kind == Artist.Kind.GROUP else "Person",
        "name": artist.name,
        "url": absolute_url(artist.get_absolute_url()),
    }
    if artist.alias_list:
        node["alternateName"] = artist.alias_list
    if image_url:
        node["image"] = image_url
    if artist.official_url:
        node["sameAs"] = [artist.official_url]
    return node


def release_date_text(song):
    """The release date only as precisely as the editor knows it: "2014", "2014-03" or a day."""
    if song.release_date is None:
        return None
    iso_date = song.release_date.isoformat()
    if song.release_date_precision == Song.DatePrecision.YEAR:
        return iso_date[:4]
    if song.release_date_precision == Song.DatePrecision.MONTH:
        return iso_date[:7]
    return iso_date


def music_recording(song, absolute_url):
    """A song as a MusicRecording; load `song.artist` with it (select_related): no queries here."""
    node = {
        "@type": "MusicRecording",
        "name": song.title,
        "url": absolute_url(song.get_absolute_url()),
        "byArtist": artist_entity(song.artist, absolute_url),
    }
    released = release_date_text(song)
    if released:
        node["datePublished"] = released
    if song.alt_title_list:
        node["alternateName"] = song.alt_title_list
    return node


def song_list(entries, first_position, total, absolute_url):
    """One page of an article's entries as an ItemList, numbered as the page shows them."""
    return {
        "@type": "ItemList",
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "numberOfItems": total,
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": music_recording(entry.song, absolute_url),
            }
            for position, entry in enumerate(entries, start=first_position)
        ],
    }


def article_entity(article, *, url, description, author, publisher, image_url, songs):
    """An Article whose main entity is the ItemList of its songs on this page."""
    node = {
        "@type": "Article",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": author,
        "publisher": publisher,
        "mainEntity": songs,
    }
    if description:
        node["description"] = description
    if image_url:
        node["image"] = [image_url]
    return {key: value for key, value in node.items() if value is not None}

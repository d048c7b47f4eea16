"""schema.org JSON-LD nodes for articles, songs, artists and works (core/structured_data.py
holds the page-level pieces and says how they are escaped)."""

from songs.models import Artist, Song, Work

# The schema.org type of each kind of work. An anime may be a series or a film, and a
# commercial has no type of its own: both are plain CreativeWorks.
WORK_TYPES = {
    Work.Kind.FILM: "Movie",
    Work.Kind.DRAMA: "TVSeries",
    Work.Kind.TV: "TVSeries",
    Work.Kind.GAME: "VideoGame",
}


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


def work_entity(work, absolute_url):
    """A work as schema.org sees it: a Movie, a TVSeries, a VideoGame or a CreativeWork."""
    node = {
        "@type": WORK_TYPES.get(work.kind, "CreativeWork"),
        "name": work.title,
        "url": absolute_url(work.get_absolute_url()),
    }
    other_titles = {work.title_en, work.title_ja} - {None, "", work.title}
    if other_titles:
        node["alternateName"] = sorted(other_titles)
    if work.kind == Work.Kind.ANIME:
        node["genre"] = "Anime"
    if work.year:
        node["datePublished"] = str(work.year)
    if work.official_url:
        node["sameAs"] = [work.official_url]
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
    """A song as a MusicRecording, part of the work it is tied in to; load `song.artist` and
    `song.work` with it (select_related): no queries here."""
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
    if song.work_id:
        # A theme or insert song is part of its film or series, as a track is of an album.
        node["isPartOf"] = work_entity(song.work, absolute_url)
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


def music_playlist(article, *, url, songs):
    """The article as a MusicPlaylist: numTracks counts the whole list, `songs` (the
    ItemList of song_list()) holds the tracks on this page, in entry order."""
    return {
        "@type": "MusicPlaylist",
        "name": article.title,
        "url": url,
        "numTracks": songs["numberOfItems"],
        "track": songs,
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

"""An article as a playlist: its entries, in entry order, as an XSPF or an extended M3U
file, and a page of entries as a YouTube playlist link."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from core.converters import slug_url
from core.markup import strip_control_characters
from core.metadata import plain_text

XSPF_NAMESPACE = "http://xspf.org/ns/0/"
XSPF_CONTENT_TYPE = "application/xspf+xml; charset=utf-8"
M3U_CONTENT_TYPE = "audio/x-mpegurl; charset=utf-8"
# A commentary runs to paragraphs; a player shows a line or two of it.
ANNOTATION_LENGTH = 500
# YouTube's watch_videos link plays at most this many videos.
YOUTUBE_PLAYLIST_LIMIT = 50
YOUTUBE_PLAYLIST_URL = "https://www.youtube.com/watch_videos?video_ids="


@dataclass(frozen=True)
class Track:
    position: int
    title: str
    artist: str
    annotation: str
    info_url: str  # the song's page
    video_url: str  # what plays it, if anything does: the video's watch page
    listening_url: str  # the first listening link, if any

    @property
    def play_url(self):
        """What an M3U line opens: the video, else a listening link, else the song's page."""
        return self.video_url or self.listening_url or self.info_url


def one_line(text):
    """`text` on one line, with no control character: safe in XML and in an M3U line."""
    return " ".join(strip_control_characters(text).split())


def tracks(entries, absolute_url):
    """The entries as Tracks; load each entry's song and artist with it (select_related)."""
    made = []
    for entry in entries:
        song = entry.song
        video = song.video
        links = song.listening_links
        made.append(
            Track(
                position=entry.position,
                title=one_line(song.title),
                artist=one_line(song.artist.name),
                annotation=plain_text(entry.commentary_html, ANNOTATION_LENGTH),
                info_url=absolute_url(song.get_absolute_url()),
                video_url=video.watch_url if video else "",
                listening_url=links[0].url if links else "",
            )
        )
    return made


def _add(parent, name, text):
    """Add the element `name` holding `text`, unless `text` is empty."""
    if text:
        ET.SubElement(parent, name).text = text


def xspf(tracks, *, title, creator, annotation, info_url, location_url, date):
    """An XSPF version 1 document (bytes, UTF-8); `date` is an aware datetime or None.

    Children come in the order the specification lists them, the order its schemas check.
    """
    playlist = ET.Element("playlist", {"version": "1", "xmlns": XSPF_NAMESPACE})
    _add(playlist, "title", one_line(title))
    _add(playlist, "creator", one_line(creator))
    _add(playlist, "annotation", one_line(annotation))
    _add(playlist, "info", info_url)
    _add(playlist, "location", location_url)
    _add(playlist, "date", date.isoformat() if date else "")
    track_list = ET.SubElement(playlist, "trackList")
    for track in tracks:
        element = ET.SubElement(track_list, "track")
        _add(element, "location", track.video_url)
        _add(element, "title", track.title)
        _add(element, "creator", track.artist)
        _add(element, "annotation", track.annotation)
        _add(element, "info", track.info_url)
        _add(element, "trackNum", str(track.position))
    ET.indent(playlist)
    return ET.tostring(playlist, encoding="utf-8", xml_declaration=True) + b"\n"


def m3u(tracks, *, title):
    """An extended M3U playlist: "#EXTINF:-1,Artist - Title", then the URL that plays it."""
    lines = ["#EXTM3U", f"#PLAYLIST:{one_line(title)}"]
    for track in tracks:
        lines.append(f"#EXTINF:-1,{track.artist} - {track.title}")
        lines.append(track.play_url)
    return "\n".join(lines) + "\n"


def youtube_playlist_url(songs):
    """A link playing the songs' YouTube videos in order (Vimeo ones left out), or None
    when none has one. A page of entries is within YouTube's limit; the rest are cut."""
    ids = [song.video.video_id for song in songs if song.video and song.video.provider == "youtube"]
    if not ids:
        return None
    return YOUTUBE_PLAYLIST_URL + ",".join(ids[:YOUTUBE_PLAYLIST_LIMIT])


def article_playlists_html(article, page):
    """The links under a page of entries: the article's playlist files, and this page's
    videos as a YouTube playlist. Nothing for a draft or a scheduled article, whose files
    are a 404. Reads only the page's entries, already loaded to show them."""
    if not article.is_public:
        return SafeString()  # safe, so the entries it is added to stay safe too
    return render_to_string(
        "includes/article_playlists.html",
        {
            "xspf_url": slug_url("articles:playlist_xspf", article.slug),
            "m3u_url": slug_url("articles:playlist_m3u", article.slug),
            "youtube_url": youtube_playlist_url(entry.song for entry in page.object_list),
            "first": page.start_index(),
            "last": page.end_index(),
            "paginated": page.paginator.num_pages > 1,
        },
    )

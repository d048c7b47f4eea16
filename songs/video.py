"""YouTube and Vimeo links: the only video hosts an editor may link to a song."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
# Where players and thumbnails come from: the Content-Security-Policy allows exactly
# these (frame-src in the settings; img-src on the song's admin page).
YOUTUBE_EMBED_ORIGIN = "https://www.youtube-nocookie.com"
VIMEO_EMBED_ORIGIN = "https://player.vimeo.com"
YOUTUBE_THUMBNAIL_ORIGIN = "https://i.ytimg.com"


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str

    @property
    def embed_url(self):
        if self.provider == "youtube":
            return f"{YOUTUBE_EMBED_ORIGIN}/embed/{self.video_id}?autoplay=1"
        return f"{VIMEO_EMBED_ORIGIN}/video/{self.video_id}?autoplay=1&dnt=1"

    @property
    def thumbnail_url(self):
        """YouTube's still of the video (Vimeo has none without an API call)."""
        if self.provider == "youtube":
            return f"{YOUTUBE_THUMBNAIL_ORIGIN}/vi/{self.video_id}/mqdefault.jpg"
        return None

    @property
    def watch_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def parse_video_url(url):
    """The Video a YouTube or Vimeo URL points at, or None for anything else."""
    try:
        parsed = urlparse((url or "").strip())
    except ValueError:
        return None
    if parsed.scheme not in {"http", "https"}:
        return None
    host = (parsed.hostname or "").lower()
    path_parts = [part for part in parsed.path.split("/") if part]
    candidate = None
    if host in YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif len(path_parts) == 2 and path_parts[0] in {"embed", "shorts", "live", "v"}:
            candidate = path_parts[1]
        if candidate and YOUTUBE_ID.match(candidate):
            return Video("youtube", candidate)
    elif host == "youtu.be" and len(path_parts) == 1 and YOUTUBE_ID.match(path_parts[0]):
        return Video("youtube", path_parts[0])
    elif host in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"} and path_parts:
        candidate = path_parts[-1]
        if VIMEO_ID.match(candidate):
            return Video("vimeo", candidate)
    return None


def validate_video_url(url):
    if url and parse_video_url(url) is None:
        raise ValidationError(
            _("Enter a YouTube or Vimeo video link, e.g. https://www.youtube.com/watch?v=…"),
            code="invalid_video_url",
        )

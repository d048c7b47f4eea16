"""Listening links: where a reader can play a song on Spotify, Apple Music, YouTube Music,
LINE MUSIC or Amazon Music. Each field takes one service's link to one song, over https."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from songs.video import YOUTUBE_ID

SPOTIFY_ID = re.compile(r"^[A-Za-z0-9]{22}$")
APPLE_ID = re.compile(r"^\d{1,15}$")
APPLE_STOREFRONT = re.compile(r"^[a-z]{2}$")
# LINE MUSIC's track ids look like "mt00000000125b0c3a"; accept any plain token there.
LINE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
AMAZON_ASIN = re.compile(r"^[A-Z0-9]{10}$")


def _spotify(parsed, parts):
    # open.spotify.com/track/<id>, or /intl-ja/track/<id> from a localised page.
    if parts and re.fullmatch(r"intl-[a-z]{2}(-[A-Za-z]{2})?", parts[0]):
        parts = parts[1:]
    return len(parts) == 2 and parts[0] == "track" and bool(SPOTIFY_ID.match(parts[1]))


def _apple_music(parsed, parts):
    # music.apple.com/<storefront>/album/<name>/<album id>?i=<track id>, the name optional;
    # or /<storefront>/song/<name>/<id>.
    if len(parts) not in {3, 4} or not APPLE_STOREFRONT.match(parts[0]):
        return False
    if not APPLE_ID.match(parts[-1]):
        return False
    if parts[1] == "song":
        return True
    track = parse_qs(parsed.query).get("i", [""])[0]
    return parts[1] == "album" and bool(APPLE_ID.match(track))


def _youtube_music(parsed, parts):
    video = parse_qs(parsed.query).get("v", [""])[0]
    return parts == ["watch"] and bool(YOUTUBE_ID.match(video))


def _line_music(parsed, parts):
    return len(parts) == 3 and parts[:2] == ["webapp", "track"] and bool(LINE_ID.match(parts[2]))


def _amazon_music(parsed, parts):
    host = parsed.hostname
    if host.startswith("music."):
        # music.amazon.co.jp/tracks/<ASIN>, or an album with ?trackAsin=<ASIN>.
        if len(parts) != 2 or not AMAZON_ASIN.match(parts[1]):
            return False
        if parts[0] == "tracks":
            return True
        track = parse_qs(parsed.query).get("trackAsin", [""])[0]
        return parts[0] == "albums" and bool(AMAZON_ASIN.match(track))
    # The store's page of the track: amazon.co.jp/dp/<ASIN>, with or without a name first.
    return len(parts) >= 2 and parts[-2] == "dp" and bool(AMAZON_ASIN.match(parts[-1]))


@dataclass(frozen=True)
class Service:
    key: str
    name: str  # a brand: the same in every language
    field: str
    hosts: frozenset
    is_track_path: object  # (parsed URL, its path segments) -> bool
    example: str


SERVICES = (
    Service(
        "spotify",
        "Spotify",
        "spotify_url",
        frozenset({"open.spotify.com"}),
        _spotify,
        "https://open.spotify.com/track/…",
    ),
    Service(
        "apple_music",
        "Apple Music",
        "apple_music_url",
        frozenset({"music.apple.com"}),
        _apple_music,
        "https://music.apple.com/jp/album/…/…?i=…",
    ),
    Service(
        "youtube_music",
        "YouTube Music",
        "youtube_music_url",
        frozenset({"music.youtube.com"}),
        _youtube_music,
        "https://music.youtube.com/watch?v=…",
    ),
    Service(
        "line_music",
        "LINE MUSIC",
        "line_music_url",
        frozenset({"music.line.me"}),
        _line_music,
        "https://music.line.me/webapp/track/…",
    ),
    Service(
        "amazon_music",
        "Amazon Music",
        "amazon_music_url",
        frozenset(
            {
                "music.amazon.co.jp",
                "music.amazon.com",
                "amazon.co.jp",
                "www.amazon.co.jp",
                "amazon.com",
                "www.amazon.com",
            }
        ),
        _amazon_music,
        "https://music.amazon.co.jp/tracks/…",
    ),
)
SERVICES_BY_KEY = {service.key: service for service in SERVICES}


def _parse(url):
    try:
        parsed = urlparse((url or "").strip())
        host = (parsed.hostname or "").lower()
    except ValueError:
        return None, ""
    return parsed, host


def service_of(url):
    """The Service whose host `url` is on, whatever its path, or None."""
    _, host = _parse(url)
    return next((service for service in SERVICES if host in service.hosts), None)


def is_track_link(service, url):
    """Whether `url` is an https link to one song on `service`."""
    parsed, host = _parse(url)
    if parsed is None or parsed.scheme != "https" or host not in service.hosts:
        return False
    try:
        if parsed.username or parsed.password or parsed.port:
            return False
    except ValueError:  # a port that is not a number
        return False
    parts = [part for part in parsed.path.split("/") if part]
    return service.is_track_path(parsed, parts)


@deconstructible
class ListeningLinkValidator:
    """Accepts only a link to one song on the service named by `key`; its message says
    what is wrong: another service's link, http, or a link to something else."""

    def __init__(self, key):
        self.key = key

    def __call__(self, url):
        if not url:
            return
        service = SERVICES_BY_KEY[self.key]
        if is_track_link(service, url):
            return
        other = service_of(url)
        if other is not None and other != service:
            raise ValidationError(
                _(
                    "This is a %(other)s link: this field takes %(service)s links only, "
                    "e.g. %(example)s"
                ),
                code="wrong_service",
                params={"other": other.name, "service": service.name, "example": service.example},
            )
        if other == service and _parse(url)[0].scheme != "https":
            raise ValidationError(
                _("Use the https:// link, e.g. %(example)s"),
                code="not_https",
                params={"example": service.example},
            )
        raise ValidationError(
            _("Enter a link to one song on %(service)s, e.g. %(example)s"),
            code="invalid_listening_link",
            params={"service": service.name, "example": service.example},
        )

    def __eq__(self, other):
        return isinstance(other, ListeningLinkValidator) and other.key == self.key


@dataclass(frozen=True)
class ListeningLink:
    service: Service
    url: str

    @property
    def name(self):
        return self.service.name

    @property
    def key(self):
        return self.service.key


def listening_links(song):
    """The song's links that are filled in, in the services' fixed order."""
    return [
        ListeningLink(service, getattr(song, service.field))
        for service in SERVICES
        if getattr(song, service.field)
    ]


def listening_link_field(key):
    """The Song field holding its link on the service named by `key`."""
    service = SERVICES_BY_KEY[key]
    return models.URLField(
        service.name,
        max_length=500,
        blank=True,
        validators=[ListeningLinkValidator(key)],
        help_text=format_lazy(
            _("A link to this song on {service}, e.g. {example}"),
            service=service.name,
            example=service.example,
        ),
    )

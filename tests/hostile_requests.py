"""The public URLs, what each may answer to a hostile value, and the checks every answer
must pass. Shared by the corpus test (test_hostile_inputs.py) and the Hypothesis fuzz
(test_fuzz_urls.py).

A value is sent in one of two ways: `encoded` (percent-encoded whole, so the view sees
exactly the string) or `raw` (what has a meaning of its own in that part of a URL is left
as it is: "%ff" arrives as an invalid UTF-8 byte, "1&page=2" repeats a parameter, "+" is a
space, "../" stays a path separator).
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import quote

from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django.utils.http import url_has_allowed_host_and_scheme

from tests.factories import add_entries, make_article, make_audience, make_mood, make_song

CORPUS_PATH = Path(__file__).parent / "data" / "hostile_inputs.txt"

# What any public URL may answer, whatever it was sent.
ANSWERS = frozenset({200, 301, 302, 400, 404, 405})
# What a parameter's value or a path segment may get, case by case (Route below).
SHOWN = frozenset({200})  # ignored, or shown back as a form error: the page itself
PAGED = frozenset({200, 404})  # a page number: that page, or 404 (never a 500, never page 1)
NOT_FOUND = frozenset({404})  # a slug or section that no row has

# What a raw value leaves unencoded: the characters with a meaning of their own in a query
# string, and in a path. Only a value holding one of them is also sent raw.
RAW_IN_QUERY = "%&+"
RAW_IN_PATH = "%/"


# --- The corpus ------------------------------------------------------------------

_LINE = re.compile(r'^(?P<literal>".*")(?:\s*\*\s*(?P<times>\d+))?\s*$')
_SECTION = re.compile(r"^#\s*==\s*(?P<name>.+?)\s*==\s*$")


@dataclass(frozen=True)
class HostileInput:
    kind: str
    value: str

    def __str__(self):
        shown = self.value if len(self.value) <= 40 else f"{self.value[:40]}… ({len(self.value)})"
        return f"[{self.kind}] {shown!r}"


def load_corpus(path=CORPUS_PATH):
    """The inputs of the corpus file, in order, each with its section's name."""
    inputs, kind = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if section := _SECTION.match(line):
            kind = section["name"]
            continue
        if not line.strip() or line.startswith("#"):
            continue
        entry = _LINE.match(line)
        if entry is None or kind is None:
            raise ValueError(f"{path.name}:{number}: not an input: {line!r}")
        try:
            value = json.loads(entry["literal"]) * int(entry["times"] or 1)
        except ValueError as error:
            raise ValueError(f"{path.name}:{number}: {error}") from error
        inputs.append(HostileInput(kind, value))
    return inputs


# --- The routes ------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """A public URL: `path` holds "{slug}" where the route takes a path segment.

    `params` maps each query parameter the route reads to what a hostile value for it
    may get; `fixed` are the parameters sent alongside, so that the one under test is
    actually read. A route that reads none still gets hostile ones (IGNORED).
    """

    name: str
    path: str
    params: dict = field(default_factory=dict)
    fixed: dict = field(default_factory=dict)
    slug_of: str = ""  # which fixture row's slug fills {slug}
    localized: bool = True  # also served under /ja/

    @property
    def takes_segment(self):
        return "{slug}" in self.path

    def url(self, site, segment=None, language=""):
        """The path for `language` ("" or "/ja"), with `segment` (already quoted) or the
        real slug."""
        slug = segment if segment is not None else quote(site.get(self.slug_of, ""))
        return language + self.path.replace("{slug}", slug)


ROUTES = [
    Route("home", "/"),
    Route("article list", "/articles/", {"page": PAGED}),
    Route("article", "/articles/{slug}/", {"page": PAGED}, slug_of="article"),
    Route("search", "/search/", {"q": SHOWN}),
    Route("search one kind", "/search/", {"page": PAGED}, fixed={"q": "song", "kind": "songs"}),
    Route("search kind", "/search/", {"kind": SHOWN}, fixed={"q": "song"}),
    Route("artists A-Z", "/artists/", {"page": PAGED}),
    Route("artist", "/artists/{slug}/", {"page": PAGED}, slug_of="artist"),
    Route("song", "/songs/{slug}/", {"page": PAGED}, slug_of="song"),
    Route("mood", "/moods/{slug}/", {"page": PAGED}, slug_of="mood"),
    Route("audience", "/audiences/{slug}/", {"page": PAGED}, slug_of="audience"),
    Route("era", "/eras/{slug}/", {"page": PAGED}, slug_of="era"),
    Route("decade", "/decades/{slug}/", {"page": PAGED}, slug_of="decade"),
    Route("feed", "/feed/"),
    Route("atom feed", "/feed/atom/"),
    Route("artist feed", "/artists/{slug}/feed/", slug_of="artist"),
    Route("mood feed", "/moods/{slug}/feed/", slug_of="mood"),
    Route("audience feed", "/audiences/{slug}/feed/", slug_of="audience"),
    Route("sitemap index", "/sitemap.xml", localized=False),
    Route(
        "sitemap section",
        "/sitemap-{slug}.xml",
        {"p": PAGED},
        slug_of="section",
        localized=False,
    ),
    Route("robots.txt", "/robots.txt", localized=False),
    Route("healthz", "/healthz", localized=False),
    Route("readyz", "/readyz", localized=False),
]
LANGUAGES = ["", "/ja"]
# What a route that reads no parameter is sent hostile values as: `page`, the parameter
# the page cache reads in front of every route. Any value gets the page itself.
IGNORED = {"page": SHOWN}

# Values each parameter is also sent with, so that one parameter's hostile value does not
# keep another's from being read (a bad `kind` would hide `page`).
GOOD_VALUES = {"page": ["1", "2"], "p": ["1"], "q": ["song", "tear"], "kind": ["songs", "artists"]}


def build_site():
    """One of each thing a public URL shows, and an article of two pages: as little as
    makes every page render its lists, so that each request costs little.

    Returns the slug of each, by the names Route.slug_of uses."""
    mood, audience = make_mood("Tear-jerking"), make_audience("Women in their 40s")
    songs = [
        make_song(f"Song {n}", moods=[mood], audiences=[audience], release_date=date(2014, n, 1))
        for n in (1, 2, 3)
    ]
    article = make_article("Three songs to cry to", entries_per_page=2)
    article.moods.add(mood)
    article.audiences.add(audience)
    add_entries(article, songs)
    return {
        "article": article.slug,
        "artist": songs[0].artist.slug,
        "song": songs[0].slug,
        "mood": mood.slug,
        "audience": audience.slug,
        "era": "heisei",
        "decade": "2010s",
        "section": "articles",
    }


# --- Sending ---------------------------------------------------------------------


def encodings(value, raw_safe):
    """The ways `value` is sent: encoded always, raw too where that differs."""
    yield "encoded", quote(value, safe="")
    if any(char in value for char in raw_safe):
        yield "raw", quote(value, safe=raw_safe)


def query(params):
    """A query string of already-encoded values."""
    return "&".join(f"{quote(name, safe='')}={value}" for name, value in params.items())


def fixed_params(route):
    return {name: quote(value, safe="") for name, value in route.fixed.items()}


@cache
def _handler():
    handler = BaseHandler()
    handler.load_middleware()
    return handler


def get(url):
    """GET `url` through the whole middleware stack, as the WSGI handler passes it on.

    Django's test Client does the same, and also records a copy of every template context
    of the page, which costs a third of the time of a request. A 500 comes back as the
    error page, as a server sends it, to be reported with the other problems."""
    return _handler().get_response(RequestFactory().get(url))


# --- Checking --------------------------------------------------------------------

_CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]*)">')


def problems(response, allowed, url, values):
    """What is wrong with `response` to a request for `url` carrying the hostile `values`:
    an empty list when nothing is."""
    found = []
    status = response.status_code
    body = response.content
    if status not in allowed or status not in ANSWERS:
        found.append(f"status {status}, expected one of {sorted(allowed & ANSWERS)}")
    if b"Traceback" in body:
        found.append("a traceback in the body")
    for name, header in response.headers.items():
        if "\r" in header or "\n" in header or name.lower() == "x-injected":
            found.append(f"header {name!r} carries injected text: {header!r}")
    if "injected" in response.cookies:
        found.append("a cookie set from the input")
    if status in (301, 302):
        location = response.headers.get("Location", "")
        if not url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}):
            found.append(f"a redirect off the site: {location!r}")
    is_html = response.headers.get("Content-Type", "").startswith("text/html")
    if status == 200 and is_html:
        found.extend(_canonical_problems(body, url))
    if is_html and any("<" in value and value.encode() in body for value in values):
        found.append("the input is in the page unescaped")
    return found


def _canonical_problems(body, url):
    """A page answered 200 names itself by its clean URL: the request's path, and
    ?page=N in ASCII digits at most, whatever spelling of the page number was asked for."""
    links = _CANONICAL.findall(body)
    if not links:
        return []  # not a page search engines index (e.g. a form error)
    path = url.split("?", 1)[0]
    pattern = re.escape(f"http://testserver{path}".encode()) + rb"(\?page=[1-9][0-9]*)?"
    if not re.fullmatch(pattern, links[0]):
        return [f"canonical link {links[0]!r} is not the clean URL of {path!r}"]
    return []

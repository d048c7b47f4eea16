"""Every input of the hostile corpus, to every public URL: as each query parameter's value
and as each path segment. On a URL served in both languages the inputs take turns
between English and /ja/ (half the requests for the same views: the language prefix
changes which translations render, not what reads the input), and the Hypothesis fuzz
(test_fuzz_urls.py) draws the language of each of its examples.

No answer is a 5xx or carries a traceback, a header or cookie made from the input, a
redirect off the site, or the input unescaped in HTML; each status is the one its case
allows (tests/hostile_requests.py: a page number gets its page or 404, a slug no row has
gets 404, a search gets its page with a form error when the query cannot be used).

The page cache is on, as in production: hostile URLs are exactly what must not poison
it or make its keys fail. Only 200s are stored, each under its own URL, so a hit can
only repeat an answer this test has already checked.
"""

import pytest

from tests.hostile_requests import (
    IGNORED,
    LANGUAGES,
    NOT_FOUND,
    RAW_IN_PATH,
    RAW_IN_QUERY,
    ROUTES,
    build_site,
    encodings,
    fixed_params,
    get,
    load_corpus,
    problems,
    query,
)

pytestmark = pytest.mark.django_db

CORPUS = load_corpus()


def test_the_corpus_holds_every_kind_of_hostile_input():
    kinds = {entry.kind for entry in CORPUS}
    assert len(CORPUS) >= 150
    assert {
        "page numbers",
        "unicode digits",
        "path traversal and URLs",
        "header injection",
    } <= kinds
    assert any("\x00" in entry.value for entry in CORPUS)
    assert any(len(entry.value) >= 10240 for entry in CORPUS)


def send_corpus(route, url_for, raw_safe, allowed, allowed_raw=None):
    """Send every input through `url_for(encoded_value, language)`; the failures, one line
    each. The inputs of a localized route take turns between English and /ja/.

    A raw value holding "&" sets other parameters too: `allowed_raw` is what it may get."""
    languages = LANGUAGES if route.localized else [""]
    failures = []
    for number, entry in enumerate(CORPUS):
        language = languages[number % len(languages)]
        for how, encoded in encodings(entry.value, raw_safe):
            url = url_for(encoded, language)
            response = get(url)
            sets_others = how == "raw" and "&" in entry.value and allowed_raw
            expected = allowed_raw if sets_others else allowed
            failures.extend(
                f"{entry} {how} → {url[:120]}: {problem}"
                for problem in problems(response, expected, url, [entry.value])
            )
    return failures


PARAMETER_CASES = [
    pytest.param(route, name, id=f"{route.name}?{name}=")
    for route in ROUTES
    for name in route.params
]
SEGMENT_CASES = [pytest.param(route, id=route.path) for route in ROUTES if route.takes_segment]
IGNORING_CASES = [pytest.param(route, id=route.name) for route in ROUTES if not route.params]
# Inputs to a request for a route that reads no parameter.
BATCH = 10


@pytest.mark.parametrize(("route", "name"), PARAMETER_CASES)
def test_hostile_query_values_are_answered_cleanly(route, name):
    site = build_site()

    def url_for(value, language):
        path = route.url(site, language=language)
        return f"{path}?{query({**fixed_params(route), name: value})}"

    any_parameter = frozenset().union(*route.params.values())
    failures = send_corpus(route, url_for, RAW_IN_QUERY, route.params[name], any_parameter)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("route", SEGMENT_CASES)
def test_hostile_path_segments_are_not_found(route):
    site = build_site()
    failures = send_corpus(
        route, lambda value, language: route.url(site, value, language), RAW_IN_PATH, NOT_FOUND
    )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("route", IGNORING_CASES)
def test_routes_that_read_no_parameter_answer_hostile_ones_with_the_page(route):
    """Home, the feeds, robots.txt, the sitemap index and the probes read no parameter:
    nothing reads a hostile one but the page cache, which the tests above already send
    every input to (as `page`, on the routes that read it). So these get the corpus as
    repeated `page` values, BATCH inputs to a request, and each answer is the page."""
    site = build_site()
    ((name, allowed),) = IGNORED.items()
    sendings = [
        (entry, how, encoded)
        for entry in CORPUS
        for how, encoded in encodings(entry.value, RAW_IN_QUERY)
    ]
    languages = LANGUAGES if route.localized else [""]
    failures = []
    for number, start in enumerate(range(0, len(sendings), BATCH)):
        batch = sendings[start : start + BATCH]
        path = route.url(site, language=languages[number % len(languages)])
        url = path + "?" + "&".join(f"{name}={encoded}" for _, _, encoded in batch)
        values = [entry.value for entry, _, _ in batch]
        found = problems(get(url), allowed, url, values)
        failures.extend(
            f"{[str(entry) for entry, _, _ in batch]} → {url[:120]}: {problem}" for problem in found
        )
    assert not failures, "\n".join(failures)

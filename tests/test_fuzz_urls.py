"""Hypothesis fuzz of every public URL: arbitrary text for each query parameter the route
reads and for its path segment, sent encoded or raw, in English and under /ja/.

Every answer passes the checks of tests/hostile_requests.py (no 5xx, no traceback, no
injected header, no redirect off the site, nothing echoed unescaped, a 200 page names its
clean URL), with a status its parameters allow.

Deterministic for CI: `derandomize` draws the same examples on every run, and no example
database is read or written. The page cache is on, as in production (see
test_hostile_inputs.py for why).
"""

from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile_requests import (
    GOOD_VALUES,
    IGNORED,
    LANGUAGES,
    NOT_FOUND,
    RAW_IN_PATH,
    RAW_IN_QUERY,
    ROUTES,
    Route,
    build_site,
    get,
    load_corpus,
    problems,
    query,
)

pytestmark = pytest.mark.django_db

EXAMPLES_PER_ROUTE = 300

# The @given function is built inside each test, so no function-scoped fixture is shared
# between examples behind Hypothesis's back: the examples share the test's database and
# cache knowingly. They only send GET requests, which write no row, and a page the cache
# keeps was checked when it was first answered. Drawing a value is quick, but a CI
# machine under load must not fail a test for being slow to draw one.
FUZZ = settings(
    max_examples=EXAMPLES_PER_ROUTE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

CORPUS_VALUES = [entry.value for entry in load_corpus()]
SHORT_CORPUS_VALUES = [value for value in CORPUS_VALUES if len(value) <= 100]


def percent_encoded(data):
    return "".join(f"%{byte:02X}" for byte in data)


# What a hostile value is made of: any text (NUL and other controls, any script), numbers
# spelt every way, the corpus's inputs, and short pieces of them run together.
texts = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x7F), max_size=40),
    st.integers().map(str),
    st.text(st.sampled_from("0123456789١٢۱१１２𝟏¹½-+.eE_ \t"), max_size=12),
    st.sampled_from(CORPUS_VALUES),
    st.lists(st.sampled_from(SHORT_CORPUS_VALUES) | st.text(max_size=5), max_size=3).map("".join),
)


def sent(raw_safe):
    """How a text is sent: encoded whole (the view sees exactly the text), raw (what has a
    meaning of its own in that part of the URL left as it is), or arbitrary bytes
    (invalid UTF-8 included)."""
    return st.one_of(
        texts.map(lambda text: quote(text, safe="")),
        texts.map(lambda text: quote(text, safe=raw_safe)),
        st.binary(max_size=24).map(percent_encoded),
    )


sent_values = sent(RAW_IN_QUERY)
sent_segments = sent(RAW_IN_PATH)


def parameter_values(name):
    """A parameter's value: hostile, or now and then a good one, so that the parameters
    after it are read too."""
    good = st.sampled_from(GOOD_VALUES[name]) if name in GOOD_VALUES else st.nothing()
    return sent_values | good


def one_route_per_url(routes):
    """The corpus test's routes, those of one URL merged: /search/ fuzzes q, kind and page
    together. A parameter may get what any of the merged routes allows it. A route that
    reads no parameter is fuzzed with IGNORED ones."""
    merged = {}
    for route in routes:
        key = (route.path, route.slug_of, route.localized)
        params = dict(merged[key].params) if key in merged else {}
        for name, allowed in (route.params or IGNORED).items():
            params[name] = params.get(name, frozenset()) | allowed
        name = merged[key].name if key in merged else route.name
        merged[key] = Route(name, route.path, params, {}, route.slug_of, route.localized)
    return list(merged.values())


FUZZED_ROUTES = one_route_per_url(ROUTES)


@pytest.mark.parametrize("route", FUZZED_ROUTES, ids=[route.name for route in FUZZED_ROUTES])
def test_fuzzed_requests_are_answered_cleanly(route):
    site = build_site()
    real_slug = site.get(route.slug_of)
    optional_params = {name: parameter_values(name) for name in route.params}

    @FUZZ
    @given(
        language=st.sampled_from(LANGUAGES if route.localized else [""]),
        values=st.fixed_dictionaries({}, optional=optional_params),
        segment=st.none() | (sent_segments if route.takes_segment else st.nothing()),
    )
    def answers_cleanly(language, values, segment):
        if segment is not None and unquote(segment) == real_slug:
            segment = None
        url = route.url(site, segment, language)
        if values:
            url += "?" + query(values)
        allowed = frozenset().union({200}, *(route.params[name] for name in values))
        if segment is not None:
            allowed = NOT_FOUND
        response = get(url)
        sent = [unquote(value, errors="replace") for value in values.values()]
        found = problems(response, allowed, url, sent)
        assert not found, f"{url[:200]}: {found}"

    answers_cleanly()

"""Invalidation across real processes: two gunicorn workers with their own local-memory
caches, an editor saving from another process, and Varnish in front purged by tag."""

from tests.live_site import live_site  # noqa: F401  (the fixture)

SEED_ARTICLE = "/articles/songs-for-when-you-want-to-cry/"
SONG = "/songs/eine-kleine/"
# Pages that do not show Eine Kleine: they must stay cached when it changes.
UNRELATED = ["/artists/radwimps/", "/songs/sparkle/"]
ROUNDS = 8
READS_PER_ROUND = 6


def served_from_varnish(response):
    # Varnish's X-Varnish holds two transaction ids on a hit: this request's and the one
    # that stored the object.
    return len(response.getheader("X-Varnish", "").split()) == 2


def test_interleaved_saves_and_reads_across_two_workers_see_no_stale_page(live_site):  # noqa: F811
    live_site.start_app(workers=2)
    live_site.start_editor()
    stale = []
    for round_number in range(1, ROUNDS + 1):
        title = f"Eine Kleine take {round_number}"
        live_site.rename_song("eine-kleine", title)
        for _ in range(READS_PER_ROUND):
            for path in (SEED_ARTICLE, SONG):
                response = live_site.get(path)
                if title not in response.text:
                    stale.append((round_number, path))
    assert stale == []
    # Both workers took part, each with its own local-memory copy of the pages.
    assert len(live_site.workers_that_answered(SEED_ARTICLE)) == 2


def test_varnish_serves_pages_and_a_save_purges_exactly_the_pages_that_show_it(live_site):  # noqa: F811
    live_site.start_app(workers=1, edge=True)
    live_site.start_editor()
    pages = [SEED_ARTICLE, SONG, *UNRELATED]
    for path in pages:
        live_site.get(path, via_edge=True)
    assert all(served_from_varnish(live_site.get(path, via_edge=True)) for path in pages)

    live_site.rename_song("eine-kleine", "Eine Kleine (live)")

    for path in (SEED_ARTICLE, SONG):
        response = live_site.get(path, via_edge=True)
        assert not served_from_varnish(response), path
        assert "Eine Kleine (live)" in response.text, path
    for path in UNRELATED:
        assert served_from_varnish(live_site.get(path, via_edge=True)), path
    # The tags are the edge's business only.
    assert live_site.get(SEED_ARTICLE, via_edge=True).getheader("xkey") is None

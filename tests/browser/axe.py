"""axe-core's WCAG 2.1 A and AA rules, run on a page by the browser tests."""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_no_axe_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

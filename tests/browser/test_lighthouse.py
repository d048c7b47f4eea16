"""Lighthouse gives 100 in all four categories to the reader's main pages, in both
languages, on a phone (its default, mobile preset) and on a desktop.

One Node process runs every page with both presets (tests/browser/lighthouse.mjs):
about 8 s a run. The scores are Lighthouse's own, thresholds included: Chromium is the
one the other browser tests drive, offline, on the live server (DEBUG off, as in
production)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DEMO_ARTICLE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RUNNER = Path(__file__).with_name("lighthouse.mjs")
LIGHTHOUSE = Path(__file__).resolve().parents[2] / "node_modules/lighthouse"
PAGES = ["/", DEMO_ARTICLE, "/moods/tearjerker/"]
PAGES += ["/ja" + path for path in PAGES]
PRESETS = ["mobile", "desktop"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


@pytest.fixture(scope="module")
def node():
    node = shutil.which("node")
    if node and LIGHTHOUSE.exists() and Path(CHROMIUM).exists():
        return node
    reason = (
        "Lighthouse needs node, node_modules (`npm ci`; `make test-browser` runs it) and chromium."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} CI must run it, not skip it.")
    pytest.skip(reason)


def test_lighthouse_gives_100_in_every_category(node, live_server, demo, tmp_path):
    urls = [live_server.url + path for path in PAGES]
    subprocess.run(
        [node, RUNNER, tmp_path, CHROMIUM, json.dumps(CHROMIUM_ARGS), *urls],
        check=True,
        timeout=15 * 60,
    )
    scores, shortfalls = {}, []
    for preset in PRESETS:
        for index, path in enumerate(PAGES):
            report = json.loads((tmp_path / f"{preset}-{index}.json").read_text())
            assert report.get("runtimeError") is None, (preset, path, report["runtimeError"])
            for category in CATEGORIES:
                score = report["categories"][category]["score"]
                scores[preset, path, category] = score
                if score != 1:
                    shortfalls.append(describe(preset, path, category, score, report))
    print(score_table(scores))
    assert shortfalls == [], "\n".join(shortfalls)


def describe(preset, path, category, score, report):
    """Why a category fell short: its audits that did not pass, with their figures."""
    refs = report["categories"][category]["auditRefs"]
    audits = [report["audits"][ref["id"]] for ref in refs if ref["weight"]]
    failing = [
        f"    {audit['id']} ({audit['score']}): {audit.get('displayValue', '')}"
        for audit in audits
        if audit["score"] not in (None, 1)
    ]
    return f"{preset} {path} {category} {round(score * 100)}\n" + "\n".join(failing)


def score_table(scores):
    lines = [f"{'':8} {'page':48} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES)]
    for preset in PRESETS:
        for path in PAGES:
            row = " ".join(f"{round(scores[preset, path, c] * 100):>13}" for c in CATEGORIES)
            lines.append(f"{preset:8} {path:48} {row}")
    return "\n".join(lines)

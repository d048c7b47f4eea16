"""Debian's chromium and the flags that keep it offline: for the browser tests, and for
`make screenshots`, which runs without Django's settings."""

import os
import shutil
import subprocess

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # No DNS at all (Chromium looks up Google hosts by itself); the test server stays reachable.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]


def japanese_font_missing():
    """Why the browser has no Japanese face to draw with, or None if it has one.

    Without one, every kanji of a /ja/ page shows as a box and costs the layout a failed
    search through the system's fonts: Lighthouse's timings are then not a reader's."""
    fc_list = shutil.which("fc-list")
    if fc_list and subprocess.run([fc_list, ":lang=ja"], capture_output=True).stdout.strip():
        return None
    return "No Japanese font: install one with `apt-get install -y fonts-ipafont-gothic`."

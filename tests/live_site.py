"""The demo site served for real, for tests that need separate processes: gunicorn workers,
an editor's process saving through the ORM, and Varnish in front (deploy/varnish.vcl).

Each part is a real server on 127.0.0.1 with a port of its own; the database is a
SQLite file that they all share, and REDIS_URL, when set, is shared as in production.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_program(name):
    """The path of `name`; a missing one skips the test, except in CI, where it fails it."""
    path = shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )
    if path is None:
        message = f"{name} is not installed (apt-get install -y varnish varnish-modules)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


class LiveSite:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.processes = []
        self.port = free_port()
        self.edge_port = None
        self.access_log = self.folder / "access.log"
        self.env = {
            **os.environ,
            # The production settings as tests run them: static files need no collectstatic.
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": f"sqlite:///{self.folder / 'site.sqlite3'}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "DEBUG": "0",
            "SECRET_KEY": "live-site-tests-only",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PAGE_CACHE": "1",
        }

    # --- Starting and stopping -----------------------------------------------------

    def prepare(self):
        for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=self.env,
                check=True,
                capture_output=True,
            )

    def start_app(self, workers=2, edge=False):
        """Gunicorn with `workers` workers; with `edge`, Varnish in front, which the app
        purges (so the app must know of it from the start)."""
        if edge:
            self.edge_port = free_port()
            self.env["EDGE_PURGE_URLS"] = f"http://127.0.0.1:{self.edge_port}/"
        self._start(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "site_config.wsgi",
                f"--workers={workers}",
                f"--bind=127.0.0.1:{self.port}",
                f"--access-logfile={self.access_log}",
                "--access-logformat=%(p)s %(U)s",
            ]
        )
        self._wait_for(self.port, "/healthz")
        if edge:
            self._start_edge()

    def _start_edge(self):
        varnishd = require_program("varnishd")
        vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
        vcl = vcl.replace('.port = "8000";', f'.port = "{self.port}";')
        vcl_path = self.folder / "edge.vcl"
        vcl_path.write_text(vcl)
        work = self.folder / "varnish"
        work.mkdir()
        self._start(
            [
                varnishd,
                "-F",
                f"-a127.0.0.1:{self.edge_port}",
                f"-f{vcl_path}",
                f"-n{work}",
                "-smalloc,64m",
                # No privilege-dropping jail: the test's own folders are private to us.
                "-jnone",
            ]
        )
        self._wait_for(self.edge_port, "/healthz")

    def start_editor(self):
        self.editor = self._start(
            [sys.executable, str(ROOT / "tests" / "live_editor.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def _start(self, command, **kwargs):
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stderr=subprocess.DEVNULL, **kwargs
        )
        self.processes.append(process)
        return process

    def _wait_for(self, port, path):
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                if self.get(path, port=port).status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"nothing answered on port {port}")

    # --- Using it ---------------------------------------------------------------------

    def rename_song(self, slug, title):
        """Save a new title for the song, in the editor's process; returns once committed."""
        self.editor.stdin.write(f"rename-song {slug} {title}\n")
        self.editor.stdin.flush()
        assert self.editor.stdout.readline().strip() == "saved"

    def get(self, path, port=None, via_edge=False):
        """One GET on a new connection, so that any worker may answer it."""
        port = port or (self.edge_port if via_edge else self.port)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path, headers={"Connection": "close"})
            response = connection.getresponse()
            response.text = response.read().decode()
            return response
        finally:
            connection.close()

    def workers_that_answered(self, path):
        """The process ids of the gunicorn workers that served `path`, from the access log."""
        lines = self.access_log.read_text().splitlines()
        return {pid for pid, served in (line.split(" ", 1) for line in lines) if served == path}


@pytest.fixture
def live_site(tmp_path):
    site = LiveSite(tmp_path)
    site.prepare()
    try:
        yield site
    finally:
        site.stop()

"""The demo site served for real, for tests that need separate processes: gunicorn workers,
an editor's process saving through the ORM, and Varnish in front (deploy/varnish.vcl).

Each part is a real server on 127.0.0.1 with a port of its own; the database is a
SQLite file that they all share (or the PostgreSQL database a test gives), and
REDIS_URL, when set, is shared as in production. For the fault tests (and `make bench`'s
fault rows) there are a private redis-server that a test can kill, and a TCP proxy
between the app and PostgreSQL that a test can cut.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_program(name, package="varnish varnish-modules"):
    """The path of `name`; a missing one skips the test, except in CI, where it fails it."""
    path = shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )
    if path is None:
        message = f"{name} is not installed (apt-get install -y {package})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


class LiveSite:
    def __init__(self, folder, database_url=None, **settings):
        """`settings`: environment variables for every process of the site (PAGE_CACHE…)."""
        self.folder = Path(folder)
        self.processes = []
        self.port = free_port()
        self.edge_port = None
        self.access_log = self.folder / "access.log"
        self.env = {
            **os.environ,
            # The production settings as tests run them: static files need no collectstatic.
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": database_url or f"sqlite:///{self.folder / 'site.sqlite3'}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "DEBUG": "0",
            "SECRET_KEY": "live-site-tests-only",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PAGE_CACHE": "1",
            # One host: its workers share the token of core/cache_generation.py.
            "CACHE_GENERATION_FILE": str(self.folder / "site.cache-generation"),
            **settings,
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

    def get(self, path, port=None, via_edge=False, headers=None):
        """One GET on a new connection, so that any worker may answer it."""
        port = port or (self.edge_port if via_edge else self.port)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path, headers={"Connection": "close", **(headers or {})})
            response = connection.getresponse()
            response.text = response.read().decode()
            return response
        finally:
            connection.close()

    def workers_that_answered(self, path):
        """The process ids of the gunicorn workers that served `path`, from the access log."""
        lines = self.access_log.read_text().splitlines()
        return {pid for pid, served in (line.split(" ", 1) for line in lines) if served == path}

    def warm(self, path, workers=2, tries=200):
        """Request `path` until each of `workers` workers has served it (and cached it)."""
        for _ in range(tries):
            assert self.get(path).status == 200, path
            if len(self.workers_that_answered(path)) >= workers:
                return
        raise RuntimeError(f"not every worker served {path}")


# --- Faults: a Redis to kill, a database connection to cut ------------------------------


class PrivateRedis:
    """A redis-server of the test's own on a free port, with nothing saved to disk."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self, program=None):
        program = program or require_program("redis-server", "redis-server")
        # In memory only: no snapshot, no append-only file.
        options = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [program, "--port", str(self.port), *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        """SIGKILL, as a crash or an out-of-memory kill: no goodbye to its clients."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


@contextmanager
def private_redis():
    redis = PrivateRedis()
    redis.start()
    try:
        yield redis
    finally:
        if redis.process.poll() is None:
            redis.kill()


class CuttableProxy:
    """A TCP proxy on 127.0.0.1 to `host`:`port` that can be cut and restored: the
    network between the app and its database. Cut, every open connection is closed and
    new ones are refused, as when the database server goes away; restored, it accepts again
    on the same port."""

    def __init__(self, host, port):
        self.target = (host, port)
        self.port = free_port()
        self.listener = None
        self.open_sockets = set()
        self.lock = threading.Lock()

    def restore(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        _close(self.listener)
        with self.lock:
            sockets, self.open_sockets = self.open_sockets, set()
        for sock in sockets:
            _close(sock)

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                return  # cut
            upstream.settimeout(None)
            with self.lock:
                self.open_sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    _close(source)
    _close(sink)


def _close(sock):
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in accept() or recv()
    sock.close()


@contextmanager
def private_postgres_database(server_url, name):
    """A new database `name` on the PostgreSQL server of `server_url`, dropped afterwards;
    yields its URL."""
    import psycopg

    parts = urlsplit(server_url)
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def cuttable(database_url):
    """A proxy in front of the PostgreSQL server of `database_url`; yields the proxy and
    the URL of the same database through it."""
    parts = urlsplit(database_url)
    proxy = CuttableProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    proxy.restore()
    credentials, at, _ = parts.netloc.rpartition("@")
    netloc = f"{credentials}{at}127.0.0.1:{proxy.port}"
    try:
        yield proxy, parts._replace(netloc=netloc).geturl()
    finally:
        proxy.cut()


@pytest.fixture
def live_site(tmp_path):
    site = LiveSite(tmp_path)
    site.prepare()
    try:
        yield site
    finally:
        site.stop()

"""Shared fixtures for the scraper infrastructure tests.

Real HTTP only: every test serves its responses from a local pytest-httpserver on
127.0.0.1 and lets :mod:`scrapers.http` fetch them. Delays are shrunk through
settings (``backoff=0.01``, ``min_delay=0``), never by patching sleeps.
"""

from __future__ import annotations

import json
import socket
import types
from datetime import datetime, timezone
from typing import Iterator

import pytest
from pytest_httpserver import HTTPServer

from board.entry import Compensation, Entry, Hours, Organization, Source
from scrapers.curation import Decision
from scrapers.http import HttpSettings
from scrapers.record import ParseError, RawRecord, SourceConfig

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def _start() -> HTTPServer:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    return srv


def _fresh(srv: HTTPServer) -> HTTPServer:
    """Forget the previous test's handlers and log; robots.txt 404 = everything allowed."""
    srv.clear()
    srv.expect_request("/robots.txt").respond_with_data("not found", status=404)
    return srv


@pytest.fixture(scope="session")
def _servers() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    # Started once: stopping a werkzeug server waits out its 0.5 s poll interval.
    pair = (_start(), _start())
    yield pair
    for srv in pair:
        if srv.is_running():
            srv.stop()


@pytest.fixture
def server(_servers) -> Iterator[HTTPServer]:
    """A threaded local server on 127.0.0.1, cleared for each test."""
    yield _fresh(_servers[0])
    _servers[0].clear()


@pytest.fixture
def other_server(_servers) -> Iterator[HTTPServer]:
    """A second host (another port is another origin for politeness and robots)."""
    yield _fresh(_servers[1])
    _servers[1].clear()


@pytest.fixture
def settings() -> HttpSettings:
    return fast_settings()


def fast_settings(**overrides) -> HttpSettings:
    """Short delays, and the documented opt-in to private hosts: every test server is on 127.0.0.1."""
    base = dict(backoff=0.01, max_backoff=0.05, retries=2, connect_timeout=2.0, read_timeout=2.0,
                total_timeout=10.0, max_retry_after=5.0, workers=4, allow_private_hosts=True)
    base.update(overrides)
    return HttpSettings(**base)


def free_port() -> int:
    """A port nobody listens on (bound, then released), for connection-refused tests."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def source(name: str, url: str, kind: str = "test-json", **kw) -> SourceConfig:
    kw.setdefault("min_delay", 0.0)
    return SourceConfig(name=name, kind=kind, url=url, **kw)


# ---- a tiny adapter and curation, standing in for the real ones ---------------------

def _parse_json(body: bytes, src: SourceConfig) -> Iterator[RawRecord]:
    """Test adapter: ``{"jobs": [{"id", "title", "org"?, "apply"?, "boom"?}]}``."""
    try:
        data = json.loads(body)
    except ValueError as e:
        raise ParseError(f"not JSON: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise ParseError("no 'jobs' list")
    for job in data["jobs"]:
        if job.get("crash"):
            raise RuntimeError("adapter bug on this payload")
        yield RawRecord(source_id=str(job["id"]), title=job["title"], organization=job.get("org"),
                        apply_url=job.get("apply"), description_html=job.get("boom", ""))


def make_adapter(kind: str = "test-json", urls=None) -> types.ModuleType:
    mod = types.ModuleType(f"test_adapter_{kind}")
    mod.KIND = kind
    mod.CONTENT_TYPES = ("application/json",)
    mod.parse = _parse_json
    if urls is not None:
        mod.urls = urls
    return mod


ADAPTERS = {"test-json": make_adapter()}


def get_adapter(kind: str) -> types.ModuleType:
    return ADAPTERS[kind]


def make_entry(source_name: str, source_id: str, title: str, org: str = "Acme",
               apply: str | None = None, **kw) -> Entry:
    from board.vocabulary import slugify

    return Entry(
        slug=slugify(f"{org} {title}")[:80],
        title=title,
        organization=Organization(org),
        summary=f"{title} at {org}",
        description_html="<p>A 20-hour remote project.</p>",
        hours=Hours(15, 20),
        compensation=Compensation(600, 600, "USD"),
        category="data",
        posted=datetime(2026, 3, 1, tzinfo=timezone.utc),
        apply_url=apply or f"https://jobs.example.org/{source_name}/{source_id}",
        source=Source(kind="scraper", name=source_name, ids=(f"{source_name}:{source_id}",)),
        **kw,
    )


def curate(record: RawRecord, src: SourceConfig, rules, now: datetime) -> Decision:
    """Test curation: keep titles starting with "Keep", reject the rest; "Boom" raises."""
    if record.title.startswith("Boom"):
        raise ValueError("curation bug")
    if not record.title.startswith("Keep"):
        return Decision("reject", "not-micro-internship")
    entry = make_entry(src.name, record.source_id, record.title, record.organization or "Acme", record.apply_url)
    return Decision("keep", "kept-explicit-hours", entry=entry)


def jobs(*items: tuple) -> dict:
    """``jobs(("1", "Keep A"), ("2", "Nope"))`` -> the test adapter's payload."""
    return {"jobs": [dict(zip(("id", "title", "org", "apply"), it)) for it in items]}


# ---- a server that drips its response ----------------------------------------------------

DRIP_BODY = b'{"jobs": [{"id": "1", "title": "Keep Slow Drip"}]}' + b" " * 200


class DripServer:
    """A raw TCP server that sends its response a byte at a time, ``interval`` apart.

    ``mode``: "length" (headers at once with Content-Length, the body dripped),
    "close" (no Content-Length, the body dripped until the connection closes),
    "chunked" (one byte per chunk), "headers" (the status line and headers dripped) or
    "tls" (an https client's handshake answered one byte at a time).
    Each byte arrives well within any read timeout, so only a total deadline stops it.
    ``hits`` counts requests (connections that sent one).
    """

    def __init__(self, mode: str, interval: float = 0.2):
        import socketserver
        import threading

        self.mode, self.interval, self.hits = mode, interval, 0
        self.stop = threading.Event()
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                if outer.mode == "tls":  # the ClientHello comes first; answer it by the byte
                    self.request.recv(4096)
                    outer.hits += 1
                    try:
                        outer._drip(self.request, b"\x16\x03\x03\x10\x00" + b"\x02" * 4096)
                    except OSError:
                        pass
                    return
                data = b""
                while b"\r\n\r\n" not in data:
                    more = self.request.recv(4096)
                    if not more:
                        return
                    data += more
                if data.startswith(b"GET /robots.txt"):
                    self.request.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    return
                outer.hits += 1
                outer.serve(self.request)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def serve(self, sock: socket.socket) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        if self.mode == "length":
            head += f"Content-Length: {len(DRIP_BODY)}\r\n".encode()
        elif self.mode == "chunked":
            head += b"Transfer-Encoding: chunked\r\n"
        else:
            head += b"Connection: close\r\n"
        head += b"\r\n"
        try:
            if self.mode == "headers":
                self._drip(sock, head)
            else:
                sock.sendall(head)
            for i in range(len(DRIP_BODY)):
                byte = DRIP_BODY[i:i + 1]
                self._drip(sock, b"1\r\n" + byte + b"\r\n" if self.mode == "chunked" else byte)
        except OSError:  # the client cut us off: that is the point
            pass

    def _drip(self, sock: socket.socket, data: bytes) -> None:
        for i in range(len(data)):
            if self.stop.wait(self.interval):
                raise OSError("server stopped")
            sock.sendall(data[i:i + 1])

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/jobs"

    def __enter__(self) -> "DripServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()

"""Shared fixtures for the scraper infrastructure tests.

Real HTTP only: every test serves its responses from a local pytest-httpserver on
127.0.0.1 and lets :mod:`scrapers.http` fetch them. Delays are shrunk through
settings (``backoff=0.01``, ``min_delay=0``), never by patching sleeps.
"""

from __future__ import annotations

import json
import socket
import types
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

import pytest
from pytest_httpserver import HTTPServer

from board.entry import Compensation, Entry, Hours, Organization, Source
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


@dataclass
class Decision:
    keep: bool
    reason: str
    entry: Entry | None = None


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
        return Decision(False, "not-micro-internship")
    entry = make_entry(src.name, record.source_id, record.title, record.organization or "Acme", record.apply_url)
    return Decision(True, "kept-explicit-hours", entry)


def jobs(*items: tuple) -> dict:
    """``jobs(("1", "Keep A"), ("2", "Nope"))`` -> the test adapter's payload."""
    return {"jobs": [dict(zip(("id", "title", "org", "apply"), it)) for it in items]}

"""Shared fixtures for browser tests: Debian's Chromium driven by Python Playwright.

- ``browser``: one headless Chromium for the whole session (Playwright cannot download
  browsers here, so it launches ``/usr/bin/chromium`` or ``$CHROMIUM``);
- ``serve(path)``: serve a built site from a local HTTP server on 127.0.0.1 (random port,
  a thread, stopped at the end of the session) and return its base URL ending in "/";
- ``built_site``: the bundled sample content built once per session with a pinned "now";
- ``site_url``: ``serve(built_site)``; ``page``: a fresh page in its own context.

Every test here is marked ``browser`` automatically.
"""

from __future__ import annotations

import os
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.site.conftest import build_site, sample_content

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_server(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """A static file server for ``root`` on 127.0.0.1:<random port>, in a daemon thread."""
    server = _Server(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (make browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def serve():
    """``serve(path) -> base URL``; every server stops when the session ends."""
    servers: list[ThreadingHTTPServer] = []

    def _serve(path: Path) -> str:
        server, url = start_server(Path(path))
        servers.append(server)
        return url

    yield _serve
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled sample content, built once (pinned BOARD_NOW, root-relative links)."""
    base = tmp_path_factory.mktemp("browser-site")
    content = sample_content(base / "content")
    return build_site(content, base / "output")


@pytest.fixture(scope="session")
def site_url(serve, built_site) -> str:
    return serve(built_site)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.js_errors = errors  # tests assert this stays empty
    yield p

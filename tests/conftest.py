"""Fixtures shared by every test folder: the sample board built once per session."""

from __future__ import annotations

import os
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.site.conftest import HOSTILE_POSTING, NOW, ROOT, build_site, sample_content, scraped_entry, write_scraped

SHARED = ROOT.parent / "shared"


def shared_or_skip(*parts: str) -> Path:
    """A path in ../shared, or skip: a user's fresh clone has no ../shared beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared ships only beside CI and developer checkouts)")
    return path


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The sample board plus a hostile posting, an expired one and a scraped source."""
    base = tmp_path_factory.mktemp("site")
    content = sample_content(base / "content")
    (content / "postings" / "hostile-posting.md").write_text(HOSTILE_POSTING, encoding="utf-8")
    expired = (ROOT / "content/samples/postings/food-bank-donations-dashboard.md").read_text(encoding="utf-8")
    expired = expired.replace("Apply-By: 2027-03-15", "Apply-By: 2026-11-25").replace(
        "harvestshare.example.org/volunteer/dashboard-project", "harvestshare.example.org/volunteer/expired")
    (content / "postings" / "expired-posting.md").write_text(expired, encoding="utf-8")
    write_scraped(content, "example-board", [scraped_entry()])
    return build_site(content, base / "output")


# ---- a real browser: Debian's Chromium driven by Playwright -------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


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


class PinnedClockBrowser:
    """A Playwright browser whose every context reads the same "now" as the built site.

    The sample site is built with ``BOARD_NOW`` pinned (tests/site/conftest.py); the page's
    own scripts (days left, the form's "Posted" default) read the browser's clock, so that
    clock is pinned to the same instant in every context, whatever the machine's date.
    """

    def __init__(self, browser, now: str = NOW):
        self._browser = browser
        self.now = now

    def new_context(self, **kwargs):
        ctx = self._browser.new_context(**kwargs)
        ctx.clock.set_fixed_time(self.now)
        return ctx

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Playwright cannot download browsers here; `make test` installs Debian's)."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (make browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield PinnedClockBrowser(b)
        b.close()


@pytest.fixture(scope="session")
def serve():
    """``serve(path) -> base URL`` ending in "/"; every server stops when the session ends."""
    servers: list[ThreadingHTTPServer] = []

    def _serve(path: Path) -> str:
        server, url = start_server(Path(path))
        servers.append(server)
        return url

    yield _serve
    for s in servers:
        s.shutdown()
        s.server_close()

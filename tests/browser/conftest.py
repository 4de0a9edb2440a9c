"""Shared fixtures for browser tests: Debian's Chromium driven by Python Playwright.

- ``browser`` and ``serve(path)`` come from tests/conftest.py (security tests use them too);
- ``built_site``: the bundled sample content built once per session with a pinned "now";
- ``site_url``: ``serve(built_site)``; ``page``: a fresh page in its own context.

Every test here is marked ``browser`` automatically.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.site.conftest import ROOT, build_site, sample_content


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled sample content, built once (pinned BOARD_NOW, root-relative links)."""
    base = tmp_path_factory.mktemp("browser-site")
    content = sample_content(base / "content")
    return build_site(content, base / "output")


@pytest.fixture(scope="session")
def site_url(serve, built_site) -> str:
    return serve(built_site)


@contextlib.contextmanager
def open_page(browser, **context_options) -> Iterator:
    """A page in its own context whose uncaught errors collect in ``page.js_errors``
    (tests assert it stays empty); the context closes when the block ends."""
    ctx = browser.new_context(**context_options)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    try:
        yield page
    finally:
        ctx.close()


def synthetic_postings(base: Path, n: int, organizations: int,
                       posted: Callable[[int], str] = lambda i: "2026-10-01") -> Path:
    """A content folder (the real pages, ``n`` alike open postings) for boards a test needs
    big: postings differ only in number, organization (``i % organizations``), category and
    ``posted(i)``."""
    content = base / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "postings").mkdir()
    width = len(str(n - 1))
    for i in range(n):
        (content / "postings" / f"p-{i:0{width}d}.md").write_text(
            f"Title: Project number {i}\nOrganization: Org {i % organizations}\nSummary: A short remote project.\n"
            f"Category: {'data' if i % 2 else 'software'}\nSkills: Python\nHours: 10-12\nPay: 400 USD total\n"
            f"Apply-URL: https://jobs.example.com/{i}\nApply-By: 2027-05-15\nPosted: {posted(i)}\n\nA project.\n",
            encoding="utf-8")
    return content


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    p = context.new_page()  # the context is the test's too (some open a second page in it)
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.js_errors = errors  # tests assert this stays empty
    yield p

"""Shared fixtures for browser tests: Debian's Chromium driven by Python Playwright.

- ``browser`` and ``serve(path)`` come from tests/conftest.py (security tests use them too);
- ``built_site``: the bundled sample content built once per session with a pinned "now";
- ``site_url``: ``serve(built_site)``; ``page``: a fresh page in its own context.

Every test here is marked ``browser`` automatically.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import build_site, sample_content


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

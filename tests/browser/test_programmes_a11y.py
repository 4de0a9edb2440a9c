"""axe-core finds nothing on the programme pages, the Programmes view and the empty board
(the published board with no open posting), in light and in dark colour schemes."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import open_page
from tests.browser.test_accessibility import violations
from tests.site.conftest import ROOT, build_site

NOW = "2026-12-02T12:00:00Z"  # the shipped programmes were read on 2026-12-01


@pytest.fixture(scope="module")
def published_url(tmp_path_factory, serve) -> str:
    base = tmp_path_factory.mktemp("programmes-a11y")
    content = base / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("scraped", "samples"))
    return serve(build_site(content, base / "output", BOARD_NOW=NOW, BOARD_SAMPLES=False))


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    with open_page(browser, color_scheme=request.param, viewport={"width": 1280, "height": 900}) as page:
        yield page


@pytest.mark.parametrize("path", ["", "programmes/", "programmes/riipen-labs/",
                                  "programmes/goucher-college-micro-internships/", "organizations/riipen/"])
def test_programme_pages_have_no_axe_violations(scheme_page, published_url, path):
    scheme_page.goto(published_url + path)
    scheme_page.wait_for_load_state("networkidle")
    assert violations(scheme_page) == []
    assert scheme_page.js_errors == []

"""axe-core (axe-playwright-python, which bundles axe.min.js: no network) finds nothing
on the board, a posting page and a category page, in light and in dark colour schemes,
including the board's filter form opened, filtered and empty."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()


def violations(page) -> list[str]:
    result = AXE.run(page)
    return [f"{v['id']}: {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                                    for n in v["nodes"][:5])
            for v in result.response["violations"]]


@pytest.fixture(scope="module")
def a_posting(built_site) -> str:
    data = json.loads((built_site / "search/entries.json").read_text(encoding="utf-8"))
    row = data["entries"][0]
    return "postings/" + (row.get("s") or "") + "/" if "s" in row else None


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    ctx = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.emulate_media(color_scheme=request.param)
    yield page
    ctx.close()


def test_axe_is_bundled_and_works_offline(browser, site_url):
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site_url)
                   else route.abort())
        page.goto(site_url)
        assert len(AXE.axe_script) > 100_000  # axe.min.js itself, read from the package
        page.set_content("<html lang=en><title>t</title><main><img src=x.png></main></html>")
        assert any(v.startswith("image-alt") for v in violations(page))  # it does find problems
    finally:
        ctx.close()


def test_board(scheme_page, site_url):
    scheme_page.goto(site_url)
    scheme_page.wait_for_load_state("networkidle")
    dark = scheme_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    bg = scheme_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (bg == "rgb(18, 19, 22)") == dark  # the theme's dark background follows the scheme
    assert violations(scheme_page) == []


def test_board_with_filters_open_and_applied(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "?cat=data&skill=python&cur=USD&minhourly=20")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    assert page.locator("#f-more").get_attribute("open") is not None
    assert violations(page) == []


def test_board_with_empty_result(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "?q=zzzz-nothing")
    page.wait_for_selector("#empty")
    assert violations(page) == []


def test_posting_page(scheme_page, site_url, a_posting):
    assert a_posting
    scheme_page.goto(site_url + a_posting)
    assert violations(scheme_page) == []


def test_category_page(scheme_page, site_url):
    scheme_page.goto(site_url + "categories/data/")
    assert violations(scheme_page) == []
